package org.tribune.web.site;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.tribune.web.config.DatabaseDefinition;

/**
 * The site's menus as the console saved them ({@code console_menu_item}): read with the other
 * stored settings by {@link SiteSettings} (every 2 s at most, and at once on the node that saves
 * them), written whole by the console's menu editor.
 */
@ApplicationScoped
@Transactional
public class Menus {
  @Resource(lookup = DatabaseDefinition.JNDI_NAME)
  private DataSource dataSource;

  @Inject private StoredSettings stored;

  /** Each saved menu's items in order; a menu never saved (or reset) is absent. */
  public Map<SiteMenu, List<MenuItem>> saved() {
    return saved(stored.all());
  }

  /** The same, the stored settings read already ({@link SiteSettings} reads both together). */
  Map<SiteMenu, List<MenuItem>> saved(Map<String, String> settings) {
    Map<SiteMenu, List<MenuItem>> menus = new EnumMap<>(SiteMenu.class);
    for (SiteMenu menu : SiteMenu.values()) {
      if (settings.containsKey(menu.savedSetting())) {
        menus.put(menu, new ArrayList<>());
      }
    }
    if (menus.isEmpty()) {
      return menus;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT menu, depth, kind, target, label FROM console_menu_item"
                    + " ORDER BY menu, position");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        Optional<SiteMenu> menu = parse(SiteMenu.class, r.getString(1));
        Optional<MenuItem.Kind> kind = parse(MenuItem.Kind.class, r.getString(3));
        if (menu.isPresent() && kind.isPresent() && menus.containsKey(menu.get())) {
          menus
              .get(menu.get())
              .add(new MenuItem(kind.get(), r.getString(4), r.getString(5), r.getInt(2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    menus.replaceAll((menu, items) -> List.copyOf(items));
    return menus;
  }

  /** The menu's saved items, or empty when it was never saved (the site shows its default). */
  public Optional<List<MenuItem>> saved(SiteMenu menu) {
    return Optional.ofNullable(saved().get(menu));
  }

  /** Replaces the menu's items (all or nothing); an empty list is an empty menu. */
  public void save(SiteMenu menu, List<MenuItem> items, String by) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM console_menu_item WHERE menu = ?")) {
        delete.setString(1, menu.name());
        delete.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO console_menu_item (menu, position, depth, kind, target, label)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")) {
        int position = 0;
        for (MenuItem item : items) {
          insert.setString(1, menu.name());
          insert.setInt(2, position++);
          insert.setInt(3, item.depth());
          insert.setString(4, item.kind().name());
          insert.setString(5, item.target());
          insert.setString(6, item.label());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    stored.put(menu.savedSetting(), "saved", by);
  }

  /** Forgets the menu: the site shows its default again. */
  public void reset(SiteMenu menu) {
    save(menu, List.of(), null);
    stored.put(menu.savedSetting(), null, null);
  }

  private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
    try {
      return Optional.of(Enum.valueOf(type, name));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
