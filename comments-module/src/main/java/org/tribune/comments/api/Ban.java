package org.tribune.comments.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sanction on an author, by e-mail address or by address: later comments with this e-mail address
 * or from this address go to spam, silently ({@link Effect#SUSPENDED}), or wait for a moderator
 * ({@link Effect#HELD}), until {@code expiresAt} or for good. Exactly one of {@code email} and
 * {@code addressHash} is set.
 *
 * @param email a lower-case e-mail address, or {@code null}
 * @param addressHash the salted hash of a visitor's address (see {@link
 *     ModeratedComment#addressHash()}), or {@code null}
 * @param expiresAt {@code null}: for good
 * @param reason what the staff wrote, plain text; may be {@code null}
 */
public record Ban(
    long id,
    String email,
    String addressHash,
    Instant createdAt,
    Effect effect,
    Instant expiresAt,
    String reason)
    implements Serializable {

  /** What the sanction does to the author's later comments. */
  public enum Effect {
    /** Suspended: they go to spam. */
    SUSPENDED,
    /** Watched: they wait for a moderator, whatever the moderation mode. */
    HELD
  }

  /** Whether it still applies at {@code now}. */
  public boolean activeAt(Instant now) {
    return expiresAt == null || expiresAt.isAfter(now);
  }
}
