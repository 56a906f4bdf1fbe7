package org.tribune.web.console.reports;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * How long something took or has waited, in the console's words and to the minute: « 45 min », « 3
 * h 05 », « 2 j 4 h » (the units of the console bundle's {@code reports.duration.*}, joined to
 * their numbers by no-break spaces).
 */
public final class Durations {
  private Durations() {}

  /** {@code duration} in words; the bundle's dash for {@code null}. */
  public static String format(Duration duration, ResourceBundle texts, Locale locale) {
    if (duration == null) {
      return texts.getString("reports.duration.none");
    }
    long minutes = Math.max(0, duration.toMinutes());
    if (minutes < 1) {
      return texts.getString("reports.duration.under-a-minute");
    } else if (minutes < 60) {
      return format(texts, locale, "reports.duration.minutes", minutes);
    } else if (minutes < 24 * 60) {
      return format(texts, locale, "reports.duration.hours", minutes / 60, minutes % 60);
    }
    long hours = minutes / 60;
    return format(texts, locale, "reports.duration.days", hours / 24, hours % 24);
  }

  private static String format(
      ResourceBundle texts, Locale locale, String key, Object... arguments) {
    return new MessageFormat(texts.getString(key), locale).format(arguments);
  }
}
