package org.tribune.web.console.backup;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.security.Staff;
import org.tribune.web.console.security.StaffAddresses;
import org.tribune.web.site.SiteSettings;

/** Backs {@code /admin/backups}: the snapshots, the schedule, and « Sauvegarder maintenant ». */
@Named
@RequestScoped
public class BackupBacking {
  @Inject private Snapshots snapshots;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;
  @Inject private SiteSettings site;
  @Inject private StaffAddresses addresses;
  @Inject private HttpServletRequest request;

  private List<Snapshots.Snapshot> list;

  public List<Snapshots.Snapshot> getSnapshots() {
    if (list == null) {
      list = snapshots.list();
    }
    return list;
  }

  public Snapshots.Attempt getLast() {
    return snapshots.last().orElse(null);
  }

  public String getFolder() {
    return snapshots.folder().toString();
  }

  public int getKeep() {
    return snapshots.keep();
  }

  /** « Chaque jour à 3 h 30 (prochaine : 8 décembre 2026 à 3 h 30) », or that there is none. */
  public String getSchedule() {
    return snapshots
        .nextRun()
        .map(
            next ->
                messages.format(
                    "backups.daily", site.time(next), site.dateTime(next), snapshots.keep()))
        .orElseGet(() -> messages.get("backups.daily.off"));
  }

  public String when(Instant instant) {
    return instant == null ? "" : site.dateTime(instant);
  }

  /** "12,4 Mo", in the site's language. */
  public String size(long bytes) {
    return messages.format("backups.size", bytes / 1_000_000.0);
  }

  public void take() {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    try {
      Snapshots.Attempt attempt = snapshots.takeFor(staff.getEmail(), addresses.hash(request));
      list = null;
      if (attempt.failed()) {
        messages.error("backups.failed", attempt.problem());
      } else {
        messages.info(
            "backups.taken",
            attempt.snapshot().name(),
            size(attempt.snapshot().bytes()),
            attempt.took().toMillis() / 1000.0);
      }
    } catch (Snapshots.BusyException e) {
      messages.error("backups.busy");
    }
  }
}
