package org.tribune.web.console.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.tribune.web.config.DatabaseDefinition;

/**
 * Writes and reads {@code console_audit}. An entry is written in the caller's transaction, so an
 * action that fails leaves no entry claiming it happened; sign-in attempts, which have no other
 * work, get a transaction of their own. Each entry is also logged at INFO (failed sign-ins at
 * WARNING), so that an operator reading the server log sees the same story.
 */
@ApplicationScoped
@Transactional
public class AuditLog {
  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
  static final int TARGET_LENGTH = 300;
  static final int DETAIL_LENGTH = 2000;

  @Resource(lookup = DatabaseDefinition.JNDI_NAME)
  private DataSource dataSource;

  public void record(
      String actor, AuditAction action, String target, String detail, String addressHash) {
    String shortTarget = cut(target, TARGET_LENGTH);
    String shortDetail = cut(detail, DETAIL_LENGTH);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO console_audit (happened_at, actor, action, target, detail,"
                    + " address_hash) VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
      s.setString(2, actor);
      s.setString(3, action.name());
      s.setString(4, shortTarget);
      s.setString(5, shortDetail);
      s.setString(6, addressHash);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    String line =
        "Audit: "
            + action
            + " by "
            + (actor == null ? "system" : actor)
            + (shortTarget == null ? "" : " on " + shortTarget)
            + (shortDetail == null ? "" : " (" + shortDetail + ")");
    if (action == AuditAction.SIGN_IN_FAILED || action == AuditAction.SIGN_IN_DELAYED) {
      LOG.warning(line);
    } else {
      LOG.info(line);
    }
  }

  /** Entries matching a filter, newest first. */
  public List<AuditEntry> find(AuditFilter filter, int first, int size) {
    Query query = where(filter);
    List<AuditEntry> entries = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, happened_at, actor, action, target, detail, address_hash"
                    + " FROM console_audit"
                    + query.sql
                    + " ORDER BY happened_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      int index = query.bind(s);
      s.setInt(index++, Math.max(0, first));
      s.setInt(index, Math.max(1, size));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          entries.add(
              new AuditEntry(
                  r.getLong(1),
                  r.getObject(2, OffsetDateTime.class).toInstant(),
                  r.getString(3),
                  AuditAction.valueOf(r.getString(4)),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7)));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many entries match a filter. */
  public long count(AuditFilter filter) {
    Query query = where(filter);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM console_audit" + query.sql)) {
      query.bind(s);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Failed sign-ins since an instant, for a target (an account's e-mail) or for an address hash;
   * returns the count and the newest one's instant.
   */
  public Failures failuresSince(String column, String value, Instant since) {
    if (!column.equals("target") && !column.equals("address_hash")) {
      throw new IllegalArgumentException(column);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*), MAX(happened_at) FROM console_audit WHERE action = ? AND "
                    + column
                    + " = ? AND happened_at > ?")) {
      s.setString(1, AuditAction.SIGN_IN_FAILED.name());
      s.setString(2, value);
      s.setObject(3, since.atOffset(ZoneOffset.UTC));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        OffsetDateTime last = r.getObject(2, OffsetDateTime.class);
        return new Failures(r.getInt(1), last == null ? null : last.toInstant());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The newest successful sign-in of an account ({@code column} "target") or from an address
   * ({@code column} "address_hash"), or {@code null}.
   */
  public Instant lastSignIn(String column, String value) {
    if (!column.equals("target") && !column.equals("address_hash")) {
      throw new IllegalArgumentException(column);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT MAX(happened_at) FROM console_audit WHERE action = ? AND "
                    + column
                    + " = ?")) {
      s.setString(1, AuditAction.SIGN_IN.name());
      s.setString(2, value);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        OffsetDateTime last = r.getObject(1, OffsetDateTime.class);
        return last == null ? null : last.toInstant();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A count of failed sign-ins and the newest one. */
  public record Failures(int count, Instant last) {}

  private record Query(String sql, List<Object> values) {
    int bind(PreparedStatement s) throws SQLException {
      int index = 1;
      for (Object value : values) {
        s.setObject(index++, value);
      }
      return index;
    }
  }

  private static Query where(AuditFilter filter) {
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (filter.actor() != null && !filter.actor().isBlank()) {
      conditions.add("LOWER(actor) LIKE ? ESCAPE '!'");
      values.add("%" + escapeLike(filter.actor().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (filter.action() != null) {
      conditions.add("action = ?");
      values.add(filter.action().name());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      conditions.add("(LOWER(target) LIKE ? ESCAPE '!' OR LOWER(detail) LIKE ? ESCAPE '!')");
      String pattern = "%" + escapeLike(filter.text().strip().toLowerCase(Locale.ROOT)) + "%";
      values.add(pattern);
      values.add(pattern);
    }
    if (filter.from() != null) {
      conditions.add("happened_at >= ?");
      values.add(filter.from().atOffset(ZoneOffset.UTC));
    }
    if (filter.to() != null) {
      conditions.add("happened_at < ?");
      values.add(filter.to().atOffset(ZoneOffset.UTC));
    }
    return new Query(
        conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), values);
  }

  /**
   * Makes {@code %}, {@code _} and {@code !} typed by a user match themselves in LIKE. The escape
   * character is {@code !}, as in the other modules: a backslash in a SQL string means itself or an
   * escape depending on PostgreSQL's {@code standard_conforming_strings}.
   */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static String cut(String text, int length) {
    if (text == null || text.length() <= length) {
      return text;
    }
    return text.substring(0, length - 1) + "…";
  }
}
