package org.tribune.web.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LegacyAddressesTest {

  @Test
  void pathsAreComparedDecodedInLowerCaseWithTheirSlash() {
    assertEquals("/2017/10/été/", LegacyAddresses.normalisePath("/2017/10/%C3%A9t%C3%A9"));
    assertEquals("/2017/10/été/", LegacyAddresses.normalisePath("/2017/10/%c3%a9t%c3%a9/"));
    assertEquals("/a-propos/", LegacyAddresses.normalisePath("/A-Propos"));
    assertEquals("/100%/", LegacyAddresses.normalisePath("/100%"));
  }

  @Test
  void anOldPermalinkKeepsItsPathButNotTheSiteRoot() {
    assertEquals(
        "/2017/10/30/lete-au-cinema/",
        WxrImporter.oldPath("https://ancien.example.org/2017/10/30/lete-au-cinema/"));
    assertNull(WxrImporter.oldPath("https://ancien.example.org/?p=12"));
    assertNull(WxrImporter.oldPath("not a url at all"));
  }

  @Test
  void xmlCannotHoldControlCharactersSoTheExportDropsThem() {
    assertEquals("ab😀c", WxrWriter.clean("a\u0000b😀\uD800c"));
    assertEquals("tab\tok", WxrWriter.clean("tab\tok"));
  }
}
