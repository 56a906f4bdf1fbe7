package org.tribune.articles.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;

/**
 * The articles module's readiness check, which also owns its schema: the first check brings the
 * {@code articles_*} tables up to date with Flyway (then creates the demo content on an empty site
 * and starts scheduled publishing), and reports UP once that is done and the database answers. The
 * web application runs all readiness checks when it starts, before it serves requests. When the
 * database cannot be reached the check logs one error naming the settings to fix and tries again at
 * the next check, so the site recovers without a restart.
 */
@Readiness
@ApplicationScoped
public class ArticlesSchema implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(ArticlesSchema.class.getName());
  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "java:app/jdbc/tribune")
  private DataSource dataSource;

  @Inject private DemoContent demoContent;
  @Inject private ScheduledPublishing scheduledPublishing;

  @Inject
  @ConfigProperty(name = "tribune.demo-content", defaultValue = "true")
  private boolean demoContentEnabled;

  @Inject private ArticlesPersistence persistence;

  private volatile boolean ready;
  private volatile String problem = "not migrated yet";

  synchronized boolean ensureReady() {
    if (!ready) {
      try {
        Flyway.configure(ArticlesSchema.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration/articles")
            .table("articles_schema_history")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
        persistence.open();
        if (demoContentEnabled) {
          demoContent.createIfSiteIsEmpty();
        }
        scheduledPublishing.start();
        ready = true;
        problem = null;
        LOG.info("Articles schema is up to date");
      } catch (RuntimeException e) {
        String message = DatabaseProblems.describe(e);
        if (!message.equals(problem)) {
          LOG.log(Level.SEVERE, "Articles: {0}", message);
        }
        problem = message;
      }
    }
    return ready;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("articles-database");
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
