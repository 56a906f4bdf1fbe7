package org.tribune.comments.api;

import java.time.Instant;

/**
 * What became of a posted comment.
 *
 * @param status {@link CommentStatus#SPAM} for a silent spam verdict: the visitor is shown the same
 *     "awaiting moderation" notice as for {@link CommentStatus#PENDING}
 * @param editToken the secret that lets the author edit or delete the comment and see it while
 *     held; only its hash is stored
 * @param editableUntil end of the edit window
 */
public record PostResult(
    long commentId, CommentStatus status, String editToken, Instant editableUntil) {}
