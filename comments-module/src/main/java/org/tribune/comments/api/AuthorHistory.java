package org.tribune.comments.api;

import java.io.Serializable;
import java.util.List;

/**
 * What the staff know of one author, known by an e-mail address or an address hash: their comments
 * in any status, the reports against them, the decisions taken on those, and the sanctions on the
 * address (expired ones included).
 *
 * @param comments newest first, at most {@link ModerationService#HISTORY_SIZE}
 * @param commentCount all their comments, beyond the ones listed
 * @param reports reports of their comments, newest first
 * @param decisions decisions on those reports, newest first
 * @param sanctions on the e-mail address or the address hash, newest first
 */
public record AuthorHistory(
    String email,
    String addressHash,
    List<ModeratedComment> comments,
    long commentCount,
    List<Report> reports,
    List<Decision> decisions,
    List<Ban> sanctions)
    implements Serializable {

  public AuthorHistory {
    comments = List.copyOf(comments);
    reports = List.copyOf(reports);
    decisions = List.copyOf(decisions);
    sanctions = List.copyOf(sanctions);
  }
}
