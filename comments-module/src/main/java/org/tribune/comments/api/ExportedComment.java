package org.tribune.comments.api;

import java.time.Instant;

/** A comment whole, for an export: its thread by ids, the typed text and its HTML. */
public record ExportedComment(
    long id,
    long articleId,
    Long parentId,
    int depth,
    String authorName,
    String email,
    String website,
    String body,
    String bodyHtml,
    CommentStatus status,
    Instant createdAt,
    Instant editedAt,
    int score,
    boolean staff) {}
