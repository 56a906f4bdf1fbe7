package org.tribune.articles.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ExportedArticle;
import org.tribune.articles.api.ExportedAuthor;
import org.tribune.articles.api.ExportedSection;
import org.tribune.articles.api.Featured;
import org.tribune.articles.api.FormerAddress;
import org.tribune.articles.api.RevisionContent;
import org.tribune.articles.api.Tag;

/**
 * The module's tables read and written whole with plain JDBC, on a connection the caller owns (in
 * the server, the one enlisted in the restore's JTA transaction; in the tests, an H2 of their own):
 * the rows of a site restored from its export ({@link DefaultArticleRestoreService}), and the parts
 * of an export that are rows rather than entities (former addresses, settings).
 *
 * <p>Rows are written as they were exported, ids included, in JDBC batches: a site of 10 000
 * articles, their revisions and their two million postings in a few thousand round trips rather
 * than millions of statements. Nothing is checked but what the schema's keys check, since the rows
 * come from Tribune's own export. SQL that H2 and PostgreSQL both run, and every value a parameter:
 * only table and sequence names (constants) and a computed number are ever put in a statement.
 */
public class ArticleTables {

  /** EclipseLink's {@code allocationSize} of every id sequence of the module (see V1). */
  static final int ID_BLOCK = 50;

  /** Each table whose ids come from a sequence, with its sequence. */
  static final Map<String, String> SEQUENCES = sequences();

  /**
   * What {@link #clear} empties, children before their parents. {@code articles_embed} (oEmbed
   * answers fetched from other sites, valid whatever the content) and {@code articles_job_lock} (a
   * node may hold it right now) stay.
   */
  static final List<String> CLEARED =
      List.of(
          "articles_featured",
          "articles_media_use",
          "articles_search_term",
          "articles_slug_history",
          "articles_revision",
          "articles_article_author",
          "articles_article_tag",
          "articles_article",
          "articles_media",
          "articles_former_slug",
          "articles_section",
          "articles_tag",
          "articles_author",
          "articles_setting");

  /** How an export lists former addresses: by kind, then target, then date replaced, then slug. */
  static final Comparator<FormerAddress> FORMER_ADDRESS_ORDER =
      Comparator.comparing(FormerAddress::kind)
          .thenComparingLong(FormerAddress::targetId)
          .thenComparing(FormerAddress::replacedAt)
          .thenComparing(FormerAddress::slug);

  /** Rows of small tables sent at once. */
  private static final int SMALL_ROWS = 1000;

  /** Rows holding whole bodies (up to 200 000 characters each) sent at once. */
  private static final int LARGE_ROWS = 100;

  /** Ids looked up per statement ({@code IN (?, ?, …)}). */
  private static final int IDS_PER_LOOKUP = 100;

  private final Connection connection;

  public ArticleTables(Connection connection) {
    this.connection = connection;
  }

  private static Map<String, String> sequences() {
    Map<String, String> sequences = new LinkedHashMap<>();
    sequences.put("articles_author", "articles_author_seq");
    sequences.put("articles_section", "articles_section_seq");
    sequences.put("articles_tag", "articles_tag_seq");
    sequences.put("articles_article", "articles_article_seq");
    sequences.put("articles_media", "articles_media_seq");
    return Collections.unmodifiableMap(sequences);
  }

  // --- reading

  /** How many articles and pages there are, whatever their status. */
  long articleCount() throws SQLException {
    return count("SELECT COUNT(*) FROM articles_article");
  }

  /**
   * How many pages the site drafted itself and nobody touched since: still drafts at their first
   * revision, saved by {@code system} (the legal pages a new site starts with).
   */
  long untouchedSystemDrafts() throws SQLException {
    return count(
        "SELECT COUNT(*) FROM articles_article a WHERE a.page_path IS NOT NULL"
            + " AND a.status = 'DRAFT' AND a.revision = 1 AND EXISTS (SELECT 1 FROM"
            + " articles_revision r WHERE r.article_id = a.id AND r.revision = 1"
            + " AND r.saved_by = 'system')");
  }

  /** Whether the media library has an item. */
  boolean hasMedia() throws SQLException {
    return count("SELECT COUNT(*) FROM articles_media") > 0;
  }

