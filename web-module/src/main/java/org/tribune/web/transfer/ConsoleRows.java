package org.tribune.web.transfer;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The web module's own tables in a site's JSON export, row for row: staff accounts (with their
 * password hashes), the audit log, the console's settings (the site's name, branding, home page
 * layout, secrets), the addresses of an imported site's old pages ({@code console_import_link}) and
 * the menus. Each table is one array of objects whose members are its columns by their JSON names;
 * the restore writes them back as they were, ids included, and the identity columns continue after
 * the highest id.
 */
final class ConsoleRows {

  /** How a column's value is read and written. */
  enum Type {
    LONG,
    INT,
    TEXT,
    BOOLEAN,
    INSTANT
  }

  record Column(String sql, String json, Type type) {}

  /**
   * A table: its JSON name, SQL name, the order of its rows in the export, its columns, and its
   * identity column if any.
   */
  record Table(String json, String sql, String order, String identity, List<Column> columns) {
    String select() {
      return "SELECT "
          + columns.stream().map(Column::sql).collect(Collectors.joining(", "))
          + " FROM "
          + sql
          + " ORDER BY "
          + order;
    }

    String insert() {
      return "INSERT INTO "
          + sql
          + " ("
          + columns.stream().map(Column::sql).collect(Collectors.joining(", "))
          + ") VALUES ("
          + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
          + ")";
    }
  }

  static final Table ACCOUNTS =
      new Table(
          "accounts",
          "console_account",
          "id",
          "id",
          List.of(
              new Column("id", "id", Type.LONG),
              new Column("email", "email", Type.TEXT),
              new Column("display_name", "displayName", Type.TEXT),
              new Column("role", "role", Type.TEXT),
              new Column("password_hash", "passwordHash", Type.TEXT),
              new Column("author_id", "authorId", Type.LONG),
              new Column("active", "active", Type.BOOLEAN),
              new Column("created_at", "createdAt", Type.INSTANT),
              new Column("password_changed_at", "passwordChangedAt", Type.INSTANT)));

  static final Table SETTINGS =
      new Table(
          "console",
          "console_setting",
          "name",
          null,
          List.of(
              new Column("name", "name", Type.TEXT),
              new Column("setting_value", "value", Type.TEXT),
              new Column("updated_at", "updatedAt", Type.INSTANT),
              new Column("updated_by", "updatedBy", Type.TEXT)));

  static final Table MENUS =
      new Table(
          "menus",
          "console_menu_item",
          "menu, position",
          null,
          List.of(
              new Column("menu", "menu", Type.TEXT),
              new Column("position", "position", Type.INT),
              new Column("depth", "depth", Type.INT),
              new Column("kind", "kind", Type.TEXT),
              new Column("target", "target", Type.TEXT),
              new Column("label", "label", Type.TEXT)));

  static final Table LEGACY_ADDRESSES =
      new Table(
          "legacyAddresses",
          "console_import_link",
          "source, kind, source_id",
          null,
          List.of(
              new Column("source", "source", Type.TEXT),
              new Column("kind", "kind", Type.TEXT),
              new Column("source_id", "sourceId", Type.TEXT),
              new Column("target_id", "targetId", Type.LONG),
              new Column("old_path", "oldPath", Type.TEXT),
              new Column("old_slug", "oldSlug", Type.TEXT),
              new Column("source_modified", "sourceModified", Type.INSTANT),
              new Column("target_revision", "targetRevision", Type.INT),
              new Column("imported_at", "importedAt", Type.INSTANT)));

  static final Table AUDIT =
      new Table(
          "audit",
          "console_audit",
          "id",
          "id",
          List.of(
              new Column("id", "id", Type.LONG),
              new Column("happened_at", "happenedAt", Type.INSTANT),
              new Column("actor", "actor", Type.TEXT),
              new Column("action", "action", Type.TEXT),
              new Column("target", "target", Type.TEXT),
              new Column("detail", "detail", Type.TEXT),
              new Column("address_hash", "addressHash", Type.TEXT)));

  /**
   * Every table, in the order a restore writes them (and a replacing one deletes them, reversed).
   */
  static final List<Table> ALL = List.of(SETTINGS, ACCOUNTS, MENUS, LEGACY_ADDRESSES, AUDIT);

  /** Rows inserted per batch. */
  private static final int BATCH = 500;

  private ConsoleRows() {}

