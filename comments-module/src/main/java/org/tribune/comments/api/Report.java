package org.tribune.comments.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * One report, for the console.
 *
 * @param category {@code null} unless the reason is {@link ReportReason#ILLICIT}
 * @param explanation plain text, may be {@code null}
 * @param reporterName may be {@code null} (anonymous report, or erased since)
 * @param reporterEmail may be {@code null}
 * @param reportedText the comment's text (its source) when it was reported
 * @param decisionId the decision that closed it, {@code null} while open
 */
public record Report(
    long id,
    long commentId,
    ReportReason reason,
    IllicitCategory category,
    String explanation,
    String reporterName,
    String reporterEmail,
    boolean goodFaith,
    String reportedText,
    Instant receivedAt,
    Long decisionId)
    implements Serializable {
  public boolean open() {
    return decisionId == null;
  }
}
