package org.tribune.comments.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.tribune.comments.internal.database.DatabaseProblems;
import org.tribune.comments.internal.mail.MailQueue;

/**
 * Brings the {@code comments_*} tables up to date with Flyway at start-up (the SQL scripts of
 * {@code db/migration/comments} and {@link V3__RenderLegacyBodies}), loads the address salt, and
 * reports readiness: UP once migrated and the database answers. Retries the migration on each
 * readiness check until it succeeds, logging each distinct failure once.
 */
@Readiness
@ApplicationScoped
public class CommentsSchema implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(CommentsSchema.class.getName());
  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "java:app/jdbc/tribune")
  private DataSource dataSource;

  @Inject private CommentsPersistence persistence;
  @Inject private AddressHasher addresses;
  @Inject private MailQueue mailQueue;

  private volatile boolean ready;
  private volatile String problem = "not migrated yet";

  synchronized boolean ensureReady() {
    if (!ready) {
      try {
        Flyway.configure(CommentsSchema.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration/comments")
            .table("comments_schema_history")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .javaMigrations(new V3__RenderLegacyBodies())
            .load()
            .migrate();
        addresses.load(dataSource);
        persistence.open();
        mailQueue.start();
        ready = true;
        problem = null;
        LOG.info("Comments schema is up to date");
      } catch (RuntimeException | SQLException e) {
        String message = DatabaseProblems.describe(e);
        if (!message.equals(problem)) {
          LOG.log(Level.SEVERE, "Comments: {0}", message);
        }
        problem = message;
      }
    }
    return ready;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("comments-database");
    if (!ensureReady()) {
      return response.down().withData("error", problem).build();
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(TIMEOUT_SECONDS)
          ? response.up().build()
          : response.down().withData("error", "the database did not answer").build();
    } catch (SQLException e) {
      return response.down().withData("error", DatabaseProblems.describe(e)).build();
    }
  }
}
