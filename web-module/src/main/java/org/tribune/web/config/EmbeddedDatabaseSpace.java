package org.tribune.web.config;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Keeps the embedded H2 file near the size of what it holds, doing the housekeeping H2 would do
 * itself if commits were not written through.
 *
 * <p>H2 writes each commit as a new chunk at the end of the file; the pages it replaces become dead
 * space. With its default settings a background thread commits once a second and, on the way,
 * rewrites half-empty chunks and moves chunks down so that the file shrinks. Tribune's URL has
 * {@code WRITE_DELAY=0} (a commit is in the file before it returns, see {@link TribuneDataSource}),
 * which stops that thread, so nothing was reclaimed: importing 1 000 posts and 20 000 comments left
 * a 1.09 GB file that holds 24 MB (bench/import, issue 24).
 *
 * <p>Two things bring it back (measured in bench/RESULTS.md, *Embedded database size*):
 *
 * <ul>
 *   <li>the URL's {@code RETENTION_TIME=0}: a dead chunk's space is reused at once instead of 45 s
 *       later (during an import that window alone was hundreds of megabytes);
 *   <li>this task, twice a second: it rewrites up to {@value #REWRITE_BYTES} bytes of live pages
 *       out of chunks less than {@value #REWRITE_BELOW_PERCENT} % full, frees the chunks left dead,
 *       and when chunks fill less than {@value #MOVE_BELOW_PERCENT} % of the file moves up to
 *       {@value #MOVE_BYTES} bytes of them down (H2 syncs the file first) and cuts its end off.
 * </ul>
 *
 * <p>{@code COMPRESS=TRUE} would bring the file nearer the size of {@code SHUTDOWN COMPACT}'s
 * (which compresses), but H2 then writes 64 KB pages: the import took 1.4× as long, every comment
 * would too. Not used.
 *
 * <p>It does nothing on PostgreSQL, or on an H2 database reached through a server.
 */
@ApplicationScoped
public class EmbeddedDatabaseSpace {
  private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseSpace.class.getName());

  /** Chunks are rewritten when live data fills less than this share of them. */
  static final int REWRITE_BELOW_PERCENT = 60;

  /** At most this much live data is rewritten in a round. */
  static final int REWRITE_BYTES = 4 << 20;

  /** Chunks are moved down, and the file shortened, when they fill less than this share of it. */
  static final int MOVE_BELOW_PERCENT = 50;

  /** At most this much is moved in a round. */
  static final int MOVE_BYTES = 16 << 20;

  /** Under this size the file is left alone: a new site's file is mostly H2's own structures. */
  static final long SMALLEST_FILE_BYTES = 8L << 20;

  private static final long PERIOD_MILLIS = 500;

  /**
   * Connections of its own, not the pool's: the pool's connections do not unwrap to H2's class on
   * Payara. In one process H2 opens a database once, so these reach the site's.
   */
  private final TribuneDataSource dataSource = new TribuneDataSource();

  @Resource private ManagedScheduledExecutorService executor;

  private ScheduledFuture<?> task;

  /**
   * One connection kept open between rounds: the pool may close all of its own when the site is
   * idle, and H2 closes a database with its last connection, so a connection per round would open
   * and close the database twice a second.
   */
  private Connection held;

  private volatile String lastFailure;
  private volatile long compactions;

  void siteReady(@Observes SiteReady ready) {
    Config config = ConfigProvider.getConfig();
    dataSource.setUrl(setting(config, "tribune.db.url"));
    dataSource.setUser(setting(config, "tribune.db.user"));
    dataSource.setPassword(setting(config, "tribune.db.password"));
    dataSource.setDataDir(setting(config, "tribune.data.dir"));
    start();
  }

  private static String setting(Config config, String key) {
    return config.getOptionalValue(key, String.class).orElse(null);
  }

  synchronized void start() {
    String url = dataSource.effectiveUrl();
    if (task == null && url.startsWith("jdbc:h2:file:") && embeddedStore() != null) {
      task =
          executor.scheduleWithFixedDelay(
              this::run, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
      LOG.info("Embedded H2 database: its file is compacted while the site runs");
    }
  }

  /** How many times the file was compacted since the start: for tests and diagnostics. */
  public long compactions() {
    return compactions;
  }

  /** One look at the file, and a compaction when it needs one. */
  synchronized void run() {
    try {
      if (held != null && !held.isValid(1)) {
        close(); // the database closed itself (a failed write): open it again
      }
      if (held == null) {
        held = dataSource.getConnection();
      }
      if (compactIfNeeded(held)) {
        compactions++;
      }
      lastFailure = null;
    } catch (SQLException | RuntimeException e) {
      close();
      String message = String.valueOf(e.getMessage());
      if (!message.equals(lastFailure)) {
        LOG.log(Level.WARNING, "Compacting the embedded database failed, will retry: {0}", message);
      }
      lastFailure = message;
    }
  }

  private void close() {
    if (held != null) {
      try {
        held.close();
      } catch (SQLException e) {
        LOG.log(Level.FINE, "Closing the housekeeping connection", e);
      }
      held = null;
    }
  }

  /**
   * One round of housekeeping on the embedded database behind {@code connection}: rewrites live
   * pages out of half-empty chunks, frees the chunks left dead, syncs the file, and when less than
   * {@value #MOVE_BELOW_PERCENT} % of the file is in use moves chunks down and cuts its end off.
   * True when it moved chunks (the file may have shrunk).
   */
  static boolean compactIfNeeded(Connection connection) throws SQLException {
    MVStore store = store(connection);
    if (store == null || store.isClosed() || !(store.getFileStore() instanceof RandomAccessStore)) {
      return false;
    }
    RandomAccessStore file = (RandomAccessStore) store.getFileStore();
    if (file.size() < SMALLEST_FILE_BYTES) {
      return false;
    }
    store.compact(REWRITE_BELOW_PERCENT, REWRITE_BYTES);
    file.dropUnusedChunks();
    if (store.getFillRate() >= MOVE_BELOW_PERCENT) {
      return false;
    }
    file.compactMoveChunks(101, MOVE_BYTES, store);
    return true;
  }

  private MVStore embeddedStore() {
    try (Connection connection = dataSource.getConnection()) {
      return store(connection);
    } catch (SQLException | RuntimeException | LinkageError e) {
      LOG.log(
          Level.WARNING,
          "The embedded database''s file will not be compacted: {0}",
          e.getMessage());
      return null;
    }
  }

  /**
   * The store of an embedded, writable H2 file database behind the connection, else null.
   *
   * <p>Reached by reflection from the connection to its session, database and store: Payara ships
   * H2 as an OSGi bundle that exports {@code org.h2.jdbc} and {@code org.h2.mvstore} but not {@code
   * org.h2.engine}, so the application sees the runtime's connection and store classes but would
   * load the engine's classes from its own copy of H2, which the runtime's objects are not
   * instances of (a {@code LinkageError}).
   */
  private static MVStore store(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)) {
      return null;
    }
    try {
      Object session = call(connection.unwrap(JdbcConnection.class), "getSession");
      if (!session.getClass().getName().equals("org.h2.engine.SessionLocal")) {
        return null; // a database server's, not one in this process
      }
      Object database = call(session, "getDatabase");
      if (!Boolean.TRUE.equals(call(database, "isPersistent"))
          || Boolean.TRUE.equals(call(database, "isReadOnly"))) {
        return null;
      }
      Object store = call(database, "getStore");
      return store == null ? null : (MVStore) call(store, "getMvStore");
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new SQLException("This version of H2 does not give its store: " + e, e);
    }
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    return target.getClass().getMethod(method).invoke(target);
  }

  @PreDestroy
  synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
    close();
  }
}
