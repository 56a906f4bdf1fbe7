package org.tribune.web.site;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.tribune.web.config.DatabaseDefinition;

/**
 * Named values in {@code console_setting}, written by the console and read on every node. The
 * site's settings ({@link SiteSettings}, {@link Menus}), the legal pages and the console's address
 * key read them here, below the console, which is why this store lives with the site.
 */
@ApplicationScoped
@Transactional
public class StoredSettings {
  @Resource(lookup = DatabaseDefinition.JNDI_NAME)
  private DataSource dataSource;

  /** Every stored value, by name, in one query. */
  public Map<String, String> all() {
    Map<String, String> values = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT name, setting_value FROM console_setting");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        values.put(r.getString(1), r.getString(2));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<String> get(String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT setting_value FROM console_setting WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stores a value, replacing the former one; {@code null} removes it. */
  public void put(String name, String value, String by) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM console_setting WHERE name = ?")) {
        delete.setString(1, name);
        delete.executeUpdate();
      }
      if (value != null) {
        insert(c, name, value, by);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Stores those of these values that differ from the stored ones, in one transaction (all or
   * none), and returns their names, in the map's order.
   */
  public List<String> putChanged(Map<String, String> wanted, String by) {
    Map<String, String> before = all();
    List<String> changed = new ArrayList<>();
    wanted.forEach(
        (name, value) -> {
          if (!Objects.equals(before.get(name), value)) {
            put(name, value, by);
            changed.add(name);
          }
        });
    return changed;
  }

  /**
   * Stores a value unless one is there already, and returns the stored one: when several nodes
   * start at once, they all end up with the first value written.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String putIfAbsent(String name, String value) {
    Optional<String> existing = get(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    try (Connection c = dataSource.getConnection()) {
      insert(c, name, value, null);
      return value;
    } catch (SQLException e) {
      return get(name).orElseThrow(() -> new IllegalStateException(e));
    }
  }

  private static void insert(Connection c, String name, String value, String by)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO console_setting (name, setting_value, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?)")) {
      insert.setString(1, name);
      insert.setString(2, value);
      insert.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
      insert.setString(4, by);
      insert.executeUpdate();
    }
  }
}
