package org.tribune.web.console.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.tribune.comments.api.ReportService;
import org.tribune.comments.api.ReportStats;
import org.tribune.web.site.SiteSettings;

/**
 * The transparency figures of a {@link Period}, month by month in the site's time zone, and for the
 * whole period (whose median is the median of all its decisions, not one of the months' medians):
 * what the transparency page shows and the CSV holds.
 */
@ApplicationScoped
public class Transparency {
  @Inject private ReportService reports;
  @Inject private SiteSettings site;

  /** One month's figures. */
  public record Month(YearMonth month, ReportStats stats) {}

  /** A period's figures: each month's, oldest first, and the whole period's. */
  public record Figures(Period period, ZoneId zone, List<Month> months, ReportStats total) {
    public Figures {
      months = List.copyOf(months);
    }
  }

  public Figures of(Period period) {
    ZoneId zone = site.getZone();
    List<Month> months = new ArrayList<>();
    for (YearMonth month : period.months()) {
      months.add(
          new Month(
              month,
              reports.stats(Period.start(month, zone), Period.start(month.plusMonths(1), zone))));
    }
    return new Figures(period, zone, months, reports.stats(period.start(zone), period.end(zone)));
  }

  /** The period of the form, or the last twelve months (in the site's zone) when it has none. */
  public Period periodOr12Months(String from, String to) {
    return Period.parse(from, to).orElseGet(this::defaultPeriod);
  }

  public Period defaultPeriod() {
    return Period.lastTwelveMonths(YearMonth.now(site.getZone()));
  }
}
