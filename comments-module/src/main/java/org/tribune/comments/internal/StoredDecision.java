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
import org.tribune.comments.api.CharterRule;
import org.tribune.comments.api.Decision;
import org.tribune.comments.api.DecisionOutcome;

/** A decision on the open reports of a comment ({@code comments_decision}). */
@Entity
@Table(name = "comments_decision")
public class StoredDecision {
  @Id
  @SequenceGenerator(
      name = "comments_decision_seq",
      sequenceName = "comments_decision_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comments_decision_seq")
  private Long id;

  @Column(name = "comment_id", nullable = false)
  private long commentId;

  @Column(name = "article_id", nullable = false)
  private long articleId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private DecisionOutcome outcome;

  @Enumerated(EnumType.STRING)
  @Column(name = "charter_rule", nullable = false, length = 32)
  private CharterRule rule;

  @Column(length = 4000)
  private String statement;

  @Column(name = "decided_by", nullable = false, length = 640)
  private String decidedBy;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  @Column(name = "first_report_at", nullable = false)
  private Instant firstReportAt;

  @Column(name = "report_count", nullable = false)
  private int reportCount;

  protected StoredDecision() {}

  StoredDecision(
      long commentId,
      long articleId,
      DecisionOutcome outcome,
      CharterRule rule,
      String statement,
      String decidedBy,
      Instant decidedAt,
      Instant firstReportAt,
      int reportCount) {
    this.commentId = commentId;
    this.articleId = articleId;
    this.outcome = outcome;
    this.rule = rule;
    this.statement = statement;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt.truncatedTo(ChronoUnit.MICROS);
    this.firstReportAt = firstReportAt.truncatedTo(ChronoUnit.MICROS);
    this.reportCount = reportCount;
  }

  Long getId() {
    return id;
  }

  Decision toDecision() {
    return new Decision(
        id,
        commentId,
        articleId,
        outcome,
        rule,
        statement,
        decidedBy,
        decidedAt,
        firstReportAt,
        reportCount);
  }
}
