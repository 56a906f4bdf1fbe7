package org.tribune.comments.internal;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink tries a read again three times, five seconds apart, when its connection fails: with
 * the database gone, every page then hung 15 s before failing ({@code cluster/faults db-outage}). A
 * failed read now fails at once; the site answers its 503 page and recovers when the database is
 * back. The customizer interface is the deprecated one: the other is missing from Payara Server
 * 6.2025.x, whose EclipseLink is 4.0.1. Named in {@code META-INF/comments-persistence.xml} ({@code
 * eclipselink.session.customizer}).
 */
@SuppressWarnings("removal") // its replacement is missing from Payara Server's EclipseLink 4.0.1
public class NoQueryRetry implements SessionCustomizer {
  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
    }
  }
}
