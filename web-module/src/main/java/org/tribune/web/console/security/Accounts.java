package org.tribune.web.console.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.tribune.web.config.DatabaseDefinition;

/**
 * Staff accounts in {@code console_account}, read and written with plain JDBC (three small tables
 * do not need a persistence unit of their own). E-mail addresses are compared lower-case.
 */
@ApplicationScoped
@Transactional
public class Accounts {
  private static final String COLUMNS =
      "id, email, display_name, role, author_id, active, created_at, password_changed_at";

  @Resource(lookup = DatabaseDefinition.JNDI_NAME)
  private DataSource dataSource;

  @Inject private Passwords passwords;

  /** An account and its password hash, for signing in only. */
  record Credentials(Account account, String passwordHash) {}

  public static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  public long count() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM console_account");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<Account> find(long id) {
    return one("SELECT " + COLUMNS + ", password_hash FROM console_account WHERE id = ?", id)
        .map(Credentials::account);
  }

  public Optional<Account> findByEmail(String email) {
    return credentials(email).map(Credentials::account);
  }

  Optional<Credentials> credentials(String email) {
    return one(
        "SELECT " + COLUMNS + ", password_hash FROM console_account WHERE email = ?",
        normalise(email));
  }

  /** Whether this is the account's password (for changing it: sign-in goes through the store). */
  public boolean checkPassword(String email, String password) {
    return credentials(email)
        .map(found -> passwords.matches(password, found.passwordHash()))
        .orElse(false);
  }

  /** Every account, by e-mail. */
  public List<Account> all() {
    List<Account> accounts = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT " + COLUMNS + ", password_hash FROM console_account ORDER BY email");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        accounts.add(read(r).account());
      }
      return accounts;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates an account.
   *
   * @throws IllegalArgumentException if the e-mail address is taken or the password too weak
   */
  public long create(String email, String displayName, Role role, String password, Long authorId) {
    if (!Passwords.isAcceptable(password)) {
      throw new IllegalArgumentException("weak password");
    }
    if (findByEmail(email).isPresent()) {
      throw new IllegalArgumentException("email taken");
    }
    Instant now = Instant.now();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO console_account (email, display_name, role, password_hash, author_id,"
                    + " active, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, TRUE, ?, ?)",
                new String[] {"id"})) {
      s.setString(1, normalise(email));
      s.setString(2, displayName.strip());
      s.setString(3, role.name());
      s.setString(4, passwords.hash(password));
      setLong(s, 5, authorId);
      s.setObject(6, utc(now));
      s.setObject(7, utc(now));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Changes an account's name, role, author and whether it may sign in. */
  public void update(long id, String displayName, Role role, Long authorId, boolean active) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE console_account SET display_name = ?, role = ?, author_id = ?, active = ?"
                    + " WHERE id = ?")) {
      s.setString(1, displayName.strip());
      s.setString(2, role.name());
      setLong(s, 3, authorId);
      s.setBoolean(4, active);
      s.setLong(5, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets a new password (the caller has checked the old one, or is an administrator). */
  public void setPassword(long id, String password) {
    if (!Passwords.isAcceptable(password)) {
      throw new IllegalArgumentException("weak password");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE console_account SET password_hash = ?, password_changed_at = ?"
                    + " WHERE id = ?")) {
      s.setString(1, passwords.hash(password));
      s.setObject(2, utc(Instant.now()));
      s.setLong(3, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many active administrators there are, so that the last one cannot be demoted. */
  public long activeAdmins() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM console_account WHERE role = 'ADMIN' AND active = TRUE");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<Credentials> one(String sql, Object key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Credentials read(ResultSet r) throws SQLException {
    long author = r.getLong("author_id");
    Long authorId = r.wasNull() ? null : author;
    return new Credentials(
        new Account(
            r.getLong("id"),
            r.getString("email"),
            r.getString("display_name"),
            Role.valueOf(r.getString("role")),
            authorId,
            r.getBoolean("active"),
            r.getObject("created_at", OffsetDateTime.class).toInstant(),
            r.getObject("password_changed_at", OffsetDateTime.class).toInstant()),
        r.getString("password_hash"));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, value);
    }
  }
}
