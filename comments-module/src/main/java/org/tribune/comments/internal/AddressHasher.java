package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes visitors' addresses with the site's salt, so that the rate limit, votes and bans can
 * recognise an address without it ever being stored. The salt is {@code tribune.comments.ip-salt}
 * when set; otherwise a random one made on the first start and kept in {@code comments_setting}, so
 * that every node and every restart agree.
 */
@ApplicationScoped
public class AddressHasher {
  static final String SALT_SETTING = "ip-salt";

  @Inject
  @ConfigProperty(name = "tribune.comments.ip-salt")
  Optional<String> configuredSalt;

  private volatile String salt;

  /** The keys derived from {@link #salt} so far, by purpose; replaced with the salt. */
  private volatile Map<String, byte[]> keys = new ConcurrentHashMap<>();

  /**
   * Reads the stored salt, making it first if there is none; several nodes starting at once agree
   * on the first one written. Runs outside any transaction, after the migrations, and again after a
   * restore committed (the restored site's salt replaces this one, so that the restored votes, bans
   * and form tokens still match their readers).
   */
  void load(DataSource dataSource) throws SQLException {
    Optional<String> configured = configuredSalt.map(String::strip).filter(s -> !s.isEmpty());
    if (configured.isPresent()) {
      use(configured.get());
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      String stored = read(connection);
      if (stored == null) {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO comments_setting (name, setting_value) VALUES (?, ?)")) {
          insert.setString(1, SALT_SETTING);
          insert.setString(2, Tokens.newToken());
          insert.executeUpdate();
        } catch (SQLException raced) {
          // Another node wrote it first: read theirs below.
        }
        stored = read(connection);
        if (stored == null) {
          throw new SQLException("Could not store the address salt in comments_setting");
        }
      }
      use(stored);
    }
  }

  private void use(String newSalt) {
    keys = new ConcurrentHashMap<>();
    salt = newSalt;
  }

  private static String read(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT setting_value FROM comments_setting WHERE name = ?")) {
      select.setString(1, SALT_SETTING);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  /**
   * A key derived from the site's salt for one purpose (signing form tokens…): the same on every
   * node and across restarts, different for each purpose.
   */
  byte[] key(String purpose) {
    String current = salt;
    if (current == null) {
      throw new IllegalStateException("The comments database is not ready yet");
    }
    // Derived once per salt: the avatars ask for theirs for every comment of every page rendered.
    Map<String, byte[]> derived = keys;
    byte[] key =
        derived.computeIfAbsent(
            purpose + "\u0000" + current, k -> HexFormat.of().parseHex(Tokens.sha256(k)));
    return key.clone();
  }

  /** The hash of an address; an unknown address hashes like an empty one. */
  String hash(String address) {
    String current = salt;
    if (current == null) {
      throw new IllegalStateException("The comments database is not ready yet");
    }
    return Tokens.addressHash(current, address);
  }
}
