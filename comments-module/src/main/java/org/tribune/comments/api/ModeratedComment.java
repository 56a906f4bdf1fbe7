package org.tribune.comments.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * Everything a moderator may see of a comment. Unlike {@link CommentView}, which readers get, it
 * holds the author's e-mail address and address hash: only for the console.
 *
 * @param parentId the comment it hangs under, or {@code null} at the top of a thread
 * @param authorEmail lower case; {@code null} for erased comments and very old ones
 * @param authorUrl a checked {@code http(s)} URL, or {@code null}
 * @param addressHash the salted SHA-256 of the author's address (hex, 64 characters), or {@code
 *     null} for staff replies and erased comments; what {@link ModerationService#banAddressHash}
 *     takes
 * @param linkCount links found in the body (the policy holds more than {@code maxLinks})
 * @param score up votes minus down votes, as kept on the comment
 * @param body the source text, for editing
 * @param bodyHtml the body rendered to safe HTML, as readers see it
 * @param staff written by the editorial team ({@link ModerationService#replyAsStaff})
 * @param featured in the editorial team's selection ({@link ModerationService#feature})
 */
public record ModeratedComment(
    long id,
    long articleId,
    Long parentId,
    CommentStatus status,
    String authorName,
    String authorEmail,
    String authorUrl,
    String addressHash,
    String userAgent,
    int linkCount,
    int score,
    int upVotes,
    int downVotes,
    Instant createdAt,
    Instant editedAt,
    String body,
    String bodyHtml,
    boolean staff,
    boolean featured)
    implements Serializable {}
