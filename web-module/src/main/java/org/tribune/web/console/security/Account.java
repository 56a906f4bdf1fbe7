package org.tribune.web.console.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * A staff account as the console shows it (never its password hash).
 *
 * @param authorId the article author this account writes as, or {@code null}
 */
public record Account(
    long id,
    String email,
    String displayName,
    Role role,
    Long authorId,
    boolean active,
    Instant createdAt,
    Instant passwordChangedAt)
    implements Serializable {}
