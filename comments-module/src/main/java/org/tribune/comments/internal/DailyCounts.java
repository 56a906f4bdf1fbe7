package org.tribune.comments.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.tribune.comments.api.DailyCount;

/**
 * Counts instants per calendar day of a time zone. Done in Java over the comments' dates of the
 * period because SQL date functions differ between H2 and PostgreSQL; a dashboard's period is a few
 * thousand dates at most. A plain class, tested without a database.
 */
final class DailyCounts {
  private DailyCounts() {}

  /** Every day from {@code first} to {@code last} included, oldest first, 0 when none. */
  static List<DailyCount> of(
      Collection<Instant> instants, ZoneId zone, LocalDate first, LocalDate last) {
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    long[] counts = new long[Math.max(days, 0)];
    for (Instant instant : instants) {
      long index = LocalDate.ofInstant(instant, zone).toEpochDay() - first.toEpochDay();
      if (index >= 0 && index < days) {
        counts[(int) index]++;
      }
    }
    List<DailyCount> list = new ArrayList<>(counts.length);
    for (int i = 0; i < counts.length; i++) {
      list.add(new DailyCount(first.plusDays(i), counts[i]));
    }
    return list;
  }
}
