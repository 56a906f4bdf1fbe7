package org.tribune.web.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VisitorCookiesTest {

  @Test
  void ownTokensAreReadAndGarbageIsSkipped() {
    assertEquals(
        Map.of(12L, "abc", 7L, "def"),
        VisitorCookies.parseOwn("12.abc~x.y~~99999999999999999999.z~7.def~5."));
  }

  @Test
  void atMostTwentyTokensAreKept() {
    StringBuilder value = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      value.append(i).append(".t").append(i).append('~');
    }
    assertEquals(VisitorCookies.MAX_OWN, VisitorCookies.parseOwn(value.toString()).size());
  }

  @Test
  void theParentFieldIsAnIdOrNothing() {
    assertNull(form("").parentId());
    assertNull(form("  ").parentId());
    assertEquals(42L, form(" 42 ").parentId());
    assertEquals(-1L, form("99999999999999999999").parentId());
    assertEquals(-1L, form("4e2").parentId());
  }

  private static CommentForm form(String parent) {
    return new CommentForm(parent, "", "", "", "", false, false);
  }
}
