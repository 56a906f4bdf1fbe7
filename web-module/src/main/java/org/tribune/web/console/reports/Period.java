package org.tribune.web.console.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The months of a transparency report, {@code from} to {@code to} included, as the period form and
 * the CSV address give them ({@code ?from=2026-01&to=2026-12}). Months begin at midnight in the
 * site's time zone.
 */
public record Period(YearMonth from, YearMonth to) {
  /** Most months one report covers (one query of the figures per month). */
  public static final int MOST_MONTHS = 36;

  /** The default period: the last twelve months, this one included. */
  public static final int DEFAULT_MONTHS = 12;

  public Period {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException(from + " is after " + to);
    }
  }

  /** The twelve months that end with {@code current}. */
  public static Period lastTwelveMonths(YearMonth current) {
    return new Period(current.minusMonths(DEFAULT_MONTHS - 1L), current);
  }

  /**
   * The period of two {@code YYYY-MM} values; empty when either is missing or malformed, when
   * {@code from} comes after {@code to}, or when they span more than {@value #MOST_MONTHS} months.
   */
  public static Optional<Period> parse(String from, String to) {
    if (from == null || to == null) {
      return Optional.empty();
    }
    try {
      YearMonth first = YearMonth.parse(from.strip());
      YearMonth last = YearMonth.parse(to.strip());
      if (first.isAfter(last)
          || first.until(last, ChronoUnit.MONTHS) >= MOST_MONTHS
          || first.getYear() < 1970
          || last.getYear() > 9999) {
        return Optional.empty();
      }
      return Optional.of(new Period(first, last));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Every month of the period, oldest first. */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
      months.add(month);
    }
    return months;
  }

  /** When {@code month} begins in {@code zone}. */
  public static Instant start(YearMonth month, ZoneId zone) {
    return month.atDay(1).atStartOfDay(zone).toInstant();
  }

  /** When the period begins in {@code zone}. */
  public Instant start(ZoneId zone) {
    return start(from, zone);
  }

  /** When the period ends in {@code zone}: the first instant of the month after {@code to}. */
  public Instant end(ZoneId zone) {
    return start(to.plusMonths(1), zone);
  }
}
