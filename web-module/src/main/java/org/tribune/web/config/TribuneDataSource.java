package org.tribune.web.config;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.tribune.web.backup.SnapshotRestore;

/**
 * The vendor data source behind the server's connection pool, chosen from the URL alone so that the
 * same WAR runs on H2 or PostgreSQL without a rebuild. With no URL it opens the embedded H2 file
 * database {@code <dataDir>/tribune}. Connection failures name the settings to fix.
 */
public class TribuneDataSource implements DataSource {
  private static final Logger LOG = Logger.getLogger(TribuneDataSource.class.getName());

  /**
   * {@code WRITE_DELAY=0}: each commit goes to the file before the transaction returns. H2's
   * default (changes written by a background thread, up to a second later) lost every comment of
   * the last seconds when the server was killed ({@code cluster/faults h2-kill-during-posts}: 286
   * acknowledged, none there after the restart); with it, none is lost.
   */
  private static final String H2_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0";

  private String url;
  private String user;
  private String password;
  private String dataDir = "tribune-data";
  private String restoreFrom;
  private volatile DataSource delegate;
  private int loginTimeout;

  public void setUrl(String url) {
    this.url = setting(url);
  }

  public String getUrl() {
    return url;
  }

  public void setUser(String user) {
    this.user = setting(user);
  }

  public String getUser() {
    return user;
  }

  public void setPassword(String password) {
    this.password = setting(password);
  }

  public void setDataDir(String dataDir) {
    String value = setting(dataDir);
    if (value != null) {
      this.dataDir = value;
    }
  }

  public String getDataDir() {
    return dataDir;
  }

  /**
   * A snapshot to restore into the data folder before the embedded database is first opened, when
   * the folder has no database yet ({@code tribune.backup.restore-from}); ignored otherwise.
   */
  public void setRestoreFrom(String restoreFrom) {
    this.restoreFrom = setting(restoreFrom);
  }

  public String getRestoreFrom() {
    return restoreFrom;
  }

  /** The JDBC URL actually used: the configured one, or the H2 file under the data directory. */
  public String effectiveUrl() {
    if (url != null) {
      return url;
    }
    Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve("tribune");
    return "jdbc:h2:file:" + file + H2_OPTIONS;
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      return delegate().getConnection();
    } catch (SQLException e) {
      throw explained(e);
    }
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    try {
      return delegate().getConnection(username, pass);
    } catch (SQLException e) {
      throw explained(e);
    }
  }

  private DataSource delegate() throws SQLException {
    DataSource current = delegate;
    if (current == null) {
      synchronized (this) {
        if (delegate == null) {
          restoreIfAsked();
          delegate = create(effectiveUrl());
          LOG.info(() -> "Database: " + effectiveUrl() + (user == null ? "" : " as " + user));
        }
        current = delegate;
      }
    }
    return current;
  }

  private void restoreIfAsked() throws SQLException {
    if (url != null || restoreFrom == null) {
      return;
    }
    Path data = Path.of(dataDir).toAbsolutePath().normalize();
    if (Files.exists(data.resolve("tribune.mv.db"))) {
      LOG.info(
          () ->
              "tribune.backup.restore-from is set, but "
                  + data
                  + " already holds a database: it is opened as it is");
      return;
    }
    try {
      SnapshotRestore.restore(Path.of(restoreFrom), data);
    } catch (IOException e) {
      throw new SQLException(
          "The snapshot "
              + restoreFrom
              + " (tribune.backup.restore-from, TRIBUNE_BACKUP_RESTORE_FROM) was not restored: "
              + e.getMessage()
              + ". Nothing in "
              + data
              + " was changed.",
          "08001",
          e);
    }
  }

  private DataSource create(String jdbcUrl) throws SQLException {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(jdbcUrl);
      h2.setUser(user == null ? "" : user);
      h2.setPassword(password == null ? "" : password);
      return h2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setUrl(jdbcUrl);
      if (user != null) {
        postgres.setUser(user);
      }
      if (password != null) {
        postgres.setPassword(password);
      }
      if (loginTimeout > 0) {
        postgres.setLoginTimeout(loginTimeout);
      }
      return postgres;
    }
    throw new SQLException(
        "Unsupported database URL '"
            + jdbcUrl
            + "' in tribune.db.url (TRIBUNE_DB_URL): use jdbc:postgresql://host:port/database,"
            + " or leave it empty for the embedded H2 database",
        "08001");
  }

  private SQLException explained(SQLException e) {
    if (e.getMessage() != null
        && (e.getMessage().contains("tribune.db.url")
            || e.getMessage().contains("tribune.backup.restore-from"))) {
      return e;
    }
    return new SQLException(
        "Cannot connect to "
            + effectiveUrl()
            + (user == null ? "" : " as " + user)
            + ": "
            + e.getMessage()
            + " (check tribune.db.url, tribune.db.user and tribune.db.password,"
            + " environment TRIBUNE_DB_URL, TRIBUNE_DB_USER, TRIBUNE_DB_PASSWORD)",
        e.getSQLState(),
        e.getErrorCode(),
        e);
  }

  /** Unresolved or empty placeholders mean "not set". */
  private static String setting(String value) {
    if (value == null || value.isBlank() || value.startsWith("${")) {
      return null;
    }
    return value.strip();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // Logging goes through java.util.logging.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("java.util.logging only");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return delegate().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate().isWrapperFor(type);
  }
}
