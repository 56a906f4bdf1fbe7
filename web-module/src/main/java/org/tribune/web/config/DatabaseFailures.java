package org.tribune.web.config;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure to reach the database (refused, lost, server shutting down) or to write it (the
 * embedded H2 database on a full disk or a read-only folder, which then closes itself) from any
 * other failure of a page, whatever wraps it (Faces, EJB, JTA, EclipseLink, the connection pool).
 */
final class DatabaseFailures {
  /**
   * Class names of the connection pool's "no connection" failures (not on our class path), and of
   * the transaction manager's failure to commit: with one database in the transaction, that is the
   * database failing to write (H2 on a full disk reports it so, without the cause).
   */
  private static final String[] POOL_FAILURES = {
    "jakarta.resource.spi.ResourceAllocationException",
    "com.sun.appserv.connectors.internal.api.PoolingException",
    "jakarta.transaction.SystemException"
  };

  private DatabaseFailures() {}

  static boolean isUnreachable(Throwable failure) {
    return find(failure) != null;
  }

  /** The cause that shows the database is out of reach, in one line. */
  static String describe(Throwable failure) {
    Throwable cause = find(failure);
    return cause == null
        ? String.valueOf(failure)
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  private static Throwable find(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    boolean underSql = false;
    for (Throwable cause = failure;
        cause != null && seen.put(cause, true) == null;
        cause = next(cause)) {
      if (cause instanceof ConnectException
          || cause instanceof NoRouteToHostException
          || cause instanceof SocketException) {
        return cause;
      }
      if (cause instanceof SQLException sql
          && (isConnectionState(sql.getSQLState()) || isStorageState(sql.getSQLState()))) {
        return cause;
      }
      // Below a database error, a failed file operation (H2 writing its file) is the reason.
      if (underSql
          && (cause instanceof IOException
              || cause.getClass().getName().equals("org.h2.mvstore.MVStoreException"))) {
        return cause;
      }
      underSql |= cause instanceof SQLException;
      for (String name : POOL_FAILURES) {
        if (cause.getClass().getName().equals(name)) {
          return cause;
        }
      }
    }
    return null;
  }

  private static Throwable next(Throwable cause) {
    if (cause.getCause() != null) {
      return cause.getCause();
    }
    return cause instanceof SQLException sql ? sql.getNextException() : null;
  }

  /**
   * H2's states of a database it cannot write: closed after a failed write (90098), read-only
   * (90097), a file operation failed (90028, 90031), no disk space (90100).
   */
  static boolean isStorageState(String state) {
    return state != null
        && (state.equals("90098")
            || state.equals("90097")
            || state.equals("90028")
            || state.equals("90031")
            || state.equals("90100"));
  }

  /**
   * SQL states of a connection gone: class 08 (connection exception), and PostgreSQL's 57P01-03
   * (the server is shutting down, or cannot take connections now).
   */
  static boolean isConnectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