  /**
   * Every former slug of articles and pages ({@code articles_slug_history}) and of sections, tags
   * and authors ({@code articles_former_slug}), in {@link #FORMER_ADDRESS_ORDER}: sorted here
   * rather than by the database, whose collation of slugs may differ from one server to another.
   */
  List<FormerAddress> formerAddresses() throws SQLException {
    List<FormerAddress> addresses = new ArrayList<>();
    try (Statement sql = connection.createStatement()) {
      try (ResultSet row =
          sql.executeQuery("SELECT slug, article_id, replaced_at FROM articles_slug_history")) {
        while (row.next()) {
          addresses.add(
              new FormerAddress(
                  FormerAddress.Kind.ARTICLE,
                  row.getLong("article_id"),
                  row.getString("slug"),
                  instant(row, "replaced_at")));
        }
      }
      try (ResultSet row =
          sql.executeQuery("SELECT kind, slug, target_id, replaced_at FROM articles_former_slug")) {
        while (row.next()) {
          addresses.add(
              new FormerAddress(
                  FormerAddress.Kind.valueOf(row.getString("kind")),
                  row.getLong("target_id"),
                  row.getString("slug"),
                  instant(row, "replaced_at")));
        }
      }
    }
    addresses.sort(FORMER_ADDRESS_ORDER);
    return addresses;
  }

