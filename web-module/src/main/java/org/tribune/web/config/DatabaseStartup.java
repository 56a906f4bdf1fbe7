package org.tribune.web.config;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Runs the readiness checks, and with them the modules' schema migrations, while the application
 * starts: before the first request is served, and after {@code java:app} resources are bound (a CDI
 * start-up observer in a library archive runs too early on Payara for that).
 */
@WebListener
public class DatabaseStartup implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(DatabaseStartup.class.getName());

  @Inject private DatabaseReadiness readiness;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (readiness.checkNow()) {
      LOG.info("Tribune is ready: database reachable, schema up to date");
    } else {
      LOG.severe(
          "Tribune started without its database: pages answer 503 and /health is DOWN until it"
              + " is reachable (see the error above for the setting to fix)");
    }
  }
}
