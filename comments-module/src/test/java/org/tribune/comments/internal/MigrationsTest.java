package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migrations on an in-memory H2, from a database that has only V1 and a comment written then:
 * V2 must keep that comment, give it a thread and a rendered body (V3), and accept the new
 * statuses. The same scripts run on PostgreSQL in the integration tests.
 */
class MigrationsTest {

  @Test
  void aCommentOfTheFirstSchemaSurvivesAndIsRendered() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    flyway(url).target("1").load().migrate();
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO comments_comment (id, version, article_id, author_name, body, status,"
              + " created_at) VALUES (7, 1, 3, 'Léa', 'Un <b>avis</b>\n> cité', 'APPROVED',"
              + " CURRENT_TIMESTAMP)");

      flyway(url).load().migrate();

      try (ResultSet row =
          sql.executeQuery(
              "SELECT root_id, depth, score, body_html, parent_id, replies_notified"
                  + " FROM comments_comment WHERE id = 7")) {
        row.next();
        assertEquals(7, row.getLong("root_id"));
        assertEquals(0, row.getInt("depth"));
        assertEquals(0, row.getInt("score"));
        assertEquals(
            "<p>Un &lt;b&gt;avis&lt;/b&gt;</p><blockquote><p>cité</p></blockquote>",
            row.getString("body_html"));
        row.getLong("parent_id");
        assertEquals(true, row.wasNull());
        assertFalse(row.getBoolean("replies_notified"));
      }
      sql.executeUpdate("UPDATE comments_comment SET status = 'SPAM' WHERE id = 7");
      assertThrows(
          SQLException.class,
          () -> sql.executeUpdate("UPDATE comments_comment SET status = 'GONE' WHERE id = 7"));
    }
  }

  @Test
  void earlierCommentsAreNotStaffAndASettingHoldsALongListOfBlockedWords() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    flyway(url).target("4").load().migrate();
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO comments_comment (id, version, article_id, root_id, author_name, body,"
              + " body_html, status, created_at) VALUES (7, 1, 3, 7, 'Léa', 'Avis', '<p>Avis</p>',"
              + " 'APPROVED', CURRENT_TIMESTAMP)");

      flyway(url).load().migrate();

      try (ResultSet row = sql.executeQuery("SELECT staff FROM comments_comment WHERE id = 7")) {
        row.next();
        assertFalse(row.getBoolean("staff"));
      }
      String words = ("x".repeat(100) + ",").repeat(500);
      sql.executeUpdate(
          "INSERT INTO comments_setting (name, setting_value) VALUES ('blocked-words', '"
              + words
              + "')");
      try (ResultSet row =
          sql.executeQuery(
              "SELECT setting_value FROM comments_setting WHERE name = 'blocked-words'")) {
        row.next();
        assertEquals(words, row.getString(1));
      }
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
    return Flyway.configure(MigrationsTest.class.getClassLoader())
        .dataSource(url, "", "")
        .locations("classpath:db/migration/comments")
        .table("comments_schema_history")
        .javaMigrations(new V3__RenderLegacyBodies());
  }
}
