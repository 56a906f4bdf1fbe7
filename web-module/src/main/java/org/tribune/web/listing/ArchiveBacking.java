package org.tribune.web.listing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import org.tribune.web.site.Requests;

/**
 * Backs {@code /archives/{yyyy}/{mm}}: what was published that month in the site's time zone,
 * oldest first, archived articles included.
 */
@Named
@RequestScoped
public class ArchiveBacking extends ListingBacking {
  private static final int FIRST_YEAR = 1900;
  private static final int LAST_YEAR = 2999;

  private YearMonth month;

  public void load() {
    int year = Integer.parseInt(Requests.routeParameter("year"));
    int monthNumber = Integer.parseInt(Requests.routeParameter("month"));
    if (year < FIRST_YEAR || year > LAST_YEAR || monthNumber < 1 || monthNumber > 12) {
      Requests.fail(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    month = YearMonth.of(year, monthNumber);
    Instant from = month.atDay(1).atStartOfDay(site.getZone()).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(site.getZone()).toInstant();
    String path = String.format("/archives/%04d/%02d", year, monthNumber);
    if (show(path, n -> articles.publishedBetween(from, to, n, PAGE_SIZE))) {
      meta.setTitle(titled(getMonthName()) + " – " + site.getName());
      meta.setDescription(getMonthName());
    }
  }

  /** "octobre 2017". */
  public String getMonthName() {
    return DateTimeFormatter.ofPattern("LLLL yyyy", site.getLocale()).format(month);
  }

  public String getPreviousPath() {
    YearMonth previous = month.minusMonths(1);
    return String.format("/archives/%04d/%02d", previous.getYear(), previous.getMonthValue());
  }

  public String getNextPath() {
    YearMonth next = month.plusMonths(1);
    return String.format("/archives/%04d/%02d", next.getYear(), next.getMonthValue());
  }
}
