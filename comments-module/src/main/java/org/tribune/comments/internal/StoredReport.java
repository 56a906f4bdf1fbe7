package org.tribune.comments.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tribune.comments.api.ExportedReport;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.Report;
import org.tribune.comments.api.ReportReason;

/**
 * A reader's report of a comment ({@code comments_report}), with the comment's text as it was when
 * reported. Open until a {@link StoredDecision} closes it.
 */
@Entity
@Table(name = "comments_report")
public class StoredReport {
  @Id
  @SequenceGenerator(
      name = "comments_report_seq",
      sequenceName = "comments_report_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comments_report_seq")
  private Long id;

  @Column(name = "comment_id", nullable = false)
  private long commentId;

  @Column(name = "article_id", nullable = false)
  private long articleId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ReportReason reason;

  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  private IllicitCategory category;

  @Column(length = 8000)
  private String explanation;

  @Column(name = "reporter_name", length = 200)
  private String reporterName;

  @Column(name = "reporter_email", length = 254)
  private String reporterEmail;

  @Column(name = "good_faith", nullable = false)
  private boolean goodFaith;

  @Column(name = "reporter_key", nullable = false, length = 64)
  private String reporterKey;

  @Column(name = "reported_text", nullable = false, length = 100000)
  private String reportedText;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "decision_id")
  private Long decisionId;

  protected StoredReport() {}

  StoredReport(
      Comment comment, ReportInput.Checked checked, String reporterKey, Instant receivedAt) {
    this.commentId = comment.getId();
    this.articleId = comment.getArticleId();
    this.reason = checked.reason();
    this.category = checked.category();
    this.explanation = checked.explanation();
    this.reporterName = checked.name();
    this.reporterEmail = checked.email();
    this.goodFaith = checked.goodFaith();
    this.reporterKey = reporterKey;
    this.reportedText = comment.getBody();
    this.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
  }

  Long getId() {
    return id;
  }

  long getCommentId() {
    return commentId;
  }

  ReportReason getReason() {
    return reason;
  }

  String getReporterName() {
    return reporterName;
  }

  String getReporterEmail() {
    return reporterEmail;
  }

  Instant getReceivedAt() {
    return receivedAt;
  }

  boolean isOpen() {
    return decisionId == null;
  }

  void close(long decision) {
    this.decisionId = decision;
  }

  ExportedReport toExported() {
    return new ExportedReport(
        id,
        commentId,
        articleId,
        reason.name(),
        category == null ? null : category.name(),
        explanation,
        reporterName,
        reporterEmail,
        goodFaith,
        reporterKey,
        reportedText,
        receivedAt,
        decisionId);
  }

  Report toReport() {
    return new Report(
        id,
        commentId,
        reason,
        category,
        explanation,
        reporterName,
        reporterEmail,
        goodFaith,
        reportedText,
        receivedAt,
        decisionId);
  }
}
