package org.tribune.web.console.reports;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tribune.comments.api.ModeratedComment;
import org.tribune.comments.api.Report;
import org.tribune.comments.api.ReportReason;
import org.tribune.comments.api.ReportedComment;

/**
 * One reported comment as the queue shows it: the service's {@link ReportedComment} and what the
 * page works out from it.
 *
 * @param articleTitle the article's title, {@code #id} when it is gone
 * @param commentUrl where readers see the comment (its anchor under the article), or the article's
 *     address when the comment is not shown to them, or {@code null} when the article is not
 *     readable
 * @param waiting how long the oldest open report has waited, in words
 */
public record ReportCard(
    ReportedComment reported, String articleTitle, String commentUrl, String waiting)
    implements Serializable {

  /** Counts of open reports for one reason. */
  public record ReasonCount(ReportReason reason, long count) implements Serializable {
    public boolean illicit() {
      return reason == ReportReason.ILLICIT;
    }
  }

  public long id() {
    return reported.commentId();
  }

  public ModeratedComment comment() {
    return reported.comment();
  }

  /** Whether the comment was deleted for good since it was reported. */
  public boolean deleted() {
    return reported.comment() == null;
  }

  /** The comment's status name, or {@code DELETED}. */
  public String status() {
    return deleted() ? "DELETED" : reported.comment().status().name();
  }

  public String authorName() {
    return deleted() ? "" : reported.comment().authorName();
  }

  /** The comment's text now (its source), or {@code null} when it was deleted. */
  public String currentText() {
    return deleted() ? null : reported.comment().body();
  }

  /** Whether a report's text is the comment's text now (not edited since). */
  public boolean sameAsCurrent(Report report) {
    return !deleted()
        && report.reportedText() != null
        && report.reportedText().equals(currentText());
  }

  /** The open reports counted by reason, illicit content first, reasons without one left out. */
  public List<ReasonCount> reasons() {
    Map<ReportReason, Long> counts = new EnumMap<>(ReportReason.class);
    for (Report report : reported.reports()) {
      if (report.open() && report.reason() != null) {
        counts.merge(report.reason(), 1L, Long::sum);
      }
    }
    List<ReasonCount> reasons = new ArrayList<>();
    counts.forEach((reason, count) -> reasons.add(new ReasonCount(reason, count)));
    return reasons;
  }

  /** The open reports first, then the closed ones, each oldest first. */
  public List<Report> reports() {
    List<Report> reports = new ArrayList<>(reported.reports());
    reports.sort(java.util.Comparator.comparing(report -> !report.open()));
    return reports;
  }
}
