package org.tribune.web.console.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.tribune.comments.api.DecisionOutcome;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.ReportReason;
import org.tribune.comments.api.ReportStats;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.site.SiteSettings;

/**
 * Backs {@code /admin/reports/transparency.xhtml}: the figures of a period of months ({@code
 * ?from=2026-01&to=2026-12}, the last twelve months by default) as one table, a column per month
 * and one for the whole period, and the address of the same figures as CSV ({@link
 * TransparencyCsvServlet}).
 */
@Named
@RequestScoped
public class TransparencyBacking {
  @Inject private Transparency transparency;
  @Inject private ConsoleMessages messages;
  @Inject private SiteSettings site;

  private String from;
  private String to;
  private Period period;
  private Transparency.Figures figures;
  private List<Group> groups;

  /** A group of rows under a heading. */
  public record Group(String title, List<Row> rows) {}

  /** A figure: its label, its value each month, and over the period. */
  public record Row(String label, List<String> cells, String total) {}

  public void load() {
    boolean asked = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
    period = Period.parse(from, to).orElse(null);
    if (period == null) {
      if (asked) {
        messages.error("transparency.period.invalid", Period.MOST_MONTHS);
      }
      period = transparency.defaultPeriod();
    }
    from = period.from().toString();
    to = period.to().toString();
    figures = transparency.of(period);
  }

  public List<Group> getGroups() {
    if (groups == null) {
      groups = groups();
    }
    return groups;
  }

  private List<Group> groups() {
    ResourceBundle labels = site.messages();
    List<Group> all = new ArrayList<>();

    List<Row> received = new ArrayList<>();
    received.add(count(messages.get("transparency.reports"), ReportStats::reports));
    for (ReportReason reason : ReportReason.values()) {
      received.add(
          count(
              labels.getString("reports.reason." + reason), s -> of(s.reportsByReason(), reason)));
    }
    all.add(new Group(messages.get("transparency.reports.by-reason"), received));

    List<Row> illicit = new ArrayList<>();
    for (IllicitCategory category : IllicitCategory.values()) {
      illicit.add(
          count(
              labels.getString("reports.category." + category),
              s -> of(s.illicitByCategory(), category)));
    }
    all.add(new Group(messages.get("transparency.illicit.by-category"), illicit));

    List<Row> decisions = new ArrayList<>();
    decisions.add(count(messages.get("transparency.decisions"), ReportStats::decisions));
    for (DecisionOutcome outcome : DecisionOutcome.values()) {
      decisions.add(
          count(
              labels.getString("reports.outcome." + outcome),
              s -> of(s.decisionsByOutcome(), outcome)));
    }
    all.add(new Group(messages.get("transparency.decisions.by-outcome"), decisions));

    all.add(
        new Group(
            messages.get("transparency.times"),
            List.of(
                time(messages.get("transparency.median"), ReportStats::medianTimeToDecision),
                time(messages.get("transparency.longest"), ReportStats::longestTimeToDecision))));
    return all;
  }

  private static <K> long of(Map<K, Long> counts, K key) {
    return counts.getOrDefault(key, 0L);
  }

  private Row count(String label, Function<ReportStats, Long> figure) {
    return row(label, stats -> Long.toString(figure.apply(stats)));
  }

  private Row time(String label, Function<ReportStats, Duration> figure) {
    return row(
        label, stats -> Durations.format(figure.apply(stats), messages.bundle(), site.getLocale()));
  }

  private Row row(String label, Function<ReportStats, String> cell) {
    List<String> cells = new ArrayList<>();
    for (Transparency.Month month : figures.months()) {
      cells.add(cell.apply(month.stats()));
    }
    return new Row(label, cells, cell.apply(figures.total()));
  }

  /** The months' column titles: « janv. 2026 ». */
  public List<String> getMonthLabels() {
    DateTimeFormatter format = DateTimeFormatter.ofPattern("MMM yyyy", site.getLocale());
    return figures.months().stream().map(m -> format.format(m.month())).toList();
  }

  /** The period in words: « janvier 2026 », « décembre 2026 ». */
  public String monthName(YearMonth month) {
    return DateTimeFormatter.ofPattern("MMMM yyyy", site.getLocale()).format(month);
  }

  public Period getPeriod() {
    return period;
  }

  public String getZone() {
    return site.getZone().getId();
  }

  /** The CSV of these figures, relative to the context. */
  public String getCsvPath() {
    return TransparencyCsvServlet.PATH + "?from=" + period.from() + "&to=" + period.to();
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
