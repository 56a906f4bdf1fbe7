package org.tribune.comments.api;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A decision on the reports of a comment.
 *
 * @param statement the free text of the statement of reasons, plain text; may be {@code null}
 * @param decidedBy who decided (the console account's e-mail address)
 * @param firstReportAt when the first of the reports it closed was received
 * @param reportCount how many reports it closed
 */
public record Decision(
    long id,
    long commentId,
    long articleId,
    DecisionOutcome outcome,
    CharterRule rule,
    String statement,
    String decidedBy,
    Instant decidedAt,
    Instant firstReportAt,
    int reportCount)
    implements Serializable {

  /** From the first report to the decision. */
  public Duration timeToDecision() {
    return Duration.between(firstReportAt, decidedAt);
  }
}
