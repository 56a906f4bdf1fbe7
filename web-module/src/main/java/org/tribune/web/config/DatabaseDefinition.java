package org.tribune.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the one application data source, {@value #JNDI_NAME}, used by every module.
 *
 * <p>Payara resolves the {@code ${MPCONFIG=key:default}} placeholders when it creates the pool,
 * before the application's own {@code microprofile-config.properties} is read, so the defaults are
 * repeated here; {@code DatabaseDefinitionTest} checks both stay equal. Environment variables
 * ({@code TRIBUNE_DB_URL}…) and system properties override them. An empty URL means the embedded H2
 * file database under {@code tribune.data.dir}.
 *
 * <p>{@code tribune.db.sql-trace-listeners} (empty by default) names Payara SQL trace listeners for
 * diagnostics; the integration tests count the statements of a page with one.
 */
@DataSourceDefinition(
    name = DatabaseDefinition.JNDI_NAME,
    className = "org.tribune.web.config.TribuneDataSource",
    url = "${MPCONFIG=tribune.db.url:}",
    user = "${MPCONFIG=tribune.db.user:}",
    password = "${MPCONFIG=tribune.db.password:}",
    initialPoolSize = 0,
    minPoolSize = 0,
    maxPoolSize = 32,
    properties = {
      "dataDir=${MPCONFIG=tribune.data.dir:tribune-data}",
      "fish.payara.sql-trace-listeners=${MPCONFIG=tribune.db.sql-trace-listeners:}",
      // H2 closes itself when a write fails: the pool drops such connections (ConnectionCheck).
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.tribune.web.config.ConnectionCheck",
      "restoreFrom=${MPCONFIG=tribune.backup.restore-from:}"
    })
@ApplicationScoped
public class DatabaseDefinition {
  public static final String JNDI_NAME = "java:app/jdbc/tribune";
}
