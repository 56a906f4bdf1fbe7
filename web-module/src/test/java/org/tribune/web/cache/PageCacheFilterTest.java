package org.tribune.web.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageCacheFilterTest {
  @Test
  void ifNoneMatchComparesWeakly() {
    assertTrue(PageCacheFilter.matches("\"abc-12\"", "\"abc-12\""));
    assertTrue(PageCacheFilter.matches("W/\"abc-12\"", "\"abc-12\""));
    assertTrue(PageCacheFilter.matches("\"x\", W/\"abc-12-5\"", "W/\"abc-12-5\""));
    assertTrue(PageCacheFilter.matches("*", "\"abc-12\""));
    assertFalse(PageCacheFilter.matches("\"abc-13\"", "\"abc-12\""));
    assertFalse(PageCacheFilter.matches("", "\"abc-12\""));
    assertFalse(PageCacheFilter.matches("abc-12", "\"abc-12\""));
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
    assertTrue(PageCacheFilter.acceptsGzip("gzip, deflate, br"));
    assertTrue(PageCacheFilter.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
    assertTrue(PageCacheFilter.acceptsGzip("*"));
    assertFalse(PageCacheFilter.acceptsGzip(null));
    assertFalse(PageCacheFilter.acceptsGzip("identity"));
    assertFalse(PageCacheFilter.acceptsGzip("gzip;q=0"));
    assertFalse(PageCacheFilter.acceptsGzip("gzip; q=0.000, br"));
    assertFalse(PageCacheFilter.acceptsGzip("x-gzip-not"));
  }
}
