package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The migrations on an in-memory H2, from a database at V4 holding articles written then: V5 must
 * give each its revision 1 (authors in byline order, tags), and accept the new statuses. The same
 * scripts run on PostgreSQL in the integration tests.
 */
class MigrationsTest {

  @Test
  void articlesOfTheEarlierSchemaGetTheirFirstRevision() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    flyway(url).target("4").load().migrate();
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO articles_author (id, version, slug, name, bio)"
              + " VALUES (1, 1, 'a', 'A', ''), (2, 1, 'b', 'B', '')");
      sql.executeUpdate(
          "INSERT INTO articles_tag (id, version, slug, name, description)"
              + " VALUES (5, 1, 't5', 'T5', ''), (4, 1, 't4', 'T4', '')");
      sql.executeUpdate(
          "INSERT INTO articles_article (id, version, slug, title, standfirst, body, body_format,"
              + " body_html, word_count, revision, status, comments_open, created_at, updated_at)"
              + " VALUES (10, 1, 's10', 'Titre', 'Chapeau', 'Corps', 'MARKDOWN', '<p>Corps</p>',"
              + " 1, 3, 'PUBLISHED', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
              + " (11, 1, 's11', 'Vide', '', '', 'HTML', '', 0, 1, 'DRAFT', FALSE,"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      sql.executeUpdate(
          "INSERT INTO articles_article_author (article_id, author_id, position)"
              + " VALUES (10, 2, 0), (10, 1, 1), (11, 1, 0)");
      sql.executeUpdate(
          "INSERT INTO articles_article_tag (article_id, tag_id) VALUES (10, 5), (10, 4)");

      flyway(url).load().migrate();

      try (ResultSet row =
          sql.executeQuery(
              "SELECT article_id, revision, saved_by, title, slug, body, author_ids, tag_ids,"
                  + " comments_open FROM articles_revision ORDER BY article_id")) {
        assertTrue(row.next());
        assertEquals(10, row.getLong("article_id"));
        assertEquals(1, row.getInt("revision"));
        assertEquals("system", row.getString("saved_by"));
        assertEquals("Titre", row.getString("title"));
        assertEquals("s10", row.getString("slug"));
        assertEquals("Corps", row.getString("body"));
        assertEquals("2,1", row.getString("author_ids"), "byline order");
        assertEquals("4,5", row.getString("tag_ids"));
        assertTrue(row.getBoolean("comments_open"));
        assertTrue(row.next());
        assertEquals("", row.getString("tag_ids"));
        assertFalse(row.getBoolean("comments_open"));
        assertFalse(row.next());
      }
      sql.executeUpdate("UPDATE articles_article SET status = 'PENDING' WHERE id = 10");
      sql.executeUpdate("UPDATE articles_article SET status = 'TRASHED' WHERE id = 11");
      assertThrows(
          SQLException.class,
          () -> sql.executeUpdate("UPDATE articles_article SET status = 'GONE' WHERE id = 11"));
      sql.executeUpdate("DELETE FROM articles_article WHERE id = 11");
      try (ResultSet count =
          sql.executeQuery("SELECT COUNT(*) FROM articles_revision WHERE article_id = 11")) {
        count.next();
        assertEquals(0, count.getInt(1), "the history goes with its article");
      }
    }
  }

  @Test
  void articlesWithoutHistoryGetTheirFirstRevisionAndDemoContentFollowsTheConfiguration()
      throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    flyway(url).target("5").load().migrate();
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO articles_author (id, version, slug, name, bio) VALUES (1, 1, 'a', 'A', '')");
      // 20 as the demo content wrote it (no revision), 21 saved in the console (revision 2).
      sql.executeUpdate(
          "INSERT INTO articles_article (id, version, slug, title, standfirst, body, body_format,"
              + " body_html, word_count, revision, status, comments_open, created_at, updated_at)"
              + " VALUES (20, 1, 'demo', 'Démo', '', 'Corps', 'MARKDOWN', '<p>Corps</p>', 1, 2,"
              + " 'PUBLISHED', TRUE, TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05+00',"
              + " CURRENT_TIMESTAMP),"
              + " (21, 1, 'own', 'À nous', '', '', 'HTML', '', 0, 2, 'DRAFT', TRUE,"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      sql.executeUpdate(
          "INSERT INTO articles_article_author (article_id, author_id, position)"
              + " VALUES (20, 1, 0), (21, 1, 0)");
      sql.executeUpdate(
          "INSERT INTO articles_revision (article_id, revision, saved_at, saved_by, title, slug,"
              + " standfirst, body_format, body, author_ids, tag_ids, comments_open)"
              + " SELECT id, n, CURRENT_TIMESTAMP, 'alice', title, slug, standfirst, body_format,"
              + " body, '1', '', TRUE FROM articles_article, (VALUES 1, 2) AS v(n) WHERE id = 21");

      flyway(url).load().migrate();

      try (ResultSet row =
          sql.executeQuery(
              "SELECT article_id, revision, saved_by, saved_at, author_ids FROM articles_revision"
                  + " ORDER BY article_id, revision")) {
        assertTrue(row.next());
        assertEquals(20, row.getLong("article_id"));
        assertEquals(1, row.getInt("revision"));
        assertEquals("system", row.getString("saved_by"));
        assertEquals(
            java.time.Instant.parse("2026-01-02T03:04:05Z"),
            row.getObject("saved_at", java.time.OffsetDateTime.class).toInstant(),
            "saved when it was written");
        assertEquals("1", row.getString("author_ids"));
        assertTrue(row.next());
        assertEquals("alice", row.getString("saved_by"), "a history is left as it is");
        assertTrue(row.next());
        assertFalse(row.next());
      }
      try (ResultSet row = sql.executeQuery("SELECT name, setting_value FROM articles_setting")) {
        assertTrue(row.next());
        assertEquals(ArticlesSetting.DEMO_CONTENT, row.getString("name"));
        assertEquals(ArticlesSetting.CONFIGURED, row.getString("setting_value"));
        assertFalse(row.next());
      }
    }
  }

  @Test
  void articlesAreNotStickyAndAuthorsMayShareNoEmailButNotAnAddress() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    flyway(url).target("6").load().migrate();
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO articles_author (id, version, slug, name, bio)"
              + " VALUES (1, 1, 'a', 'A', ''), (2, 1, 'b', 'B', '')");
      sql.executeUpdate(
          "INSERT INTO articles_article (id, version, slug, title, standfirst, body, body_format,"
              + " body_html, word_count, revision, status, comments_open, created_at, updated_at)"
              + " VALUES (30, 1, 'old', 'Ancien', '', '', 'HTML', '', 0, 1, 'DRAFT', TRUE,"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

      flyway(url).load().migrate();

      try (ResultSet row = sql.executeQuery("SELECT sticky FROM articles_article")) {
        assertTrue(row.next());
        assertFalse(row.getBoolean("sticky"));
      }
      try (ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM articles_author")) {
        row.next();
        assertEquals(2, row.getInt(1), "both authors without an address");
      }
      sql.executeUpdate("UPDATE articles_author SET email = 'claire@example.org' WHERE id = 1");
      assertThrows(
          SQLException.class,
          () ->
              sql.executeUpdate(
                  "UPDATE articles_author SET email = 'claire@example.org' WHERE id = 2"));
      assertThrows(
          SQLException.class,
          () ->
              sql.executeUpdate(
                  "UPDATE articles_author SET email = 'Julien@example.org' WHERE id = 2"),
          "stored in lower case");
    }
  }

  private static FluentConfiguration flyway(String url) {
    return Flyway.configure(MigrationsTest.class.getClassLoader())
        .dataSource(url, "", "")
        .locations("classpath:db/migration/articles")
        .table("articles_schema_history");
  }
}
