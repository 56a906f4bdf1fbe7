package org.tribune.comments.internal;

import java.util.ArrayList;
import java.util.List;
import org.tribune.comments.api.CommentLimits;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.NewReport;
import org.tribune.comments.api.ReportReason;
import org.tribune.comments.api.ReportRejectedException.Reason;
import org.tribune.comments.api.ReportService;

/**
 * Cleans and checks a reader's report as {@link CommentInput} does a comment. What is required
 * depends on the reason: illicit content needs everything the Digital Services Act (art. 16(2))
 * names — the category, an explanation, the reporter's name and e-mail address, the good-faith
 * statement; "other" needs an explanation; spam and off-topic reports need nothing more. An e-mail
 * address, when given, must be one.
 */
final class ReportInput {

  /**
   * The cleaned fields and their problems; meaningful only without problems. The category is {@code
   * null} unless the reason is illicit content; empty texts are {@code null}.
   */
  record Checked(
      ReportReason reason,
      IllicitCategory category,
      String explanation,
      String name,
      String email,
      boolean goodFaith,
      List<Reason> problems) {}

  private ReportInput() {}

  static Checked check(NewReport report) {
    List<Reason> problems = new ArrayList<>();
    ReportReason reason = report.reason();
    boolean illicit = reason == ReportReason.ILLICIT;
    if (reason == null) {
      problems.add(Reason.REASON_REQUIRED);
    }
    IllicitCategory category = illicit ? report.category() : null;
    if (illicit && category == null) {
      problems.add(Reason.CATEGORY_REQUIRED);
    }
    String explanation = CommentInput.cleanBody(report.explanation());
    if (explanation.isEmpty() && (illicit || reason == ReportReason.OTHER)) {
      problems.add(Reason.EXPLANATION_REQUIRED);
    } else if (CommentInput.codePoints(explanation) > ReportService.EXPLANATION_LENGTH) {
      problems.add(Reason.EXPLANATION_TOO_LONG);
    }
    String name = CommentInput.cleanLine(report.reporterName()).strip();
    if (name.isEmpty() && illicit) {
      problems.add(Reason.NAME_REQUIRED);
    } else if (CommentInput.codePoints(name) > CommentLimits.AUTHOR_NAME_LENGTH) {
      problems.add(Reason.NAME_TOO_LONG);
    }
    String email = CommentInput.normaliseEmail(report.reporterEmail());
    if (email.isEmpty() && illicit) {
      problems.add(Reason.EMAIL_REQUIRED);
    } else if (!email.isEmpty() && !CommentInput.isEmail(email)) {
      problems.add(Reason.EMAIL_INVALID);
    }
    if (illicit && !report.goodFaith()) {
      problems.add(Reason.GOOD_FAITH_REQUIRED);
    }
    return new Checked(
        reason,
        category,
        explanation.isEmpty() ? null : explanation,
        name.isEmpty() ? null : name,
        email.isEmpty() ? null : email,
        report.goodFaith(),
        List.copyOf(problems));
  }

  /** The free text of a statement of reasons: cleaned, {@code null} when empty. */
  static String statement(String text) {
    String cleaned = CommentInput.cleanBody(text);
    return cleaned.isEmpty() ? null : cleaned;
  }
}
