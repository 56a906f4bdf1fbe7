package org.tribune.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Colours as the console takes them, their WCAG contrast, and the branding read from storage. */
class BrandingTest {

  @Test
  void coloursAreTakenInHexadecimalWithOrWithoutTheHashLongOrShort() {
    assertEquals(Optional.of("#9b1c1c"), Colours.parse("#9B1C1C"));
    assertEquals(Optional.of("#9b1c1c"), Colours.parse(" 9b1c1c "));
    assertEquals(Optional.of("#aa1111"), Colours.parse("#a11"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "rouge", "#12345", "#1234567", "#ggg000", "rgb(0,0,0)", "#12345g", "##123456"})
  void whatIsNotAHexadecimalColourIsRefused(String text) {
    assertEquals(Optional.empty(), Colours.parse(text));
  }

  @Test
  void contrastIsWcagsRatio() {
    assertEquals(21.0, Colours.contrast("#000000", "#ffffff"), 1e-9);
    assertEquals(1.0, Colours.contrast("#777777", "#777777"), 1e-9);
    // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
    assertEquals(4.54, Colours.contrast("#767676", "#ffffff"), 0.005);
    assertEquals(Colours.contrast("#767676", "#ffffff"), Colours.contrast("#ffffff", "#767676"));
  }

  @Test
  void anAccentMustBeReadableOnThePageAndUnderWhiteText() {
    assertTrue(Branding.readable(Branding.DEFAULT_ACCENT), "the stylesheet's own");
    assertTrue(Branding.readable("#1a5e1a"));
    assertFalse(Branding.readable("#ffd700"), "gold: 1.4:1");
    assertFalse(Branding.readable("#777777"), "4.48:1 on white: just under AA");
    assertFalse(Branding.readable("#ffffff"));
  }

  @Test
  void nothingStoredMeansTheDefaults() {
    Branding branding = Branding.of(Map.of());
    assertNull(branding.tagline(), "the language bundle's tagline");
    assertEquals("", branding.footer());
    assertTrue(branding.poweredBy());
    assertEquals(Branding.DEFAULT_ACCENT, branding.accent());
    assertFalse(branding.ownAccent());
    assertNull(branding.logoId());
  }

  @Test
  void storedValuesAreReadAndBadOnesCountAsNotSet() {
    Branding good =
        Branding.of(
            Map.of(
                Branding.TAGLINE, "",
                Branding.FOOTER, " Éditeur ",
                Branding.POWERED_BY, "false",
                Branding.ACCENT, "#1A5E1A",
                Branding.LOGO, "42"));
    assertEquals("", good.tagline(), "no tagline");
    assertEquals("Éditeur", good.footer());
    assertFalse(good.poweredBy());
    assertEquals("#1a5e1a", good.accent());
    assertTrue(good.ownAccent());
    assertEquals(42L, good.logoId());

    Branding bad = Branding.of(Map.of(Branding.ACCENT, "#ffd700", Branding.LOGO, "12; DROP TABLE"));
    assertEquals(Branding.DEFAULT_ACCENT, bad.accent(), "an unreadable colour edited by hand");
    assertNull(bad.logoId());
  }
}
