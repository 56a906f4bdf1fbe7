package org.tribune.web.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.glassfish.api.jdbc.ConnectionValidation;

/**
 * The connection pool's check of a connection before it hands it out ({@code
 * fish.payara.connection-validation-method=custom-validation} in {@link DatabaseDefinition}). The
 * embedded H2 database closes itself for good when a write fails (a full disk, a data folder made
 * read-only): every connection the pool kept then answers "The database has been closed" although
 * the files are fine, and would until the server restarts. A query on each H2 connection before use
 * (in the same process, a few microseconds) lets the pool drop those and open new ones, which open
 * the database again once it can be written. PostgreSQL's connections are not checked: its driver
 * reports a lost connection, and a round trip per request would cost more than it saves.
 */
public class ConnectionCheck implements ConnectionValidation {
  @Override
  public boolean isConnectionValid(Connection connection) {
    return isConnectionValid(connection, 0);
  }

  /**
   * The form Payara 6's pool calls (its interface has a time limit that the one compiled against
   * here lacks); the limit does not matter to a query in the same process.
   */
  public boolean isConnectionValid(Connection connection, int timeoutSeconds) {
    try {
      if (!connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
        return true;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT 1");
      }
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