  /** Writes the table as a JSON array named after it, streaming its rows. */
  static void write(Connection connection, Table table, JsonGenerator json) throws SQLException {
    json.writeStartArray(table.json());
    try (PreparedStatement select = connection.prepareStatement(table.select())) {
      select.setFetchSize(BATCH);
      try (ResultSet row = select.executeQuery()) {
        int written = 0;
        while (row.next()) {
          json.writeStartObject();
          for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            writeValue(json, column, row, i + 1);
          }
          json.writeEnd();
          if (++written % BATCH == 0) {
            json.flush();
          }
        }
      }
    }
    json.writeEnd();
  }

  private static void writeValue(JsonGenerator json, Column column, ResultSet row, int index)
      throws SQLException {
    String name = column.json();
    switch (column.type()) {
      case LONG -> {
        long value = row.getLong(index);
        if (row.wasNull()) {
          json.writeNull(name);
        } else {
          json.write(name, value);
        }
      }
      case INT -> {
        int value = row.getInt(index);
        if (row.wasNull()) {
          json.writeNull(name);
        } else {
          json.write(name, value);
        }
      }
      case BOOLEAN -> json.write(name, row.getBoolean(index));
      case TEXT -> {
        String value = row.getString(index);
        if (value == null) {
          json.writeNull(name);
        } else {
          json.write(name, value);
        }
      }
      case INSTANT -> {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        if (value == null) {
          json.writeNull(name);
        } else {
          json.write(name, value.toInstant().toString());
        }
      }
    }
  }

  /** Deletes every row of the web module's tables. */
  static void clear(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      for (int i = ALL.size() - 1; i >= 0; i--) {
        sql.executeUpdate("DELETE FROM " + ALL.get(i).sql());
      }
    }
  }

  /**
   * Inserts rows given as the export's objects.
   *
   * @throws IllegalArgumentException when a row lacks a column that may not be null, or holds a
   *     value of the wrong kind: the document was not written by Tribune
   */
  static int insert(Connection connection, Table table, List<JsonObject> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (PreparedStatement insert = connection.prepareStatement(table.insert())) {
      int pending = 0;
      for (JsonObject row : rows) {
        for (int i = 0; i < table.columns().size(); i++) {
          bind(insert, i + 1, table.columns().get(i), row);
        }
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
    return rows.size();
  }

  private static void bind(PreparedStatement insert, int index, Column column, JsonObject row)
      throws SQLException {
    JsonValue value = row.get(column.json());
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      insert.setNull(
          index,
          switch (column.type()) {
            case LONG -> Types.BIGINT;
            case INT -> Types.INTEGER;
            case BOOLEAN -> Types.BOOLEAN;
            case TEXT -> Types.VARCHAR;
            case INSTANT -> Types.TIMESTAMP_WITH_TIMEZONE;
          });
      return;
    }
    try {
      switch (column.type()) {
        case LONG -> insert.setLong(index, ((JsonNumber) value).longValueExact());
        case INT -> insert.setInt(index, ((JsonNumber) value).intValueExact());
        case BOOLEAN -> insert.setBoolean(index, value == JsonValue.TRUE);
        case TEXT -> insert.setString(index, ((JsonString) value).getString());
        case INSTANT ->
            insert.setObject(
                index, Instant.parse(((JsonString) value).getString()).atOffset(ZoneOffset.UTC));
      }
    } catch (ClassCastException | ArithmeticException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "the member " + column.json() + " is not a " + column.type(), e);
    }
  }

  /** The highest id of each table with an identity column, by table (0 when empty). */
  static Map<Table, Long> highestIds(Connection connection) throws SQLException {
    Map<Table, Long> highest = new HashMap<>();
    for (Table table : ALL) {
      if (table.identity() != null) {
        try (Statement sql = connection.createStatement();
            ResultSet max =
                sql.executeQuery(
                    "SELECT COALESCE(MAX(" + table.identity() + "), 0) FROM " + table.sql())) {
          max.next();
          highest.put(table, max.getLong(1));
        }
      }
    }
    return highest;
  }

  /**
   * The identity columns continue after the highest restored id, and never below {@code before}
   * (the highest ids before the restore): H2 keeps a restart even when the transaction rolls back,
   * and the rows of before are then still there.
   */
  static void continueIdentities(Connection connection, Map<Table, Long> before)
      throws SQLException {
    for (Map.Entry<Table, Long> now : highestIds(connection).entrySet()) {
      Table table = now.getKey();
      long next = Math.max(now.getValue(), before.getOrDefault(table, 0L)) + 1;
      try (Statement sql = connection.createStatement()) {
        sql.executeUpdate(
            "ALTER TABLE "
                + table.sql()
                + " ALTER COLUMN "
                + table.identity()
                + " RESTART WITH "
                + next);
      }
    }
  }
}
