package org.tribune.comments.api;

import java.time.Instant;

/** A recent approved comment, for the "Derniers commentaires" block and the comment feeds. */
public record LatestComment(
    long id,
    long articleId,
    String authorName,
    String bodyHtml,
    Instant createdAt,
    Instant editedAt) {}
