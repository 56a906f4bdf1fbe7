package org.tribune.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SiteSettingsTest {
  private static final Instant MORNING = Instant.parse("2017-10-30T09:06:00Z");

  private static SiteSettings settings(String locale, String zone) {
    SiteSettings site = new SiteSettings();
    site.localeSetting = locale;
    site.zoneSetting = zone;
    site.name = "Tribune";
    site.init();
    return site;
  }

  @Test
  void frenchDatesUseTheSiteTimeZoneAndFrenchStyle() {
    SiteSettings site = settings("fr-FR", "Europe/Paris");
    assertEquals("30 octobre 2017 à 10\u00a0h\u00a006", site.dateTime(MORNING));
    assertEquals("30 octobre 2017", site.date(MORNING));
    assertEquals("fr", site.getLanguage());
  }

  @Test
  void theIsoInstantStaysInUtcForMachines() {
    assertEquals("2017-10-30T09:06:00Z", settings("fr-FR", "Europe/Paris").iso(MORNING));
  }

  @Test
  void englishSiteGetsEnglishWordsAndItsOwnZone() {
    SiteSettings site = settings("en-GB", "Europe/London");
    assertEquals("30 October 2017 at 09:06", site.dateTime(MORNING));
    assertEquals("Latest articles", site.messages().getString("home.title"));
  }

  @Test
  void frenchTextDoesNotDependOnTheJvmLanguage() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ENGLISH);
      assertEquals(
          "Derniers articles",
          settings("fr-FR", "Europe/Paris").messages().getString("home.title"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void wrongSettingsFallBackToFrenchAndParis() {
    SiteSettings site = settings("not a locale!", "Mars/Olympus");
    assertEquals("fr", site.getLanguage());
    assertEquals(ZoneId.of("Europe/Paris"), site.getZone());
  }

  @Test
  void missingInstantsPrintNothing() {
    SiteSettings site = settings("fr-FR", "Europe/Paris");
    assertEquals("", site.date(null));
    assertEquals("", site.dateTime(null));
    assertEquals("", site.iso(null));
  }
}
