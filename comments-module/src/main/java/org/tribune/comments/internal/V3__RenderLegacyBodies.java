package org.tribune.comments.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 3: renders the bodies of comments written before V2 added {@code body_html}, once, so
 * that pages never render a comment. In Java because the renderer is; registered by {@link
 * CommentsSchema} (Flyway takes its version and description from the class name).
 */
public class V3__RenderLegacyBodies extends BaseJavaMigration {
  private static final int BATCH = 500;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    long after = Long.MIN_VALUE;
    while (true) {
      Map<Long, String> bodies = new LinkedHashMap<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT id, body FROM comments_comment WHERE body_html IS NULL AND id > ?"
                  + " ORDER BY id")) {
        select.setLong(1, after);
        select.setMaxRows(BATCH);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            bodies.put(rows.getLong(1), rows.getString(2));
          }
        }
      }
      if (bodies.isEmpty()) {
        return;
      }
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE comments_comment SET body_html = ? WHERE id = ?")) {
        for (Map.Entry<Long, String> body : bodies.entrySet()) {
          update.setString(1, CommentRenderer.render(CommentInput.cleanBody(body.getValue())));
          update.setLong(2, body.getKey());
          update.addBatch();
          after = body.getKey();
        }
        update.executeBatch();
      }
    }
  }
}