  /** The module's stored settings, by name. */
  SortedMap<String, String> settings() throws SQLException {
    SortedMap<String, String> settings = new TreeMap<>();
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT name, setting_value FROM articles_setting")) {
      while (row.next()) {
        settings.put(row.getString("name"), row.getString("setting_value"));
      }
    }
    return settings;
  }

  // --- writing

  /**
   * Deletes every row of {@link #CLEARED}, in that order. The two self-references (a page's parent,
   * a section's) are cut first, so that no row waits for another.
   */
  void clear() throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.executeUpdate("UPDATE articles_article SET parent_id = NULL WHERE parent_id IS NOT NULL");
      sql.executeUpdate("UPDATE articles_section SET parent_id = NULL WHERE parent_id IS NOT NULL");
      for (String table : CLEARED) {
        sql.executeUpdate("DELETE FROM " + table);
      }
    }
  }

  /**
   * Stores each setting, replacing a row of the same name (a new site has {@code demo-content}
   * already): a delete and an insert per name, which both databases run alike.
   */
  void settings(Map<String, String> settings) throws SQLException {
    if (settings.isEmpty()) {
      return;
    }
    try (Batch delete = new Batch("DELETE FROM articles_setting WHERE name = ?", SMALL_ROWS);
        Batch insert =
            new Batch(
                "INSERT INTO articles_setting (name, setting_value) VALUES (?, ?)", SMALL_ROWS)) {
      for (Map.Entry<String, String> setting : settings.entrySet()) {
        delete.row().setString(1, setting.getKey());
        delete.add();
        insert.row().setString(1, setting.getKey());
        insert.row().setString(2, setting.getValue());
        insert.add();
      }
      delete.flush();
      insert.flush();
    }
  }

  /** A section with its id, at version 1; its parent is there already. */
  void section(ExportedSection section) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO articles_section (id, version, slug, name, description, parent_id,"
                + " position) VALUES (?, 1, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, section.id());
      insert.setString(2, section.slug());
      insert.setString(3, section.name());
      insert.setString(4, orEmpty(section.description()));
      setLong(insert, 5, section.parentId());
      insert.setInt(6, section.position());
      insert.executeUpdate();
    }
  }

  /** A tag with its id, at version 1. */
  void tag(Tag tag) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO articles_tag (id, version, slug, name, description)"
                + " VALUES (?, 1, ?, ?, ?)")) {
      insert.setLong(1, tag.id());
      insert.setString(2, tag.slug());
      insert.setString(3, tag.name());
      insert.setString(4, orEmpty(tag.description()));
      insert.executeUpdate();
    }
  }

  /** An author with its id, at version 1. */
  void author(ExportedAuthor author) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO articles_author (id, version, slug, name, bio, email)"
                + " VALUES (?, 1, ?, ?, ?, ?)")) {
      insert.setLong(1, author.id());
      insert.setString(2, author.slug());
      insert.setString(3, author.name());
      insert.setString(4, orEmpty(author.bio()));
      insert.setString(5, author.email());
      insert.executeUpdate();
    }
  }

  /** An item of the media library, at version 1. */
  void media(MediaRow item) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO articles_media (id, version, hash, format, original_name, bytes, width,"
                + " height, widths, derived_format, alt, caption, credit, focal_x, focal_y,"
                + " uploaded_by, uploaded_at, updated_at, search_text)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, item.id());
      insert.setString(2, item.hash());
      insert.setString(3, item.format());
      insert.setString(4, item.originalName());
      insert.setLong(5, item.bytes());
      insert.setInt(6, item.width());
      insert.setInt(7, item.height());
      insert.setString(8, item.widths());
      insert.setString(9, item.derivedFormat());
      insert.setString(10, item.alt());
      insert.setString(11, item.caption());
      insert.setString(12, item.credit());
      setDouble(insert, 13, item.focalX());
      setDouble(insert, 14, item.focalY());
      insert.setString(15, item.uploadedBy());
      setInstant(insert, 16, item.uploadedAt());
      setInstant(insert, 17, item.updatedAt());
      insert.setString(18, item.searchText());
      insert.executeUpdate();
    }
  }

  /**
   * Articles and pages as exported, at version 1, without their parents ({@link #pageParents}):
   * their rows first, then their bylines, tags, revisions, postings (as {@link SearchIndex} writes
   * them) and media uses (as {@link Article#mediaShown} names them). The body and its HTML are kept
   * as exported; the word count is counted from that HTML, as a save counts it. Former slugs are
   * left to {@link #formerAddresses(List)}, which has them all.
   */
  void articles(List<ExportedArticle> articles) throws SQLException {
    try (Batch insert =
        new Batch(
            "INSERT INTO articles_article (id, version, slug, title, standfirst, body, body_format,"
                + " body_html, word_count, revision, status, section_id, lead_image_url,"
                + " lead_image_alt, lead_media_id, comments_open, sticky, created_at, updated_at,"
                + " published_at, page_path, show_byline, show_date, show_share)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            LARGE_ROWS)) {
      for (ExportedArticle article : articles) {
        PreparedStatement row = insert.row();
        row.setLong(1, article.id());
        row.setString(2, article.slug());
        row.setString(3, article.title());
        row.setString(4, orEmpty(article.standfirst()));
        row.setString(5, orEmpty(article.body()));
        row.setString(6, article.bodyFormat().name());
        row.setString(7, orEmpty(article.bodyHtml()));
        row.setInt(8, BodyRenderer.wordCount(article.bodyHtml()));
        row.setInt(9, article.revision());
        row.setString(10, article.status().name());
        setLong(row, 11, article.sectionId());
        row.setString(12, article.leadImageUrl());
        row.setString(13, article.leadImageAlt());
        setLong(row, 14, article.leadMediaId());
        row.setBoolean(15, article.commentsOpen());
        row.setBoolean(16, article.sticky());
        setInstant(row, 17, article.createdAt());
        setInstant(row, 18, article.updatedAt());
        setInstant(row, 19, article.publishedAt());
        row.setString(20, article.pagePath());
        row.setBoolean(21, article.isPage() && article.page().showByline());
        row.setBoolean(22, article.isPage() && article.page().showDate());
        row.setBoolean(23, article.isPage() && article.page().showShare());
        insert.add();
      }
      insert.flush();
    }
    bylinesAndTags(articles);
    revisions(articles);
    postings(articles);
    mediaUses(articles);
  }

  private void bylinesAndTags(List<ExportedArticle> articles) throws SQLException {
    try (Batch byline =
            new Batch(
                "INSERT INTO articles_article_author (article_id, author_id, position)"
                    + " VALUES (?, ?, ?)",
                SMALL_ROWS);
        Batch tagged =
            new Batch(
                "INSERT INTO articles_article_tag (article_id, tag_id) VALUES (?, ?)",
                SMALL_ROWS)) {
      for (ExportedArticle article : articles) {
        List<Long> authors = article.authorIds();
        for (int position = 0; position < authors.size(); position++) {
          byline.row().setLong(1, article.id());
          byline.row().setLong(2, authors.get(position));
          byline.row().setInt(3, position);
          byline.add();
        }
        for (Long tag : article.tagIds()) {
          tagged.row().setLong(1, article.id());
          tagged.row().setLong(2, tag);
          tagged.add();
        }
      }
      byline.flush();
      tagged.flush();
    }
  }

  /** Each saved version, as {@link Revision} stores it (authors and tags joined its way). */
  private void revisions(List<ExportedArticle> articles) throws SQLException {
    try (Batch insert =
        new Batch(
            "INSERT INTO articles_revision (article_id, revision, saved_at, saved_by, title, slug,"
                + " standfirst, body_format, body, section_id, author_ids, tag_ids,"
                + " lead_image_url, lead_image_alt, comments_open, lead_media_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            LARGE_ROWS)) {
      for (ExportedArticle article : articles) {
        for (RevisionContent revision : article.revisions()) {
          ArticleDraft draft = revision.draft();
          PreparedStatement row = insert.row();
          row.setLong(1, article.id());
          row.setInt(2, revision.info().number());
          setInstant(row, 3, revision.info().savedAt());
          row.setString(4, revision.info().savedBy());
          row.setString(5, draft.title() != null ? draft.title() : revision.info().title());
          // The column may not be empty; a draft without a slug was saved under the article's.
          row.setString(6, draft.slug() != null ? draft.slug() : article.slug());
          row.setString(7, orEmpty(draft.standfirst()));
          row.setString(8, draft.bodyFormat().name());
          row.setString(9, orEmpty(draft.body()));
          setLong(row, 10, draft.sectionId());
          row.setString(11, Revision.join(draft.authorIds()));
          row.setString(12, Revision.join(draft.tagIds()));
          row.setString(13, draft.leadImageUrl());
          row.setString(14, draft.leadImageAlt());
          row.setBoolean(15, draft.commentsOpen());
          setLong(row, 16, draft.leadMediaId());
          insert.add();
        }
      }
      insert.flush();
    }
  }

  /** The search index's rows, weighed and listed as {@link SearchIndex#index} does. */
  private void postings(List<ExportedArticle> articles) throws SQLException {
    try (Batch insert = new Batch(SearchIndex.INSERT_POSTING, SMALL_ROWS)) {
      for (ExportedArticle article : articles) {
        Map<String, Integer> rows =
            SearchIndex.weights(article.title(), article.standfirst(), article.bodyHtml());
        SearchIndex.addPostings(
            insert.row(),
            article.id(),
            rows,
            Article.listedFrom(article.status(), article.publishedAt()));
        insert.added(rows.size());
      }
      insert.flush();
    }
  }

  /** Which images each article shows: its lead image, and those of its body the library has. */
  private void mediaUses(List<ExportedArticle> articles) throws SQLException {
    Set<Long> referred = new HashSet<>();
    for (ExportedArticle article : articles) {
      referred.addAll(BodyRenderer.mediaIds(article.bodyFormat(), article.body()));
    }
    Set<Long> existing = existingMedia(referred);
    try (Batch insert =
        new Batch(
            "INSERT INTO articles_media_use (media_id, article_id) VALUES (?, ?)", SMALL_ROWS)) {
      for (ExportedArticle article : articles) {
        Set<Long> shown =
            Article.mediaShown(
                article.leadMediaId(),
                article.bodyFormat(),
                article.body(),
                ids -> ids.stream().filter(existing::contains).toList());
        for (Long media : shown) {
          insert.row().setLong(1, media);
          insert.row().setLong(2, article.id());
          insert.add();
        }
      }
      insert.flush();
    }
  }

  /** Of these ids, those of items of the media library. */
  private Set<Long> existingMedia(Collection<Long> ids) throws SQLException {
    Set<Long> existing = new HashSet<>();
    List<Long> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += IDS_PER_LOOKUP) {
      List<Long> part = all.subList(from, Math.min(all.size(), from + IDS_PER_LOOKUP));
      String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT id FROM articles_media WHERE id IN (" + marks + ")")) {
        for (int i = 0; i < part.size(); i++) {
          select.setLong(i + 1, part.get(i));
        }
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            existing.add(row.getLong(1));
          }
        }
      }
    }
    return existing;
  }

  /** Each page's parent page ({@code null}: at the root). */
  void pageParents(Map<Long, Long> parentOfPage) throws SQLException {
    try (Batch update =
        new Batch("UPDATE articles_article SET parent_id = ? WHERE id = ?", SMALL_ROWS)) {
      for (Map.Entry<Long, Long> page : parentOfPage.entrySet()) {
        setLong(update.row(), 1, page.getValue());
        update.row().setLong(2, page.getKey());
        update.add();
      }
      update.flush();
    }
  }

  /**
   * Former slugs: an article's or a page's in {@code articles_slug_history}, the others in {@code
   * articles_former_slug} under their kind.
   */
  void formerAddresses(List<FormerAddress> addresses) throws SQLException {
    try (Batch article =
            new Batch(
                "INSERT INTO articles_slug_history (slug, article_id, replaced_at)"
                    + " VALUES (?, ?, ?)",
                SMALL_ROWS);
        Batch listing =
            new Batch(
                "INSERT INTO articles_former_slug (kind, slug, target_id, replaced_at)"
                    + " VALUES (?, ?, ?, ?)",
                SMALL_ROWS)) {
      for (FormerAddress address : addresses) {
        if (address.kind() == FormerAddress.Kind.ARTICLE) {
          article.row().setString(1, address.slug());
          article.row().setLong(2, address.targetId());
          setInstant(article.row(), 3, address.replacedAt());
          article.add();
        } else {
          listing.row().setString(1, address.kind().name());
          listing.row().setString(2, address.slug());
          listing.row().setLong(3, address.targetId());
          setInstant(listing.row(), 4, address.replacedAt());
          listing.add();
        }
      }
      article.flush();
      listing.flush();
    }
  }

  /** The front page's places. */
  void frontPage(List<Featured> places) throws SQLException {
    try (Batch insert =
        new Batch(
            "INSERT INTO articles_featured (article_id, position, until) VALUES (?, ?, ?)",
            SMALL_ROWS)) {
      for (Featured place : places) {
        insert.row().setLong(1, place.articleId());
        insert.row().setInt(2, place.position());
        setInstant(insert.row(), 3, place.until());
        insert.add();
      }
      insert.flush();
    }
  }

  /**
   * Moves every sequence past the highest id of its table ({@link #restartValue}), and never back:
   * a sequence already further on stays ahead of what it handed out. H2 keeps a sequence's new
   * value through a rollback (PostgreSQL does not), so a restore rolled back after this step must
   * not leave a sequence below the ids of the content that stays; and a block of ids another node
   * took before the restore must not be handed out again. Where the sequence is is read by taking
   * its next value ({@code nextval('…')}, which both databases answer; one block is skipped). Then
   * {@code ALTER SEQUENCE … RESTART WITH}, the form both take, with the value written out (neither
   * takes a parameter there).
   *
   * @return each sequence's next value
   */
  Map<String, Long> continueSequences() throws SQLException {
    Map<String, Long> next = new LinkedHashMap<>();
    try (Statement sql = connection.createStatement()) {
      for (Map.Entry<String, String> table : SEQUENCES.entrySet()) {
        long highest;
        try (ResultSet row =
            sql.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table.getKey())) {
          row.next();
          highest = row.getLong(1);
        }
        long taken;
        try (ResultSet row = sql.executeQuery("SELECT nextval('" + table.getValue() + "')")) {
          row.next();
          taken = row.getLong(1);
        }
        long restart = Math.max(restartValue(highest), taken + ID_BLOCK);
        sql.executeUpdate("ALTER SEQUENCE " + table.getValue() + " RESTART WITH " + restart);
        next.put(table.getValue(), restart);
      }
    }
    return next;
  }

  /**
   * The value a sequence restarts with after a table whose highest id is {@code highest}.
   * EclipseLink takes the value it gets as the last id of a block of {@link #ID_BLOCK} (the block
   * of 100 is 51–100), so the value must be at least {@code highest + 50}; rounded up to a multiple
   * of 50, as the sequences' own values are.
   */
  static long restartValue(long highest) {
    long least = Math.max(0, highest) + ID_BLOCK;
    return (least + ID_BLOCK - 1) / ID_BLOCK * ID_BLOCK;
  }

  // --- helpers

  private long count(String query) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** An instant as the entities store it ({@link UtcInstantConverter}): UTC, to the microsecond. */
  private static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, Article.micros(instant).atOffset(ZoneOffset.UTC));
    }
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  private static void setDouble(PreparedStatement statement, int index, Double value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }

  /**
   * A statement whose rows are sent a few at a time rather than all at the end, so that a batch
   * never holds more than {@code size} bodies in memory (the driver keeps every bound value until
   * it sends them).
   */
  private final class Batch implements AutoCloseable {
    private final PreparedStatement statement;
    private final int size;
    private int pending;

    Batch(String sql, int size) throws SQLException {
      this.statement = connection.prepareStatement(sql);
      this.size = size;
    }

    /** The statement, to bind the next row's values. */
    PreparedStatement row() {
      return statement;
    }

    /** Adds the row bound. */
    void add() throws SQLException {
      statement.addBatch();
      added(1);
    }

    /** Counts rows already added to the statement by someone else ({@link SearchIndex}). */
    void added(int rows) throws SQLException {
      pending += rows;
      if (pending >= size) {
        flush();
      }
    }

    void flush() throws SQLException {
      if (pending > 0) {
        statement.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      statement.close();
    }
  }

  /**
   * An item of the media library's row ({@code articles_media}), made by the library from the item
   * and its stored file, with the id it had.
   *
   * @param format and {@code derivedFormat}: the formats' names ({@code JPEG}, {@code PNG}…)
   * @param widths the derivatives' sizes, {@code 320x213,640x427}
   * @param searchText alt, caption, credit and name folded, for the library's search
   */
  public record MediaRow(
      long id,
      String hash,
      String format,
      String originalName,
      long bytes,
      int width,
      int height,
      String widths,
      String derivedFormat,
      String alt,
      String caption,
      String credit,
      Double focalX,
      Double focalY,
      String uploadedBy,
      Instant uploadedAt,
      Instant updatedAt,
      String searchText) {}
}
