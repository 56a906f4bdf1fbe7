package org.tribune.web.console.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param actor the account's e-mail address at the time, or {@code null} for the system
 * @param target what was acted on ("article 42", an e-mail address…), or {@code null}
 */
public record AuditEntry(
    long id,
    Instant happenedAt,
    String actor,
    AuditAction action,
    String target,
    String detail,
    String addressHash)
    implements Serializable {}
