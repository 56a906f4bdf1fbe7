package org.tribune.web.console.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import org.tribune.comments.api.ReportService;
import org.tribune.comments.api.ReportStats;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.security.Staff;
import org.tribune.web.site.SiteSettings;

/**
 * {@code #{reportsWaiting}}: how many reported comments wait for a decision, for the badge of the
 * console's menu and the dashboard (moderators only: 0 for anyone else, without a query), and the
 * median time to decision of the last {@value #DAYS} days for the dashboard. Each is read once per
 * request.
 */
@Named
@RequestScoped
public class ReportsWaiting {
  static final int DAYS = 30;

  @Inject private ReportService reports;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;
  @Inject private SiteSettings site;

  private Long count;
  private ReportStats lastDays;

  public long getCount() {
    if (count == null) {
      count = staff.isModerator() ? reports.countOpen() : 0L;
    }
    return count;
  }

  /** The median time to decision of the last 30 days in words, or {@code null} without any. */
  public String getMedianLastDays() {
    if (lastDays == null) {
      Instant now = Instant.now();
      lastDays = reports.stats(now.minus(Duration.ofDays(DAYS)), now);
    }
    Duration median = lastDays.medianTimeToDecision();
    return median == null ? null : Durations.format(median, messages.bundle(), site.getLocale());
  }
}
