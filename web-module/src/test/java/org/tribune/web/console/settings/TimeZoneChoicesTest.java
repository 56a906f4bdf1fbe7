package org.tribune.web.console.settings;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Collator;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.web.console.settings.TimeZoneChoices.Choice;
import org.tribune.web.console.settings.TimeZoneChoices.Region;

class TimeZoneChoicesTest {
  private static final Instant WINTER = Instant.parse("2027-01-15T12:00:00Z");
  private static final Instant SUMMER = Instant.parse("2027-07-15T12:00:00Z");

  private static Map<Region, List<Choice>> french(Instant now) {
    return TimeZoneChoices.choices(Locale.FRANCE, now, "Temps universel coordonné (UTC)");
  }

  private static String label(Map<Region, List<Choice>> choices, Region region, String id) {
    return choices.get(region).stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .map(Choice::label)
        .orElseThrow(() -> new AssertionError(id + " is not offered under " + region));
  }

  @Test
  void placesAreNamedInFrenchWithTheirCountryAndOffset() {
    Map<Region, List<Choice>> winter = french(WINTER);
    assertAll(
        () -> assertEquals("Paris (France) — UTC+1", label(winter, Region.EUROPE, "Europe/Paris")),
        () ->
            assertEquals(
                "Londres (Royaume-Uni) — UTC", label(winter, Region.EUROPE, "Europe/London")),
        () ->
            assertEquals(
                "Paris (France) — UTC+2", label(french(SUMMER), Region.EUROPE, "Europe/Paris")),
        () ->
            assertEquals(
                "La Réunion — UTC+4", label(winter, Region.INDIAN, "Indian/Reunion"), "no twice"),
        () -> assertTrue(label(winter, Region.OCEANIA, "Pacific/Noumea").startsWith("Nouméa")),
        () ->
            assertEquals(
                "Temps universel coordonné (UTC)", winter.get(Region.UNIVERSAL).get(0).label()),
        () -> assertEquals(Region.UNIVERSAL, winter.keySet().iterator().next(), "UTC first"));
  }

  @Test
  void inEnglishTheNamesAreEnglish() {
    Map<Region, List<Choice>> english = TimeZoneChoices.choices(Locale.UK, SUMMER, "UTC");
    assertEquals("London (United Kingdom) — UTC+1", label(english, Region.EUROPE, "Europe/London"));
  }

  @Test
  void onePlaceOnceUnderItsCurrentNameAndNoAliases() {
    List<String> ids =
        french(WINTER).values().stream().flatMap(List::stream).map(Choice::id).toList();
    assertAll(
        () -> assertEquals(ids.size(), ids.stream().distinct().count(), "a zone twice"),
        () -> assertTrue(ids.contains("Asia/Ho_Chi_Minh")),
        () -> assertFalse(ids.contains("Asia/Saigon"), "an alias"),
        () -> assertFalse(ids.contains("US/Eastern"), "an alias"),
        () -> assertTrue(ids.stream().noneMatch(id -> id.startsWith("Etc/")), "Etc/ zones"),
        () -> assertTrue(ids.size() > 350 && ids.size() < 450, () -> ids.size() + " zones"),
        () -> assertTrue(TimeZoneChoices.offered("Europe/Paris")),
        () -> assertTrue(TimeZoneChoices.offered("UTC")),
        () -> assertFalse(TimeZoneChoices.offered("Mars/Olympus_Mons")));
  }

  @Test
  void eachPartOfTheWorldIsInFrenchAlphabeticalOrder() {
    Collator collator = Collator.getInstance(Locale.FRENCH);
    french(WINTER)
        .forEach(
            (region, choices) -> {
              for (int i = 1; i < choices.size(); i++) {
                String before = choices.get(i - 1).label();
                String after = choices.get(i).label();
                assertTrue(
                    collator.compare(before, after) <= 0,
                    () -> region + ": " + before + " before " + after);
              }
            });
    List<String> europe = french(WINTER).get(Region.EUROPE).stream().map(Choice::id).toList();
    assertTrue(
        europe.indexOf("Europe/Athens") < europe.indexOf("Europe/Berlin"),
        "Athènes comes before Berlin");
  }

  @Test
  void offsetsAreWrittenWithMinutesAndATrueMinusSign() {
    assertAll(
        () -> assertEquals("UTC+5:30", TimeZoneChoices.offset("Asia/Kolkata", WINTER)),
        () -> assertEquals("UTC\u22123:30", TimeZoneChoices.offset("America/St_Johns", WINTER)),
        () -> assertEquals("UTC", TimeZoneChoices.offset("UTC", WINTER)));
  }
}
