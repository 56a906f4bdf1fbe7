package org.tribune.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public pages' policy: frames only from the privacy-enhanced players, all else as strict. */
class PublicPolicyTest {

  private static List<String> directive(String name) {
    return Arrays.stream(SecurityHeaders.POLICY.split(";"))
        .map(String::strip)
        .filter(d -> d.startsWith(name + " "))
        .map(d -> List.of(d.substring(name.length() + 1).split(" ")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void framesComeOnlyFromTheSiteAndThePrivacyEnhancedPlayers() {
    assertEquals(
        List.of(
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            "https://geo.dailymotion.com"),
        directive("frame-src"));
  }

  @Test
  void scriptsConnectionsAndEverythingElseStayTheSitesOnly() {
    assertEquals(List.of("'self'"), directive("script-src"));
    assertEquals(List.of("'self'"), directive("connect-src"));
    assertEquals(List.of("'self'"), directive("default-src"));
    assertEquals(List.of("'none'"), directive("object-src"));
    assertFalse(SecurityHeaders.POLICY.contains("unsafe"));
    assertFalse(SecurityHeaders.POLICY.contains("youtube.com "));
    assertTrue(SecurityHeaders.POLICY.contains("frame-ancestors 'self'"));
  }
}
