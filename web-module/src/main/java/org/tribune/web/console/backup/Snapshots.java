package org.tribune.web.console.backup;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.web.backup.SnapshotWriter;
import org.tribune.web.config.DatabaseDefinition;
import org.tribune.web.config.SiteReady;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.audit.AuditLog;
import org.tribune.web.site.SiteSettings;

/**
 * The site's snapshots ({@link SnapshotWriter}): one every day at {@code tribune.backup.time} in
 * the site's time zone, one whenever an administrator asks; the newest {@code tribune.backup.keep}
 * kept in {@code tribune.backup.folder}. One at a time. The last attempt is remembered (the
 * dashboard shows a failure) and logged.
 */
@ApplicationScoped
public class Snapshots {
  private static final Logger LOG = Logger.getLogger(Snapshots.class.getName());
  static final Pattern NAME = Pattern.compile("tribune-\\d{8}-\\d{6}(-\\d+)?\\.zip");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Resource(lookup = DatabaseDefinition.JNDI_NAME)
  private DataSource dataSource;

  @Resource private ManagedScheduledExecutorService executor;
  @Inject private AuditLog audit;

  /** The database user's password, to open H2's copy and count what it holds. */
  @Inject
  @ConfigProperty(name = "tribune.db.password")
  Optional<String> databasePassword;

  @Inject private SiteSettings site;

  private final ReentrantLock running = new ReentrantLock();
  private ScheduledFuture<?> next;
  private volatile Attempt last;

  /** A snapshot on disk. */
  public record Snapshot(String name, long bytes, Instant created) {}

  /** The last attempt: its snapshot, or what went wrong. */
  public record Attempt(
      Instant at, Duration took, boolean scheduled, Snapshot snapshot, String problem) {
    public boolean failed() {
      return problem != null;
    }
  }

  /** Thrown when a snapshot is asked while another is being taken. */
  public static final class BusyException extends Exception {
    private static final long serialVersionUID = 1L;
  }

