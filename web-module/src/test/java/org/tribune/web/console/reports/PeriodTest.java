package org.tribune.web.console.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void theDefaultPeriodIsTheLastTwelveMonthsThisOneIncluded() {
    Period period = Period.lastTwelveMonths(YearMonth.of(2026, 3));
    assertEquals(YearMonth.of(2025, 4), period.from());
    assertEquals(YearMonth.of(2026, 3), period.to());
    assertEquals(12, period.months().size());
  }

  @Test
  void monthsBeginAtMidnightInTheSitesZoneSummerTimeIncluded() {
    Period summer = new Period(YearMonth.of(2026, 7), YearMonth.of(2026, 7));
    assertEquals(Instant.parse("2026-06-30T22:00:00Z"), summer.start(PARIS));
    assertEquals(Instant.parse("2026-07-31T22:00:00Z"), summer.end(PARIS));
    Period winter = new Period(YearMonth.of(2026, 1), YearMonth.of(2026, 12));
    assertEquals(Instant.parse("2025-12-31T23:00:00Z"), winter.start(PARIS));
    assertEquals(Instant.parse("2026-12-31T23:00:00Z"), winter.end(PARIS));
  }

  @Test
  void aWellFormedPeriodIsReadWithItsMonthsInOrder() {
    Optional<Period> period = Period.parse(" 2025-11 ", "2026-02");
    assertTrue(period.isPresent());
    assertEquals(
        java.util.List.of(
            YearMonth.of(2025, 11),
            YearMonth.of(2025, 12),
            YearMonth.of(2026, 1),
            YearMonth.of(2026, 2)),
        period.get().months());
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "null, 2026-01",
        "2026-01, null",
        "2026-13, 2026-12",
        "2026-1, 2026-12",
        "<b>, 2026-12",
        "2026-05, 2026-04",
        "2023-01, 2026-01",
        "1969-12, 1970-01"
      })
  void aMissingMalformedReversedOrTooLongPeriodIsRefused(String from, String to) {
    assertTrue(Period.parse(from, to).isEmpty(), from + " – " + to);
  }

  @Test
  void thirtySixMonthsAreAllowed() {
    assertTrue(Period.parse("2023-01", "2025-12").isPresent());
  }
}
