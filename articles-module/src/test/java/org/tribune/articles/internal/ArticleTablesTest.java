package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.ExportedArticle;
import org.tribune.articles.api.ExportedAuthor;
import org.tribune.articles.api.ExportedSection;
import org.tribune.articles.api.Featured;
import org.tribune.articles.api.FormerAddress;
import org.tribune.articles.api.FormerAddress.Kind;
import org.tribune.articles.api.PageOptions;
import org.tribune.articles.api.RevisionContent;
import org.tribune.articles.api.RevisionInfo;
import org.tribune.articles.api.Tag;

/**
 * The restore's rows on an in-memory H2 migrated as the server migrates its database: a small site
 * written in one transaction, in the order the restore service's caller writes it, then read back
 * with SQL. PostgreSQL, which takes the same statements, is left to the web module's integration
 * tests (they run the restore service in the server).
 */
class ArticleTablesTest {
  private static final Instant CREATED = Instant.parse("2025-03-01T08:00:00.123456Z");
  private static final Instant UPDATED = Instant.parse("2025-03-02T09:30:00.654321Z");
  private static final Instant PUBLISHED = Instant.parse("2025-03-02T10:00:00Z");
  private static final Instant LATER = Instant.parse("2099-01-01T06:00:00Z");
  private static final String HASH = "ab".repeat(32);

  /** The article's body: a library image that exists (40), one that does not (99). */
  private static final String BODY =
      "Le vélo gagne la ville, *rue après rue*.\n\n![](media:40)\n\n![](media:99)";

  private final BodyRenderer renderer = new BodyRenderer("fr-FR");
  private Connection connection;
  private ArticleTables tables;

