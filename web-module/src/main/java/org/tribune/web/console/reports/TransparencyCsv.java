package org.tribune.web.console.reports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.tribune.comments.api.DecisionOutcome;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.ReportReason;
import org.tribune.comments.api.ReportStats;

/**
 * The transparency figures as CSV for a spreadsheet set to French: UTF-8 with a byte order mark
 * (without it, Excel reads the file in the system's code page and garbles the accents), fields
 * separated by semicolons (the comma is the French decimal sign, so Excel expects {@code ;}), lines
 * ended by CRLF, fields quoted only when they hold a separator, a quote or a line break. A header
 * row in the site's language, one row per month ({@code 2026-01}), then a row for the whole period.
 * Times are whole minutes, so that no decimal sign is needed; an empty cell means no decision.
 */
public final class TransparencyCsv {
  /** The byte order mark that tells spreadsheets the file is UTF-8. */
  public static final String BOM = "\uFEFF";

  public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

  private static final char SEPARATOR = ';';
  private static final String LINE_END = "\r\n";

  private TransparencyCsv() {}

  /**
   * The file's text, byte order mark first.
   *
   * @param messages the public bundle (the labels of reasons, categories and outcomes)
   * @param console the console bundle (the other column titles)
   */
  public static String write(
      Transparency.Figures figures, ResourceBundle messages, ResourceBundle console) {
    StringBuilder csv = new StringBuilder(BOM);
    line(csv, header(messages, console));
    for (Transparency.Month month : figures.months()) {
      line(csv, row(month.month().toString(), month.stats()));
    }
    line(csv, row(console.getString("transparency.total"), figures.total()));
    return csv.toString();
  }

  static List<String> header(ResourceBundle messages, ResourceBundle console) {
    List<String> titles = new ArrayList<>();
    titles.add(console.getString("transparency.csv.month"));
    titles.add(console.getString("transparency.reports"));
    for (ReportReason reason : ReportReason.values()) {
      titles.add(messages.getString("reports.reason." + reason));
    }
    String illicit = messages.getString("reports.reason." + ReportReason.ILLICIT);
    for (IllicitCategory category : IllicitCategory.values()) {
      titles.add(illicit + " – " + messages.getString("reports.category." + category));
    }
    titles.add(console.getString("transparency.decisions"));
    for (DecisionOutcome outcome : DecisionOutcome.values()) {
      titles.add(messages.getString("reports.outcome." + outcome));
    }
    String minutes = " (" + console.getString("transparency.csv.minutes") + ")";
    titles.add(console.getString("transparency.median") + minutes);
    titles.add(console.getString("transparency.longest") + minutes);
    return titles;
  }

  static List<String> row(String label, ReportStats stats) {
    List<String> cells = new ArrayList<>();
    cells.add(label);
    cells.add(Long.toString(stats.reports()));
    for (ReportReason reason : ReportReason.values()) {
      cells.add(Long.toString(stats.reportsByReason().getOrDefault(reason, 0L)));
    }
    for (IllicitCategory category : IllicitCategory.values()) {
      cells.add(Long.toString(stats.illicitByCategory().getOrDefault(category, 0L)));
    }
    cells.add(Long.toString(stats.decisions()));
    for (DecisionOutcome outcome : DecisionOutcome.values()) {
      cells.add(Long.toString(stats.decisionsByOutcome().getOrDefault(outcome, 0L)));
    }
    cells.add(minutes(stats.medianTimeToDecision()));
    cells.add(minutes(stats.longestTimeToDecision()));
    return cells;
  }

  private static String minutes(Duration duration) {
    return duration == null ? "" : Long.toString(duration.toMinutes());
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(SEPARATOR);
      }
      csv.append(quoted(cells.get(i)));
    }
    csv.append(LINE_END);
  }

  /** A field as RFC 4180 writes it: quoted, inner quotes doubled, when it needs to be. */
  static String quoted(String field) {
    if (field.indexOf(SEPARATOR) < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
