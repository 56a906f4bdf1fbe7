package org.tribune.web.console;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import org.tribune.web.config.DatabaseDefinition;
import org.tribune.web.site.SiteSettings;

/**
 * The console's readiness check, which owns its schema like the domain modules own theirs: the
 * first check brings the {@code console_*} tables up to date with Flyway, then makes sure an
 * administrator account exists ({@code security.FirstAdmin}, which observes {@link
 * ConsoleSchemaMigrated}). Reports DOWN, naming the problem, until that has worked; the site
 * answers 503 meanwhile and recovers by itself.
 */
@Readiness
@ApplicationScoped
public class ConsoleSchema implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(ConsoleSchema.class.getName());
  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = DatabaseDefinition.JNDI_NAME)
  private DataSource dataSource;

  @Inject private Event<ConsoleSchemaMigrated> migrated;
  @Inject private SiteSettings site;

  private volatile boolean ready;
  private volatile String problem = "not migrated yet";

  synchronized boolean ensureReady() {
    if (!ready) {
      try {
        Flyway.configure(ConsoleSchema.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration/console")
            .table("console_schema_history")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
        migrated.fire(new ConsoleSchemaMigrated());
        site.storeIsReady();
        ready = true;
        problem = null;
        LOG.info("Console schema is up to date");
      } catch (RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.equals(problem)) {
          LOG.log(Level.SEVERE, "Console: " + message, e);
        }
        problem = message;
      }
    }
    return ready;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("console-database");
    if (!ensureReady()) {
      return response.down().withData("error", problem).build();
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(TIMEOUT_SECONDS)
          ? response.up().build()
          : response.down().withData("error", "the database did not answer").build();
    } catch (SQLException e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
