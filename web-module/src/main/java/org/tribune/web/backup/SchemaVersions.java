package org.tribune.web.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schema versions this build knows, one per Flyway history table (each module owns its tables
 * and migrates them itself). A snapshot records the versions of the database it holds; a snapshot
 * from a newer build is refused, since this build would run on tables it does not know. {@code
 * SchemaVersionsTest} checks these against the migrations in the modules' sources.
 */
public final class SchemaVersions {
  /** History table → the highest migration version this build holds. */
  public static final Map<String, Integer> KNOWN =
      Map.of(
          "articles_schema_history", 13,
          "comments_schema_history", 12,
          "console_schema_history", 5);

  private SchemaVersions() {}

  /** The highest successful version in each known history table of a database (absent: none). */
  public static Map<String, Integer> of(Connection connection) throws SQLException {
    Map<String, Integer> versions = new LinkedHashMap<>();
    for (String table : KNOWN.keySet().stream().sorted().toList()) {
      if (!exists(connection, table)) {
        continue;
      }
      int highest = 0;
      try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT \"version\" FROM \"" + table + "\" WHERE \"success\" = TRUE");
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          highest = Math.max(highest, parse(rows.getString(1)));
        }
      }
      versions.put(table, highest);
    }
    return versions;
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
      try (ResultSet tables = meta.getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** "12" or "12.1" → 12; a baseline's null or anything else → 0. */
  static int parse(String version) {
    if (version == null) {
      return 0;
    }
    String major = version.split("\\.", 2)[0].strip();
    try {
      return Integer.parseInt(major);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The first table whose version in {@code versions} is newer than this build's, as "table (N,
   * this build N)", or null when none is.
   */
  public static String newer(Map<String, Integer> versions) {
    for (Map.Entry<String, Integer> entry : versions.entrySet()) {
      Integer known = KNOWN.get(entry.getKey());
      if (known != null && entry.getValue() > known) {
        return entry.getKey() + " (" + entry.getValue() + ", this build " + known + ")";
      }
    }
    return null;
  }
}
