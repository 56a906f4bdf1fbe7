package org.tribune.web.discussion;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.NewReport;
import org.tribune.comments.api.ReportReason;

/**
 * What the report form holds, as typed: kept across a refused POST so that nothing a reader wrote
 * is lost. The reason and the category are the names of {@link ReportReason} and {@link
 * IllicitCategory} as sent, possibly anything: only known names become values.
 */
public record ReportForm(
    String reason,
    String category,
    String explanation,
    String name,
    String email,
    boolean goodFaith) {

  public static ReportForm empty() {
    return new ReportForm("", "", "", "", "", false);
  }

  static ReportForm from(HttpServletRequest request) {
    return new ReportForm(
        CommentForm.field(request, "reason"),
        CommentForm.field(request, "category"),
        CommentForm.field(request, "explanation"),
        CommentForm.field(request, "name"),
        CommentForm.field(request, "email"),
        request.getParameter("good-faith") != null);
  }

  /** The report to hand to the service; an unknown reason or category counts as none. */
  NewReport toReport(long articleId, long commentId) {
    return new NewReport(
        articleId,
        commentId,
        known(ReportReason.values(), reason).orElse(null),
        known(IllicitCategory.values(), category).orElse(null),
        explanation,
        name,
        email,
        goodFaith);
  }

  /** Whether this reason (a {@link ReportReason} name) is the one chosen, for the radio buttons. */
  public boolean chose(String value) {
    return reason.equals(value);
  }

  private static <E extends Enum<E>> Optional<E> known(E[] values, String name) {
    return Arrays.stream(values).filter(v -> v.name().equals(name)).findFirst();
  }
}
