package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.DailyCount;

class DailyCountsTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void everyDayIsListedOldestFirstWithZeroWhenNone() {
    LocalDate first = LocalDate.of(2026, 3, 1);
    List<DailyCount> counts =
        DailyCounts.of(
            List.of(Instant.parse("2026-03-02T10:00:00Z")), PARIS, first, first.plusDays(2));
    assertEquals(
        List.of(
            new DailyCount(first, 0),
            new DailyCount(first.plusDays(1), 1),
            new DailyCount(first.plusDays(2), 0)),
        counts);
  }

  @Test
  void anInstantCountsOnTheDayOfTheZoneNotOfUtc() {
    // 23:30 UTC on 1 March is 00:30 on 2 March in Paris.
    Instant lateUtc = Instant.parse("2026-03-01T23:30:00Z");
    LocalDate first = LocalDate.of(2026, 3, 1);
    List<DailyCount> paris = DailyCounts.of(List.of(lateUtc), PARIS, first, first.plusDays(1));
    List<DailyCount> utc =
        DailyCounts.of(List.of(lateUtc), ZoneId.of("UTC"), first, first.plusDays(1));
    assertEquals(List.of(0L, 1L), paris.stream().map(DailyCount::count).toList());
    assertEquals(List.of(1L, 0L), utc.stream().map(DailyCount::count).toList());
  }

  @Test
  void aDayMissingOneHourForDaylightSavingIsOneDay() {
    // Paris skips 02:00-03:00 on 29 March 2026.
    LocalDate day = LocalDate.of(2026, 3, 29);
    Instant start = day.atStartOfDay(PARIS).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(PARIS).toInstant().minusSeconds(1);
    List<DailyCount> counts = DailyCounts.of(List.of(start, end), PARIS, day, day);
    assertEquals(List.of(new DailyCount(day, 2)), counts);
  }

  @Test
  void instantsOutsideThePeriodAreLeftOut() {
    LocalDate day = LocalDate.of(2026, 3, 1);
    Instant before = day.atStartOfDay(PARIS).toInstant().minusSeconds(1);
    Instant after = day.plusDays(1).atStartOfDay(PARIS).toInstant();
    assertEquals(
        List.of(new DailyCount(day, 0)), DailyCounts.of(List.of(before, after), PARIS, day, day));
  }
}