  @BeforeEach
  void migrate() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure(ArticleTablesTest.class.getClassLoader())
        .dataSource(url, "", "")
        .locations("classpath:db/migration/articles")
        .table("articles_schema_history")
        .load()
        .migrate();
    connection = DriverManager.getConnection(url);
    // As in the server: the whole restore is one transaction.
    connection.setAutoCommit(false);
    tables = new ArticleTables(connection);
  }

  @AfterEach
  void close() throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.execute("SHUTDOWN");
    }
    connection.close();
  }

  @Test
  void aRestoredSiteReadsBackAsItWasExported() throws SQLException {
    restoreSite();
    connection.commit();

    assertEquals(
        List.of(
            new FormerAddress(Kind.ARTICLE, 1000, "tres-ancien-velo", CREATED),
            new FormerAddress(Kind.ARTICLE, 1000, "ancien-velo", UPDATED),
            new FormerAddress(Kind.ARTICLE, 1001, "qui-sommes-nous", CREATED),
            new FormerAddress(Kind.SECTION, 11, "vieille-europe", CREATED),
            new FormerAddress(Kind.TAG, 20, "rechauffement", UPDATED),
            new FormerAddress(Kind.TAG, 21, "bicyclette", CREATED),
            new FormerAddress(Kind.AUTHOR, 30, "claire-d", CREATED)),
        tables.formerAddresses(),
        "by kind, target, date replaced");
    assertEquals(
        new TreeMap<>(Map.of("demo-content", "off", "home.sections", "10,11")),
        tables.settings(),
        "the migration's demo-content row replaced");

    assertEquals(
        List.of(
            listOf(10L, "monde", "Monde", "", null, 2),
            listOf(11L, "europe", "Europe", "Le continent", 10L, 1)),
        rows(
            "SELECT id, slug, name, description, parent_id, position FROM articles_section"
                + " ORDER BY id"));
    assertEquals(
        List.of(List.of(20L, "climat", "Climat", ""), List.of(21L, "velo", "Vélo", "Deux roues")),
        rows("SELECT id, slug, name, description FROM articles_tag ORDER BY id"));
    assertEquals(
        List.of(
            List.of(30L, "claire", "Claire Dumas", "Journaliste", "claire@example.org"),
            listOf(31L, "julien", "Julien", "", null)),
        rows("SELECT id, slug, name, bio, email FROM articles_author ORDER BY id"));
    assertEquals(
        List.of(0L, 0L, 0L, 0L),
        List.of(
            single("SELECT COUNT(*) FROM articles_section WHERE version <> 1"),
            single("SELECT COUNT(*) FROM articles_tag WHERE version <> 1"),
            single("SELECT COUNT(*) FROM articles_author WHERE version <> 1"),
            single("SELECT COUNT(*) FROM articles_article WHERE version <> 1")),
        "every row at version 1");

    BodyRenderer.Rendered rendered = renderer.render(BodyFormat.MARKDOWN, BODY);
    assertEquals(
        listOf(
            "velo-en-ville",
            "Le vélo en ville",
            "Chapeau",
            BODY,
            "MARKDOWN",
            rendered.html(),
            rendered.wordCount(),
            3,
            "PUBLISHED",
            11L,
            null,
            null,
            40L,
            true,
            true,
            CREATED,
            UPDATED,
            PUBLISHED,
            null,
            null,
            false,
            false,
            false),
        rows("SELECT slug, title, standfirst, body, body_format, body_html, word_count, revision,"
                + " status, section_id, lead_image_url, lead_image_alt, lead_media_id,"
                + " comments_open, sticky, created_at, updated_at, published_at, page_path,"
                + " parent_id, show_byline, show_date, show_share FROM articles_article"
                + " WHERE id = 1000")
            .get(0),
        "the article as exported, its words counted as a save counts them");
    assertEquals(
        List.of(
            listOf(1001L, "a-propos", "DRAFT", null, "a-propos", null, true, false, true),
            listOf(
                1060L, "equipe", "SCHEDULED", LATER, "a-propos/equipe", 1001L, false, true, false)),
        rows(
            "SELECT id, slug, status, published_at, page_path, parent_id, show_byline,"
                + " show_date, show_share FROM articles_article WHERE page_path IS NOT NULL"
                + " ORDER BY id"),
        "pages with their options and parents");

    assertEquals(
        List.of(List.of(31L, 0), List.of(30L, 1)),
        rows(
            "SELECT author_id, position FROM articles_article_author WHERE article_id = 1000"
                + " ORDER BY position"),
        "byline order");
    assertEquals(
        List.of(List.of(20L), List.of(21L)),
        rows("SELECT tag_id FROM articles_article_tag WHERE article_id = 1000 ORDER BY tag_id"));
    assertEquals(
        List.of(
            listOf(1000L, 1, CREATED, "system", "Le vélo", "velo", "31", "", null, 11L),
            listOf(
                1000L,
                2,
                UPDATED,
                "Claire Dumas",
                "Le vélo en ville",
                "velo-en-ville",
                "31,30",
                "20,21",
                40L,
                11L),
            listOf(1001L, 1, CREATED, "system", "À propos", "a-propos", "", "", null, null),
            listOf(1060L, 1, CREATED, "system", "L'équipe", "equipe", "", "", null, null)),
        rows(
            "SELECT article_id, revision, saved_at, saved_by, title, slug, author_ids, tag_ids,"
                + " lead_media_id, section_id FROM articles_revision ORDER BY article_id, revision"),
        "each revision, a draft without a slug under its article's");

    assertEquals(
        (long) SearchIndex.weights("Le vélo en ville", "Chapeau", rendered.html()).size(),
        single("SELECT COUNT(*) FROM articles_search_term WHERE article_id = 1000"),
        "one posting per term");
    assertEquals(
        List.of(List.of(SearchIndex.TITLE_WEIGHT + SearchIndex.BODY_WEIGHT, PUBLISHED)),
        rows(
            "SELECT weight, listed_from FROM articles_search_term"
                + " WHERE article_id = 1000 AND term = 'velo'"),
        "in the title and the body, listed from its publication");
    assertEquals(
        List.of(listOf(1001L, null), List.of(1060L, LATER)),
        rows(
            "SELECT DISTINCT article_id, listed_from FROM articles_search_term"
                + " WHERE article_id > 1000 ORDER BY article_id"),
        "a draft is not listed, a scheduled page is from its instant");
    assertEquals(
        List.of(List.of(40L, 1000L), List.of(41L, 1001L), List.of(41L, 1060L)),
        rows("SELECT media_id, article_id FROM articles_media_use ORDER BY media_id, article_id"),
        "the lead image and the body's images the library has, not the unknown 99");

    assertEquals(
        List.of(listOf(1000L, 1, null), List.of(1060L, 2, LATER)),
        rows("SELECT article_id, position, until FROM articles_featured ORDER BY position"));
    assertEquals(
        List.of(
            listOf(
                40L,
                HASH,
                "JPEG",
                "velo.jpg",
                52_000L,
                1600,
                1200,
                "320x240,640x480",
                "JPEG",
                "Un vélo",
                "",
                "AFP",
                0.5,
                0.25,
                "claire@example.org",
                CREATED,
                UPDATED,
                "un velo\n\nafp\nvelo.jpg")),
        rows(
            "SELECT id, hash, format, original_name, bytes, width, height, widths,"
                + " derived_format, alt, caption, credit, focal_x, focal_y, uploaded_by, uploaded_at,"
                + " updated_at, search_text FROM articles_media WHERE id = 40"));
  }

  /**
   * A new site's legal pages are drafts the site wrote itself: they do not make it a site that
   * holds content. A page saved again, or published, does.
   */
  @Test
  void onlyUntouchedPagesTheSiteDraftedItselfAreNotContent() throws SQLException {
    restoreSite();
    assertEquals(1, tables.untouchedSystemDrafts(), "the draft page at the root, revision 1");
    try (Statement sql = connection.createStatement()) {
      sql.executeUpdate("UPDATE articles_article SET revision = 2 WHERE id = 1001");
    }
    assertEquals(0, tables.untouchedSystemDrafts(), "saved again");
  }

  @Test
  void clearingEmptiesTheModuleButTheFetchedEmbedsAndTheJobLocks() throws SQLException {
    restoreSite();
    try (Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO articles_embed (url_hash, url, author, title, body_text, post_date,"
              + " fetched_at) VALUES ('h', 'https://example.org/p', '', '', '', '',"
              + " CURRENT_TIMESTAMP)");
      sql.executeUpdate(
          "INSERT INTO articles_job_lock (name, lock_until, locked_at, locked_by)"
              + " VALUES ('job', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'node')");
    }
    for (String table : ArticleTables.CLEARED) {
      assertTrue(single("SELECT COUNT(*) FROM " + table) > 0, table + " has rows to clear");
    }

    tables.clear();

    for (String table : ArticleTables.CLEARED) {
      assertEquals(0L, single("SELECT COUNT(*) FROM " + table), table);
    }
    assertEquals(1L, single("SELECT COUNT(*) FROM articles_embed"));
    assertEquals(1L, single("SELECT COUNT(*) FROM articles_job_lock"));

    restoreSite();
    connection.commit();
    assertEquals(3L, single("SELECT COUNT(*) FROM articles_article"), "the same ids again");
  }

  @Test
  void aNewSiteIsRestoredWithoutClearingItsDemoContentSetting() throws SQLException {
    assertEquals(Map.of("demo-content", "configured"), tables.settings());
    tables.settings(Map.of("demo-content", "off"));
    assertEquals(Map.of("demo-content", "off"), tables.settings());
  }

  @Test
  void sequencesContinueAtLeastABlockAfterTheHighestRestoredId() throws SQLException {
    restoreSite();

    Map<String, Long> next = tables.continueSequences();
    connection.commit();

    Map<String, Long> highest = new LinkedHashMap<>();
    for (Map.Entry<String, String> table : ArticleTables.SEQUENCES.entrySet()) {
      highest.put(table.getValue(), single("SELECT MAX(id) FROM " + table.getKey()));
    }
    for (Map.Entry<String, Long> sequence : highest.entrySet()) {
      long value = single("SELECT NEXT VALUE FOR " + sequence.getKey());
      String name = sequence.getKey();
      assertAll(
          name,
          () -> assertEquals(next.get(name), value, "the value reported"),
          () -> assertEquals(0, value % ArticleTables.ID_BLOCK, "a multiple of 50"),
          () ->
              assertTrue(
                  value - ArticleTables.ID_BLOCK + 1 > sequence.getValue(),
                  "EclipseLink's block ending at " + value + " is past every restored id"));
    }
    assertEquals(1150L, next.get("articles_article_seq"), "1060 + 50, rounded up");
  }

  @Test
  void aSequenceNeverGoesBackBelowWhatItHandedOut() throws SQLException {
    try (Statement sql = connection.createStatement()) {
      // Before the restore, a node took the block 4951–5000 of the old content's articles.
      sql.executeUpdate("ALTER SEQUENCE articles_article_seq RESTART WITH 5000");
      assertEquals(5000L, single("SELECT NEXT VALUE FOR articles_article_seq"));
    }
    tables.clear();
    restoreSite();

    Map<String, Long> next = tables.continueSequences();

    assertEquals(
        5100L,
        next.get("articles_article_seq"),
        "past 5000 (the block read to find it is skipped), not back to 1150");
    assertEquals(5100L, single("SELECT NEXT VALUE FOR articles_article_seq"));
    assertEquals(100L, next.get("articles_media_seq"), "41 + 50, rounded up");
  }

  @Test
  void theRestartValueLeavesAWholeBlockAboveTheHighestId() {
    assertAll(
        () -> assertEquals(50, ArticleTables.restartValue(0)),
        () -> assertEquals(100, ArticleTables.restartValue(1)),
        () -> assertEquals(100, ArticleTables.restartValue(50)),
        () -> assertEquals(150, ArticleTables.restartValue(51)),
        () -> assertEquals(150, ArticleTables.restartValue(100)),
        () -> assertEquals(10_050, ArticleTables.restartValue(10_000)));
  }

  @Test
  void aRowTheSchemaRefusesFailsTheStep() throws SQLException {
    restoreSite();
    assertThrows(
        SQLException.class,
        () -> tables.tag(new Tag(22, "climat", "Autre climat", "")),
        "the slug is taken");
    assertThrows(
        SQLException.class,
        () -> tables.frontPage(List.of(new Featured(4242, 1, null))),
        "no such article");
  }

  @Test
  void theExportListsFormerAddressesByKindTargetAndDateWhateverTheirTable() throws SQLException {
    List<FormerAddress> shuffled =
        new ArrayList<>(
            List.of(
                new FormerAddress(Kind.AUTHOR, 2, "b", CREATED),
                new FormerAddress(Kind.TAG, 1, "z", CREATED),
                new FormerAddress(Kind.ARTICLE, 9, "late", UPDATED),
                new FormerAddress(Kind.TAG, 1, "a", CREATED),
                new FormerAddress(Kind.SECTION, 3, "s", UPDATED),
                new FormerAddress(Kind.ARTICLE, 9, "early", CREATED),
                new FormerAddress(Kind.AUTHOR, 1, "c", UPDATED)));
    try (Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO articles_article (id, version, slug, title, standfirst, body, body_format,"
              + " body_html, word_count, revision, status, comments_open, created_at, updated_at)"
              + " VALUES (9, 1, 'now', 'Titre', '', '', 'HTML', '', 0, 1, 'DRAFT', TRUE,"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }
    tables.formerAddresses(shuffled);

    assertEquals(
        List.of("early", "late", "s", "a", "z", "c", "b"),
        tables.formerAddresses().stream().map(FormerAddress::slug).toList());
  }

  // --- the site

  /** A small site, written as the restore service's caller writes it. */
  private void restoreSite() throws SQLException {
    tables.settings(Map.of("demo-content", "off", "home.sections", "10,11"));
    tables.section(new ExportedSection(10, "monde", "Monde", "", null, 2));
    tables.section(new ExportedSection(11, "europe", "Europe", "Le continent", 10L, 1));
    tables.tag(new Tag(20, "climat", "Climat", ""));
    tables.tag(new Tag(21, "velo", "Vélo", "Deux roues"));
    tables.author(
        new ExportedAuthor(30, "claire", "Claire Dumas", "Journaliste", "claire@example.org"));
    tables.author(new ExportedAuthor(31, "julien", "Julien", "", null));
    tables.media(media(40, "velo.jpg", "Un vélo", "AFP", "un velo\n\nafp\nvelo.jpg"));
    tables.media(media(41, "equipe.png", "L'équipe", "", "l'equipe\n\n\nequipe.png"));
    // A parent page may come after its child: parents are set once all are written.
    tables.articles(List.of(article(), page(1060, "equipe", "L'équipe", "a-propos/equipe")));
    tables.articles(List.of(page(1001, "a-propos", "À propos", "a-propos")));
    Map<Long, Long> parents = new HashMap<>();
    parents.put(1060L, 1001L);
    parents.put(1001L, null);
    tables.pageParents(parents);
    tables.formerAddresses(
        List.of(
            new FormerAddress(Kind.AUTHOR, 30, "claire-d", CREATED),
            new FormerAddress(Kind.ARTICLE, 1000, "ancien-velo", UPDATED),
            new FormerAddress(Kind.TAG, 21, "bicyclette", CREATED),
            new FormerAddress(Kind.SECTION, 11, "vieille-europe", CREATED),
            new FormerAddress(Kind.ARTICLE, 1001, "qui-sommes-nous", CREATED),
            new FormerAddress(Kind.TAG, 20, "rechauffement", UPDATED),
            new FormerAddress(Kind.ARTICLE, 1000, "tres-ancien-velo", CREATED)));
    tables.frontPage(List.of(new Featured(1000, 1, null), new Featured(1060, 2, LATER)));
  }

  private static ArticleTables.MediaRow media(
      long id, String name, String alt, String credit, String searchText) {
    String hash = id == 40 ? HASH : "cd".repeat(32);
    return new ArticleTables.MediaRow(
        id,
        hash,
        "JPEG",
        name,
        52_000,
        1600,
        1200,
        "320x240,640x480",
        "JPEG",
        alt,
        "",
        credit,
        id == 40 ? 0.5 : null,
        id == 40 ? 0.25 : null,
        "claire@example.org",
        CREATED,
        UPDATED,
        searchText);
  }

  /** A published article in three revisions, two of them kept; leads with item 40. */
  private ExportedArticle article() {
    BodyRenderer.Rendered rendered = renderer.render(BodyFormat.MARKDOWN, BODY);
    ArticleDraft first =
        new ArticleDraft(
            "Le vélo",
            "velo",
            "",
            BodyFormat.MARKDOWN,
            "Brouillon",
            List.of(31L),
            11L,
            List.of(),
            null,
            null,
            true);
    ArticleDraft second =
        new ArticleDraft(
                "Le vélo en ville",
                "velo-en-ville",
                "Chapeau",
                BodyFormat.MARKDOWN,
                BODY,
                List.of(31L, 30L),
                11L,
                List.of(20L, 21L),
                null,
                null,
                true)
            .withLeadMedia(40L);
    return new ExportedArticle(
        1000,
        "velo-en-ville",
        "Le vélo en ville",
        "Chapeau",
        BodyFormat.MARKDOWN,
        BODY,
        rendered.html(),
        ArticleStatus.PUBLISHED,
        11L,
        List.of(31L, 30L),
        List.of(20L, 21L),
        null,
        null,
        40L,
        true,
        true,
        CREATED,
        UPDATED,
        PUBLISHED,
        3,
        List.of("ancien-velo", "tres-ancien-velo"),
        List.of(
            new RevisionContent(new RevisionInfo(1, CREATED, "system", "Le vélo"), first),
            new RevisionContent(
                new RevisionInfo(2, UPDATED, "Claire Dumas", "Le vélo en ville"), second)),
        null,
        null);
  }

  /**
   * A page without author, in HTML, showing item 41 in its body: a draft at the root, or scheduled
   * under another page. Its revision's draft has no slug.
   */
  private static ExportedArticle page(long id, String slug, String title, String path) {
    boolean child = path.contains("/");
    String body = "<p>Qui nous sommes.</p><p><img src=\"media:41\"></p>";
    ArticleDraft draft =
        new ArticleDraft(
            title, null, "", BodyFormat.HTML, body, List.of(), null, List.of(), null, null, false);
    return new ExportedArticle(
        id,
        slug,
        title,
        "",
        BodyFormat.HTML,
        body,
        "<p>Qui nous sommes.</p>",
        child ? ArticleStatus.SCHEDULED : ArticleStatus.DRAFT,
        null,
        List.of(),
        List.of(),
        null,
        null,
        null,
        false,
        false,
        CREATED,
        CREATED,
        child ? LATER : null,
        1,
        List.of(),
        List.of(new RevisionContent(new RevisionInfo(1, CREATED, "system", title), draft)),
        path,
        child
            ? new PageOptions(1001L, false, true, false)
            : new PageOptions(null, true, false, true));
  }

  // --- reading

  private List<List<Object>> rows(String query) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(query);
        ResultSet row = select.executeQuery()) {
      int columns = row.getMetaData().getColumnCount();
      while (row.next()) {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = row.getObject(i);
          values.add(value instanceof OffsetDateTime time ? time.toInstant() : value);
        }
        rows.add(values);
      }
    }
    return rows;
  }

  private long single(String query) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery(query)) {
      assertTrue(row.next(), query);
      long value = row.getLong(1);
      assertFalse(row.next(), query);
      return value;
    }
  }

  /** A list that may hold nulls ({@code List.of} refuses them). */
  private static List<Object> listOf(Object... values) {
    return Arrays.asList(values);
  }
}
