package org.tribune.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tribune.web.config.RequestLimits.Refusal;

class RequestLimitsTest {
  private static final long LIMIT = 2_097_152;

  @Test
  void aBodyUpToTheLimitPasses() {
    assertNull(RequestLimits.bodyRefusal(LIMIT, false, LIMIT, false));
    assertNull(RequestLimits.bodyRefusal(0, false, LIMIT, false));
    assertNull(RequestLimits.bodyRefusal(-1, false, LIMIT, false));
  }

  @Test
  void aLongerBodyIsRefusedWith413FromItsLengthAlone() {
    assertEquals(Refusal.TOO_LARGE, RequestLimits.bodyRefusal(LIMIT + 1, false, LIMIT, false));
    assertEquals(413, RequestLimits.bodyRefusal(20L << 20, true, LIMIT, true).status());
  }

  @Test
  void aBodyWithoutALengthIsRefusedWith411ExceptOnImports() {
    assertEquals(Refusal.NO_LENGTH, RequestLimits.bodyRefusal(-1, true, LIMIT, false));
    assertEquals(411, Refusal.NO_LENGTH.status());
    assertNull(RequestLimits.bodyRefusal(-1, true, LIMIT, true));
  }

  @Test
  void noLimitWhenTheLimitIsZero() {
    assertNull(RequestLimits.bodyRefusal(Long.MAX_VALUE, false, 0, false));
  }

  @Test
  void onlyTheImportAddressesMayBeLarge() {
    assertTrue(RequestLimits.isImport("/api/admin/import/wxr"));
    assertTrue(RequestLimits.isImport("/admin/transfer/upload"));
    assertTrue(RequestLimits.isImport("/admin/transfer/restore"));
    assertTrue(RequestLimits.isImport("/api/admin/import/json"));
    assertFalse(RequestLimits.isImport("/admin/transfer"));
    assertFalse(RequestLimits.isImport("/articles/x/comments"));
    assertFalse(RequestLimits.isImport("/api/admin/export/json"));
  }

  @Test
  void theTextOfThePageIsEscaped() {
    assertEquals("&lt;b&gt; &amp;", RequestLimits.escape("<b> &"));
  }
}
