package org.tribune.web.listing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import org.tribune.web.site.Requests;

/**
 * Backs {@code /archives/{yyyy}/{mm}} and {@code /archives/{yyyy}}: what was published that month
 * (or year) in the site's time zone, oldest first, archived articles included.
 */
@Named
@RequestScoped
public class ArchiveBacking extends ListingBacking {
  private static final int FIRST_YEAR = 1900;
  private static final int LAST_YEAR = 2999;

  private YearMonth month;

  /** The whole year ({@code /archives/{yyyy}}): {@link #month} is then its January. */
  private boolean wholeYear;

  public void load() {
    int year = Integer.parseInt(Requests.routeParameter("year"));
    String monthParameter = Requests.routeParameter("month");
    wholeYear = monthParameter == null;
    int monthNumber = wholeYear ? 1 : Integer.parseInt(monthParameter);
    if (year < FIRST_YEAR || year > LAST_YEAR || monthNumber < 1 || monthNumber > 12) {
      Requests.fail(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    month = YearMonth.of(year, monthNumber);
    Instant from = month.atDay(1).atStartOfDay(site.getZone()).toInstant();
    Instant to =
        month.plusMonths(wholeYear ? 12 : 1).atDay(1).atStartOfDay(site.getZone()).toInstant();
    if (show(path(month), n -> articles.publishedBetween(from, to, n, PAGE_SIZE))) {
      meta.setTitle(titled(getMonthName()) + " – " + site.getName());
      meta.setDescription(getMonthName());
    }
  }

  public boolean isWholeYear() {
    return wholeYear;
  }

  /** "octobre 2017", or "2017" for a whole year. */
  public String getMonthName() {
    return wholeYear
        ? Integer.toString(month.getYear())
        : DateTimeFormatter.ofPattern("LLLL yyyy", site.getLocale()).format(month);
  }

  public String getPreviousPath() {
    return path(month.minusMonths(wholeYear ? 12 : 1));
  }

  public String getNextPath() {
    return path(month.plusMonths(wholeYear ? 12 : 1));
  }

  /** The whole year's archive, from a month's. */
  public String getYearPath() {
    return String.format("/archives/%04d", month.getYear());
  }

  private String path(YearMonth of) {
    return wholeYear
        ? String.format("/archives/%04d", of.getYear())
        : String.format("/archives/%04d/%02d", of.getYear(), of.getMonthValue());
  }
}
