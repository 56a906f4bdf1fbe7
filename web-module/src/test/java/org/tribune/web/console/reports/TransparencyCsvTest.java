package org.tribune.web.console.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.DecisionOutcome;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.ReportReason;
import org.tribune.comments.api.ReportStats;

class TransparencyCsvTest {
  private static final ResourceBundle MESSAGES =
      ResourceBundle.getBundle("org.tribune.web.i18n.messages", Locale.ROOT);
  private static final ResourceBundle CONSOLE =
      ResourceBundle.getBundle("org.tribune.web.i18n.console", Locale.ROOT);

  private static <E extends Enum<E>> Map<E, Long> counts(Class<E> type, long... values) {
    Map<E, Long> map = new EnumMap<>(type);
    E[] constants = type.getEnumConstants();
    for (int i = 0; i < constants.length; i++) {
      map.put(constants[i], i < values.length ? values[i] : 0L);
    }
    return map;
  }

  private static ReportStats stats(long illicit, long spam, long removed, Duration median) {
    return new ReportStats(
        Instant.EPOCH,
        Instant.EPOCH,
        counts(ReportReason.class, illicit, spam),
        counts(IllicitCategory.class, 0, illicit),
        counts(DecisionOutcome.class, 0, removed),
        median,
        median == null ? null : median.multipliedBy(2));
  }

  private static String csv() {
    Period period = new Period(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
    Transparency.Figures figures =
        new Transparency.Figures(
            period,
            ZoneId.of("Europe/Paris"),
            List.of(
                new Transparency.Month(
                    YearMonth.of(2026, 1), stats(2, 3, 1, Duration.ofMinutes(90))),
                new Transparency.Month(YearMonth.of(2026, 2), stats(0, 0, 0, null))),
            stats(2, 3, 1, Duration.ofMinutes(90)));
    return TransparencyCsv.write(figures, MESSAGES, CONSOLE);
  }

  @Test
  void aFrenchSpreadsheetGetsUtf8WithABomSemicolonsAndCrlf() {
    String csv = csv();
    assertTrue(csv.startsWith("\uFEFFMois;Signalements reçus;Contenu illicite;"), csv);
    assertTrue(csv.endsWith("\r\n"));
    assertEquals(4, csv.split("\r\n").length, "header, two months, total");
  }

  @Test
  void eachRowCountsByReasonCategoryAndOutcomeAndGivesTimesInMinutes() {
    String[] lines = csv().split("\r\n");
    String[] header = lines[0].split(";", -1);
    String[] january = lines[1].split(";", -1);
    String[] february = lines[2].split(";", -1);
    String[] total = lines[3].split(";", -1);
    assertEquals(1 + 1 + 4 + 7 + 1 + 3 + 2, header.length);
    assertEquals(
        "Contenu illicite – Incitation à la haine, à la violence ou à la discrimination",
        header[7]);
    assertEquals("Délai médian de décision (minutes)", header[header.length - 2]);
    assertEquals(
        List.of(
            "2026-01", "5", "2", "3", "0", "0", "0", "2", "0", "0", "0", "0", "0", "1", "0", "1",
            "0", "90", "180"),
        List.of(january));
    assertEquals("", february[february.length - 1], "no decision: an empty cell");
    assertEquals("Total de la période", total[0]);
  }

  @Test
  void aFieldWithASeparatorAQuoteOrALineBreakIsQuoted() {
    assertEquals("simple", TransparencyCsv.quoted("simple"));
    assertEquals("\"a;b\"", TransparencyCsv.quoted("a;b"));
    assertEquals("\"dit \"\"non\"\"\"", TransparencyCsv.quoted("dit \"non\""));
    assertEquals("\"deux\nlignes\"", TransparencyCsv.quoted("deux\nlignes"));
  }
}
