package org.tribune.comments.api;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The transparency figures of a period {@code [from, to)}: reports received by reason (and illicit
 * ones by category), decisions taken by outcome, and how long decisions took.
 *
 * @param reportsByReason every reason is a key (0 when none)
 * @param illicitByCategory every category is a key
 * @param decisionsByOutcome every outcome is a key
 * @param medianTimeToDecision over the decisions of the period; {@code null} when there is none
 * @param longestTimeToDecision likewise
 */
public record ReportStats(
    Instant from,
    Instant to,
    Map<ReportReason, Long> reportsByReason,
    Map<IllicitCategory, Long> illicitByCategory,
    Map<DecisionOutcome, Long> decisionsByOutcome,
    Duration medianTimeToDecision,
    Duration longestTimeToDecision)
    implements Serializable {

  public ReportStats {
    reportsByReason = Map.copyOf(reportsByReason);
    illicitByCategory = Map.copyOf(illicitByCategory);
    decisionsByOutcome = Map.copyOf(decisionsByOutcome);
  }

  public long reports() {
    return reportsByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  public long decisions() {
    return decisionsByOutcome.values().stream().mapToLong(Long::longValue).sum();
  }
}
