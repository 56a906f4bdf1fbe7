package org.tribune.web.transfer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.tribune.web.config.DatabaseDefinition;

/**
 * The {@code console_import_link} table: what each imported thing became here, and the old
 * addresses it answers. Plain JDBC on the application's data source, so that inside an import's
 * transaction the rows are written (or rolled back) with the article they describe.
 */
@ApplicationScoped
public class ImportLinks {
  static final int PATH_LENGTH = 1000;
  static final int SLUG_LENGTH = 400;
  static final int SOURCE_ID_LENGTH = 200;

  /** What a row describes. */
  public enum Kind {
    POST,
    PAGE,
    COMMENT,
    SECTION,
    TAG,
    AUTHOR,
    THREAD,
    /** A WordPress category's numeric id (its section here), for {@code /?cat={id}}. */
    TERM_ID,
    /** A WordPress author's numeric id (the author here), for {@code /?author={id}}. */
    USER_ID,
    /**
     * An image taken into the media library: by its attachment's id, or ({@code url:…}) by the
     * address a post showed it at.
     */
    MEDIA
  }

  /**
   * One row. {@code oldPath}, {@code oldSlug}, {@code sourceModified}, {@code revision}: or null.
   */
  public record Link(
      String source,
      Kind kind,
      String sourceId,
      long targetId,
      String oldPath,
      String oldSlug,
      Instant sourceModified,
      Integer revision) {}

  @Resource(lookup = DatabaseDefinition.JNDI_NAME)
  private DataSource dataSource;

  public Optional<Link> find(String source, Kind kind, String sourceId) {
    return one(
        "SELECT * FROM console_import_link WHERE source = ? AND kind = ? AND source_id = ?",
        source,
        kind.name(),
        sourceId);
  }

  /** The rows of these source ids of one kind and source, by source id, in one query. */
  public Map<String, Link> find(String source, Kind kind, Collection<String> sourceIds) {
    Map<String, Link> found = new HashMap<>();
    List<String> ids = new ArrayList<>(sourceIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      List<Object> values = new ArrayList<>(chunk);
      values.add(kind.name());
      // Not "source = ? AND kind = ? AND …": H2 then reads the primary key's (source, kind)
      // prefix, every comment row, for each list. Led by source_id, only its index fits.
      for (Link link :
          all(
              "SELECT * FROM console_import_link WHERE source_id IN (" + marks + ") AND kind = ?",
              values.toArray())) {
        if (link.source().equals(source)) {
          found.put(link.sourceId(), link);
        }
      }
    }
    return found;
  }

  /** A row of this kind and source id from any source (the most recent import first). */
  public Optional<Link> findAnySource(Kind kind, String sourceId) {
    return one(
        "SELECT * FROM console_import_link WHERE kind = ? AND source_id = ?"
            + " ORDER BY imported_at DESC",
        kind.name(),
        sourceId);
  }

  /** The article (post or page) whose old permalink had this path. */
  public Optional<Link> findByPath(String path) {
    if (path.length() > PATH_LENGTH) {
      return Optional.empty();
    }
    return one(
        "SELECT * FROM console_import_link WHERE old_path = ? AND kind IN ('POST', 'PAGE')"
            + " ORDER BY imported_at DESC",
        path);
  }

  /** A row of this kind whose old slug this was. */
  public Optional<Link> findBySlug(Kind kind, String slug) {
    if (slug.length() > SLUG_LENGTH) {
      return Optional.empty();
    }
    return one(
        "SELECT * FROM console_import_link WHERE kind = ? AND old_slug = ?"
            + " ORDER BY imported_at DESC",
        kind.name(),
        slug);
  }

  /** Writes rows, replacing those with the same key (a few rows: one statement or two each). */
  public void save(List<Link> links) {
    if (links.isEmpty()) {
      return;
    }
    List<Link> missing = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE console_import_link SET target_id = ?, old_path = ?, old_slug = ?,"
                    + " source_modified = ?, target_revision = ?, imported_at = ?"
                    + " WHERE source = ? AND kind = ? AND source_id = ?")) {
      Instant now = Instant.now();
      for (Link link : links) {
        update.setLong(1, link.targetId());
        update.setString(2, cut(link.oldPath(), PATH_LENGTH));
        update.setString(3, cut(link.oldSlug(), SLUG_LENGTH));
        update.setObject(4, utc(link.sourceModified()));
        setRevision(update, 5, link.revision());
        update.setObject(6, utc(now));
        update.setString(7, link.source());
        update.setString(8, link.kind().name());
        update.setString(9, link.sourceId());
        if (update.executeUpdate() == 0) {
          missing.add(link);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    insert(missing);
  }

  /** Writes rows known to be new (a comment just written), in one batch. */
  public void insert(List<Link> links) {
    if (links.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO console_import_link (source, kind, source_id, target_id, old_path,"
                    + " old_slug, source_modified, target_revision, imported_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Link link : links) {
        insert.setString(1, link.source());
        insert.setString(2, link.kind().name());
        insert.setString(3, link.sourceId());
        insert.setLong(4, link.targetId());
        insert.setString(5, cut(link.oldPath(), PATH_LENGTH));
        insert.setString(6, cut(link.oldSlug(), SLUG_LENGTH));
        insert.setObject(7, utc(link.sourceModified()));
        setRevision(insert, 8, link.revision());
        insert.setObject(9, utc(now));
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void setRevision(PreparedStatement statement, int index, Integer revision)
      throws SQLException {
    if (revision == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, revision);
    }
  }

  /** Whether anything was ever imported: the old-address lookups are skipped on a site without. */
  public boolean any() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT 1 FROM console_import_link FETCH FIRST 1 ROWS ONLY");
        ResultSet r = s.executeQuery()) {
      return r.next();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<Link> one(String sql, Object... values) {
    List<Link> found = all(sql + " FETCH FIRST 1 ROWS ONLY", values);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private List<Link> all(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      List<Link> links = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          OffsetDateTime modified = r.getObject("source_modified", OffsetDateTime.class);
          Number revision = (Number) r.getObject("target_revision");
          links.add(
              new Link(
                  r.getString("source"),
                  Kind.valueOf(r.getString("kind")),
                  r.getString("source_id"),
                  r.getLong("target_id"),
                  r.getString("old_path"),
                  r.getString("old_slug"),
                  modified == null ? null : modified.toInstant(),
                  revision == null ? null : revision.intValue()));
        }
      }
      return links;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static String cut(String text, int length) {
    if (text == null || text.length() <= length) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }
}
