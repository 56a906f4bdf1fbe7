package org.tribune.comments.api;

import java.time.Instant;

/** A comment as shown under an article. */
public record CommentView(
    long id,
    long articleId,
    String authorName,
    String body,
    CommentStatus status,
    Instant createdAt) {}
