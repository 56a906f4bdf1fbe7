package org.tribune.web.feed;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CachedResponseTest {
  private static final String ETAG = CachedResponse.etag("feed".getBytes(StandardCharsets.UTF_8));
  private static final Instant CHANGED = Instant.parse("2026-11-29T10:15:30.750Z");
  private static final long CHANGED_SECOND = Instant.parse("2026-11-29T10:15:30Z").toEpochMilli();

  @Test
  void etagIsAQuotedHashThatChangesWithTheContent() {
    assertAll(
        () -> assertTrue(ETAG.matches("\"[A-Za-z0-9_-]{22}\""), ETAG),
        () -> assertEquals(ETAG, CachedResponse.etag("feed".getBytes(StandardCharsets.UTF_8))),
        () -> assertNotEquals(ETAG, CachedResponse.etag("feed!".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void matchingEntityTagIsNotModified() {
    assertAll(
        () -> assertTrue(CachedResponse.isNotModified(ETAG, -1, ETAG, CHANGED)),
        () -> assertTrue(CachedResponse.isNotModified("\"x\", " + ETAG, -1, ETAG, CHANGED)),
        () -> assertTrue(CachedResponse.isNotModified("W/" + ETAG, -1, ETAG, CHANGED)),
        () -> assertTrue(CachedResponse.isNotModified("*", -1, ETAG, CHANGED)));
  }

  @Test
  void otherEntityTagIsModifiedWhateverTheDateSays() {
    assertFalse(CachedResponse.isNotModified("\"other\"", CHANGED_SECOND, ETAG, CHANGED));
  }

  @Test
  void dateIsComparedToTheSecondAsHttpDatesHaveNoMilliseconds() {
    assertAll(
        () -> assertTrue(CachedResponse.isNotModified(null, CHANGED_SECOND, ETAG, CHANGED)),
        () -> assertFalse(CachedResponse.isNotModified(null, CHANGED_SECOND - 1000, ETAG, CHANGED)),
        () -> assertFalse(CachedResponse.isNotModified(null, -1, ETAG, CHANGED)),
        () -> assertFalse(CachedResponse.isNotModified(null, CHANGED_SECOND, ETAG, null)));
  }
}
