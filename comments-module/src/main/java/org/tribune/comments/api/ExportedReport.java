package org.tribune.comments.api;

import java.time.Instant;

/**
 * A report whole, for an export: what {@link Report} shows, with the article and the reporter's key
 * (the salted hash of their address, which keeps them to one report per comment).
 *
 * @param reason a {@link ReportReason} name
 * @param category an {@link IllicitCategory} name, or {@code null}
 */
public record ExportedReport(
    long id,
    long commentId,
    long articleId,
    String reason,
    String category,
    String explanation,
    String reporterName,
    String reporterEmail,
    boolean goodFaith,
    String reporterKey,
    String reportedText,
    Instant receivedAt,
    Long decisionId) {}