  void siteReady(@Observes SiteReady ready) {
    try {
      int removed = SnapshotWriter.removeParts(folder());
      if (removed > 0) {
        LOG.warning(() -> removed + " unfinished snapshot file(s) removed from " + folder());
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Unfinished snapshots could not be removed: {0}", e.getMessage());
    }
    try {
      scheduleNext();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The daily snapshot could not be scheduled: {0}", e.getMessage());
    }
  }

  /** The folder of the snapshots. */
  public Path folder() {
    String configured = setting("tribune.backup.folder", "");
    if (!configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    return dataFolder().resolve("backups");
  }

  /** The daily time, or empty when only snapshots taken by hand are made. */
  public Optional<LocalTime> dailyTime() {
    String time = setting("tribune.backup.time", "03:30").strip();
    if (time.isEmpty() || time.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalTime.parse(time));
    } catch (DateTimeParseException e) {
      LOG.warning(() -> "tribune.backup.time: HH:mm or off, not " + time + ": no daily snapshot");
      return Optional.empty();
    }
  }

  /** How many snapshots are kept (at least 1). */
  public int keep() {
    try {
      return Math.max(1, Integer.parseInt(setting("tribune.backup.keep", "7").strip()));
    } catch (NumberFormatException e) {
      return 7;
    }
  }

  /** When the next daily snapshot is due, if any. */
  public Optional<Instant> nextRun() {
    return dailyTime().map(time -> nextAt(time, site.getZone(), Instant.now()));
  }

  static Instant nextAt(LocalTime time, ZoneId zone, Instant now) {
    ZonedDateTime today = now.atZone(zone).toLocalDate().atTime(time).atZone(zone);
    return today.toInstant().isAfter(now) ? today.toInstant() : today.plusDays(1).toInstant();
  }

  public Optional<Attempt> last() {
    return Optional.ofNullable(last);
  }

  /** The snapshots on disk, newest first. */
  public List<Snapshot> list() {
    Path folder = folder();
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Snapshot> snapshots = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (NAME.matcher(name).matches() && Files.isRegularFile(file)) {
          snapshots.add(
              new Snapshot(name, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "The snapshots could not be listed: {0}", e.getMessage());
    }
    snapshots.sort(Comparator.comparing(Snapshot::name).reversed());
    return snapshots;
  }

  /** The file of a listed snapshot, by its name; empty for any other name. */
  public Optional<Path> file(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Path file = folder().resolve(name);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Takes a snapshot now for someone (the console's button, the API), and records it in the audit
   * log ({@code BACKUP_TAKEN}, or {@code BACKUP_FAILED} with the problem); throws when one is being
   * taken.
   */
  public Attempt takeFor(String actor, String addressHash) throws BusyException {
    Attempt attempt = take();
    if (attempt.failed()) {
      audit.record(actor, AuditAction.BACKUP_FAILED, null, attempt.problem(), addressHash);
    } else {
      audit.record(
          actor,
          AuditAction.BACKUP_TAKEN,
          attempt.snapshot().name(),
          attempt.snapshot().bytes() + " bytes in " + attempt.took().toMillis() + " ms",
          addressHash);
    }
    return attempt;
  }

  /** Takes a snapshot now; throws when one is being taken. */
  public Attempt take() throws BusyException {
    if (!running.tryLock()) {
      throw new BusyException();
    }
    try {
      return attempt(false);
    } finally {
      running.unlock();
    }
  }

  private void scheduled() {
    running.lock();
    try {
      attempt(true);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The daily snapshot failed", e);
    } finally {
      running.unlock();
      scheduleNext();
    }
  }

  private Attempt attempt(boolean scheduled) {
    Instant start = Instant.now();
    Attempt attempt;
    try {
      Path target = target(start);
      SnapshotWriter.Contents contents;
      try (Connection connection = dataSource.getConnection()) {
        contents =
            SnapshotWriter.write(connection, mediaFolder(), target, databasePassword.orElse(""));
      }
      Snapshot snapshot =
          new Snapshot(
              target.getFileName().toString(),
              Files.size(target),
              Files.getLastModifiedTime(target).toInstant());
      Attempt done =
          new Attempt(start, Duration.between(start, Instant.now()), scheduled, snapshot, null);
      attempt = done;
      SnapshotWriter.Contents held = contents;
      LOG.info(
          () ->
              "Snapshot "
                  + target
                  + " taken in "
                  + done.took().toMillis()
                  + " ms: "
                  + snapshot.bytes()
                  + " bytes, "
                  + held.articles()
                  + " articles, "
                  + held.comments()
                  + " comments, "
                  + held.mediaFiles()
                  + " media files ("
                  + held.database()
                  + ")");
      prune();
    } catch (IOException | SQLException | RuntimeException e) {
      String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
      attempt =
          new Attempt(start, Duration.between(start, Instant.now()), scheduled, null, problem);
      LOG.log(Level.SEVERE, "A snapshot failed; the site goes on: {0}", problem);
    }
    last = attempt;
    return attempt;
  }

  /** A new name in the folder: the time (UTC), and a number if two are taken in one second. */
  private Path target(Instant start) throws IOException {
    Path folder = Files.createDirectories(folder());
    String stamp = STAMP.format(start);
    Path target = folder.resolve("tribune-" + stamp + ".zip");
    for (int n = 2; Files.exists(target); n++) {
      target = folder.resolve("tribune-" + stamp + "-" + n + ".zip");
    }
    return target;
  }

  private void prune() {
    List<Snapshot> snapshots = list();
    for (Snapshot old : snapshots.subList(Math.min(keep(), snapshots.size()), snapshots.size())) {
      try {
        Files.deleteIfExists(folder().resolve(old.name()));
        LOG.info(() -> "Snapshot " + old.name() + " removed (" + keep() + " kept)");
      } catch (IOException e) {
        LOG.log(
            Level.WARNING,
            "Snapshot {0} could not be removed: {1}",
            new Object[] {old.name(), e.getMessage()});
      }
    }
  }

  private synchronized void scheduleNext() {
    if (next != null) {
      next.cancel(false);
      next = null;
    }
    Optional<Instant> at = nextRun();
    if (at.isPresent()) {
      long delay = Math.max(0, Duration.between(Instant.now(), at.get()).toMillis());
      next = executor.schedule(this::scheduled, delay, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (next != null) {
      next.cancel(false);
    }
  }

  /** The media folder when the library keeps its files on this disk, else null. */
  private Path mediaFolder() {
    String storage = setting("tribune.media.storage", "file").strip();
    return storage.isEmpty() || storage.equals("file") ? dataFolder().resolve("media") : null;
  }

  private static Path dataFolder() {
    String dir = setting("tribune.data.dir", "tribune-data");
    return Path.of(dir.isBlank() ? "tribune-data" : dir).toAbsolutePath().normalize();
  }

  private static String setting(String key, String fallback) {
    Config config = ConfigProvider.getConfig();
    return config.getOptionalValue(key, String.class).orElse(fallback);
  }
}
