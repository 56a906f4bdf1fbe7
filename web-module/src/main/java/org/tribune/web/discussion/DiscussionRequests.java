package org.tribune.web.discussion;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentSort;

/** Reading the discussion's query parameters: its order and its page. */
final class DiscussionRequests {
  private DiscussionRequests() {}

  /**
   * The order asked for ({@code ?sort=}), remembered in a cookie; else the one remembered; else the
   * site's default ({@link CommentService#defaultSort()}). An unknown value counts as none.
   */
  static CommentSort sort(
      HttpServletRequest request, HttpServletResponse response, CommentService comments) {
    var asked = CommentSort.fromParameter(request.getParameter("sort"));
    if (asked.isPresent()) {
      VisitorCookies.rememberSort(request, response, asked.get());
      return asked.get();
    }
    return chosen(request).orElseGet(comments::defaultSort);
  }

  /** The order the visitor chose: the {@code sort} parameter, else the one remembered. */
  static Optional<CommentSort> chosen(HttpServletRequest request) {
    return CommentSort.fromParameter(request.getParameter("sort"))
        .or(() -> VisitorCookies.sort(request));
  }

  /** The page of threads ({@code ?cpage=}); anything that is not a page number is the first. */
  static int commentPage(HttpServletRequest request) {
    String value = request.getParameter("cpage");
    if (value == null || value.isEmpty() || value.length() > 6) {
      return 1;
    }
    if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return 1;
    }
    return Math.max(1, Integer.parseInt(value));
  }
}
