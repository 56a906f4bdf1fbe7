package org.tribune.comments.api;

import java.time.Instant;

/**
 * A banned author: later comments with this e-mail address or from this address go to spam,
 * silently. Exactly one of {@code email} and {@code addressHash} is set.
 *
 * @param email a lower-case e-mail address, or {@code null}
 * @param addressHash the salted hash of a visitor's address (see {@link
 *     ModeratedComment#addressHash()}), or {@code null}
 */
public record Ban(long id, String email, String addressHash, Instant createdAt) {}
