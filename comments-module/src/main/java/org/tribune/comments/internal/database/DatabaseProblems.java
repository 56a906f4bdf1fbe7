package org.tribune.comments.internal.database;

/** Turns a failure to reach or migrate the database into one line an operator can act on. */
public final class DatabaseProblems {
  private DatabaseProblems() {}

  public static String describe(Throwable failure) {
    Throwable root = failure;
    String message = failure.getMessage();
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root.getMessage() != null) {
        message = root.getMessage();
      }
    }
    return "the database is unavailable or its schema could not be migrated ("
        + root.getClass().getSimpleName()
        + ": "
        + message
        + "). Check tribune.db.url, tribune.db.user and tribune.db.password"
        + " (environment TRIBUNE_DB_URL, TRIBUNE_DB_USER, TRIBUNE_DB_PASSWORD).";
  }
}
