package org.tribune.web.console.settings;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.TimeZone.SystemTimeZoneType;
import com.ibm.icu.util.ULocale;
import java.text.Collator;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time zones a site owner chooses from: one per place (CLDR's canonical locations, under their
 * IANA names — « Asia/Ho_Chi_Minh », not the alias « Asia/Saigon »), named as a reader of the
 * console's language names them (« Londres (Royaume-Uni) », « Hô-Chi-Minh-Ville (Viêt Nam) »), with
 * their offset from UTC at the time the page is shown, grouped by part of the world, each group in
 * the language's alphabetical order. Names come from ICU4J (CLDR data), already in the WAR for the
 * slugs; the zones offered are those the Java runtime also knows.
 */
final class TimeZoneChoices {
  /** The parts of the world, in the order offered; {@code console.properties} names them. */
  enum Region {
    UNIVERSAL,
    EUROPE,
    AFRICA,
    AMERICA,
    ASIA,
    OCEANIA,
    INDIAN,
    ATLANTIC,
    POLAR;

    /** The part of the world of an IANA identifier's first segment. */
    static Region of(String id) {
      String area = id.substring(0, Math.max(0, id.indexOf('/')));
      return switch (area) {
        case "Europe" -> EUROPE;
        case "Africa" -> AFRICA;
        case "America" -> AMERICA;
        case "Asia" -> ASIA;
        case "Australia", "Pacific" -> OCEANIA;
        case "Indian" -> INDIAN;
        case "Atlantic" -> ATLANTIC;
        case "Antarctica", "Arctic" -> POLAR;
        default -> UNIVERSAL;
      };
    }
  }

  /** A zone: its identifier (what is stored) and its name without the offset. */
  record Place(String id, String name) {}

  /** A zone as offered: its identifier and its label. */
  record Choice(String id, String label) {}

  /** The universal time, first of all; the sites whose readers are everywhere choose it. */
  static final String UTC = "UTC";

  private static final Map<Locale, Map<Region, List<Place>>> PLACES = new ConcurrentHashMap<>();

  /** The identifiers offered: CLDR's canonical locations, as IANA names this runtime knows. */
  private static final Set<String> OFFERED = identifiers();

  private TimeZoneChoices() {}

  /**
   * Every zone offered, by part of the world, named in this language, with today's offsets; UTC
   * first, under the name given (from the console's bundle).
   */
  static Map<Region, List<Choice>> choices(Locale locale, Instant now, String universalName) {
    Map<Region, List<Choice>> choices = new EnumMap<>(Region.class);
    choices.put(Region.UNIVERSAL, List.of(new Choice(UTC, universalName)));
    places(locale)
        .forEach(
            (region, places) ->
                choices.put(
                    region,
                    places.stream()
                        .map(p -> new Choice(p.id(), p.name() + " — " + offset(p.id(), now)))
                        .toList()));
    return choices;
  }

  /** Whether a zone is one of those offered (by its identifier: no names needed). */
  static boolean offered(String id) {
    return UTC.equals(id) || OFFERED.contains(id);
  }

  private static Map<Region, List<Place>> places(Locale locale) {
    return PLACES.computeIfAbsent(locale, TimeZoneChoices::name);
  }

  private static Map<Region, List<Place>> name(Locale locale) {
    ULocale language = ULocale.forLocale(locale);
    TimeZoneNames names = TimeZoneNames.getInstance(language);
    Map<Region, List<Place>> places = new EnumMap<>(Region.class);
    for (String canonical :
        TimeZone.getAvailableIDs(SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
      String id = TimeZone.getIanaID(canonical);
      if (!OFFERED.contains(id)) {
        continue; // newer than this runtime's time zone data
      }
      String city = names.getExemplarLocationName(canonical);
      if (city == null || city.isBlank()) {
        city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
      }
      String region = TimeZone.getRegion(canonical);
      String country =
          region == null || region.equals("001")
              ? ""
              : new Locale("", region).getDisplayCountry(locale);
      String name = country.isEmpty() || country.equals(city) ? city : city + " (" + country + ")";
      places.computeIfAbsent(Region.of(id), r -> new ArrayList<>()).add(new Place(id, name));
    }
    Collator collator = Collator.getInstance(locale);
    places.replaceAll(
        (region, list) ->
            list.stream()
                .sorted(Comparator.comparing(Place::name, collator).thenComparing(Place::id))
                .toList());
    return places;
  }

  private static Set<String> identifiers() {
    Set<String> known = ZoneId.getAvailableZoneIds();
    return TimeZone.getAvailableIDs(SystemTimeZoneType.CANONICAL_LOCATION, null, null).stream()
        .map(TimeZone::getIanaID)
        .filter(known::contains)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** « UTC+1 », « UTC−3:30 », « UTC » — the offset at that instant (summer time included). */
  static String offset(String id, Instant now) {
    ZoneOffset offset = ZoneId.of(id).getRules().getOffset(now);
    int seconds = offset.getTotalSeconds();
    if (seconds == 0) {
      return "UTC";
    }
    int minutes = Math.abs(seconds) / 60;
    String sign = seconds > 0 ? "+" : "\u2212";
    return "UTC"
        + sign
        + minutes / 60
        + (minutes % 60 == 0 ? "" : ":" + String.format(Locale.ROOT, "%02d", minutes % 60));
  }
}
