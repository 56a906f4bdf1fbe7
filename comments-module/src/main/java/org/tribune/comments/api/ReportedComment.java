package org.tribune.comments.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A reported comment with its reports and the decisions taken on it, for the console.
 *
 * @param comment the comment as it is now; {@code null} when it was deleted for good since
 * @param reports every report, oldest first, open or closed
 * @param decisions every decision, oldest first
 * @param openReports how many reports wait for a decision
 * @param firstOpenAt when the oldest open report was received; {@code null} when none is open
 */
public record ReportedComment(
    long commentId,
    long articleId,
    ModeratedComment comment,
    List<Report> reports,
    List<Decision> decisions,
    int openReports,
    Instant firstOpenAt)
    implements Serializable {

  public ReportedComment {
    reports = List.copyOf(reports);
    decisions = List.copyOf(decisions);
  }

  /** Whether an open report is for illicit content. */
  public boolean illicit() {
    return reports.stream().anyMatch(r -> r.open() && r.reason() == ReportReason.ILLICIT);
  }
}
