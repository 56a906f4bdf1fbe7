package org.tribune.comments.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Readers' reports of published comments (« Signaler ») and the staff's decisions on them, with a
 * statement of reasons sent to the author and the reporters (EU Digital Services Act art. 16 and
 * 17; loi du 29 juillet 1982 art. 93-3). Inject it with CDI. {@link #report} is for anyone; every
 * other method is for staff only: the caller checks who may call it.
 */
public interface ReportService {

  /** Longest explanation of a report, in characters (code points). */
  int EXPLANATION_LENGTH = 4000;

  /** Longest free text of a statement of reasons, in characters (code points). */
  int STATEMENT_LENGTH = 2000;

  /** Most reports one address may send in an hour. */
  int REPORTS_PER_ADDRESS_PER_HOUR = 20;

  /** Most reports one comment takes in an hour (from different addresses). */
  int REPORTS_PER_COMMENT_PER_HOUR = 100;

  /**
   * Takes a reader's report of an approved comment. Illicit content needs a category, an
   * explanation, the reporter's name and e-mail address and the good-faith statement; "other" needs
   * an explanation; spam and off-topic reports may be anonymous. One report per address and
   * comment. The reporter gets an acknowledgement by e-mail when they gave an address; the staff
   * ({@code tribune.mail.staff}) are told at once of illicit-content reports. When the comment's
   * open reports reach {@link #hideAfter()}, it is hidden pending review (held, {@link
   * CommentStatus#PENDING}). A form whose honeypot is filled gets a receipt and nothing is kept.
   *
   * @throws ReportRejectedException with every problem of the form, or a refusal (comment not
   *     published, already reported by this address, rate limit)
   */
  ReportReceipt report(@NotNull NewReport report, @NotNull Submission submission);

  /** How many comments have reports waiting for a decision. */
  long countOpen();

  /**
   * One page of the comments whose reports wait for a decision, illicit content first, then oldest
   * first.
   *
   * @param page from 1
   */
  ReportQueue queue(@Min(1) int page, @Min(1) @Max(100) int size);

  /** A comment's reports and decisions, open or not; empty when it was never reported. */
  Optional<ReportedComment> find(long commentId);

  /**
   * Decides on the open reports of a comment and closes them: {@link DecisionOutcome#KEEP} approves
   * the comment again if the reports had hidden it; the removals move it to {@link
   * CommentStatus#TRASH}, and {@link DecisionOutcome#REMOVE_AND_SUSPEND} also bans its author's
   * e-mail address and address. The statement of reasons (the rule, and the free text, kept as
   * plain text) is sent to the author when they left an e-mail address, and to every reporter who
   * gave one.
   *
   * @param statement free text, may be empty
   * @param decidedBy who decides (kept with the decision)
   * @throws ReportRejectedException {@code NOTHING_TO_DECIDE} when no report is open (someone else
   *     decided meanwhile), {@code RULE_REQUIRED}, {@code RULE_MISMATCH}, {@code
   *     STATEMENT_TOO_LONG}
   */
  default Decision decide(
      long commentId,
      @NotNull DecisionOutcome outcome,
      CharterRule rule,
      String statement,
      @NotNull String decidedBy) {
    return decide(commentId, outcome, rule, statement, decidedBy, null);
  }

  /**
   * As {@link #decide(long, DecisionOutcome, CharterRule, String, String)}, with how long {@link
   * DecisionOutcome#REMOVE_AND_SUSPEND} suspends the author ({@code null}: for good; ignored by the
   * other outcomes). The suspension is a {@link ModerationService#sanction} whose reason is the
   * statement; the decision's mail tells the author how long it lasts.
   *
   * @throws IllegalArgumentException for a duration that is not positive
   */
  Decision decide(
      long commentId,
      @NotNull DecisionOutcome outcome,
      CharterRule rule,
      String statement,
      @NotNull String decidedBy,
      Duration suspension);

  /** The figures of reports received and decisions taken in {@code [from, to)}. */
  ReportStats stats(@NotNull Instant from, @NotNull Instant to);

  /**
   * How many open reports (from different addresses) hide a comment pending review: the console's
   * setting if saved, else {@code tribune.comments.reports.hide-after} (default 3).
   */
  int hideAfter();

  /**
   * Saves {@link #hideAfter()}; it takes effect at once on every node.
   *
   * @throws IllegalArgumentException outside 1–100
   */
  void updateHideAfter(int reports);
}
