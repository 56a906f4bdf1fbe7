package org.tribune.web.console.audit;

import java.time.Instant;

/**
 * Which audit entries to show; {@code null} or blank fields do not filter.
 *
 * @param actor part of the actor's e-mail address
 * @param text part of the target or the detail
 */
public record AuditFilter(String actor, AuditAction action, String text, Instant from, Instant to) {
  public static AuditFilter none() {
    return new AuditFilter(null, null, null, null, null);
  }
}
