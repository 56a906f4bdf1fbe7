package org.tribune.web.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tribune.web.site.HttpCaching;

class PageCacheFilterTest {
  @Test
  void ifNoneMatchComparesWeakly() {
    assertTrue(HttpCaching.ifNoneMatch("\"abc-12\"", "\"abc-12\""));
    assertTrue(HttpCaching.ifNoneMatch("W/\"abc-12\"", "\"abc-12\""));
    assertTrue(HttpCaching.ifNoneMatch("\"x\", W/\"abc-12-5\"", "W/\"abc-12-5\""));
    assertTrue(HttpCaching.ifNoneMatch("*", "\"abc-12\""));
    assertFalse(HttpCaching.ifNoneMatch("\"abc-13\"", "\"abc-12\""));
    assertFalse(HttpCaching.ifNoneMatch("", "\"abc-12\""));
    assertFalse(HttpCaching.ifNoneMatch("abc-12", "\"abc-12\""));
  }

  @Test
  void onlyCampaignTagsAreLeftOutOfTheKey() {
    assertTrue(PageCacheFilter.ignored("utm_source"));
    assertTrue(PageCacheFilter.ignored("fbclid"));
    assertFalse(PageCacheFilter.ignored("p"));
    assertFalse(PageCacheFilter.ignored("page_id"));
    assertFalse(PageCacheFilter.ignored("replyto"));
  }

  @Test
  void gzipOnlyWhenTheClientTakesIt() {
    assertTrue(HttpCaching.acceptsGzip("gzip, deflate, br"));
    assertTrue(HttpCaching.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
    assertTrue(HttpCaching.acceptsGzip("*"));
    assertFalse(HttpCaching.acceptsGzip(null));
    assertFalse(HttpCaching.acceptsGzip("identity"));
    assertFalse(HttpCaching.acceptsGzip("gzip;q=0"));
    assertFalse(HttpCaching.acceptsGzip("gzip; q=0.000, br"));
    assertFalse(HttpCaching.acceptsGzip("x-gzip-not"));
  }
}
