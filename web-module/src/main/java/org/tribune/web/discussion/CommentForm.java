package org.tribune.web.discussion;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the comment form holds, as typed: kept across a refused POST so that nothing a visitor wrote
 * is lost.
 *
 * @param parent the {@code parent} field as sent (a comment id), or empty
 */
public record CommentForm(
    String parent,
    String name,
    String email,
    String website,
    String body,
    boolean subscribe,
    boolean remember) {

  /** Longest value kept from a field: more than any field accepts, far less than a page. */
  static final int FIELD_CEILING = 200_000;

  public static CommentForm empty() {
    return new CommentForm("", "", "", "", "", false, false);
  }

  static CommentForm from(HttpServletRequest request) {
    return new CommentForm(
        field(request, "parent"),
        field(request, "name"),
        field(request, "email"),
        field(request, "website"),
        field(request, "body"),
        request.getParameter("subscribe") != null,
        request.getParameter("remember") != null);
  }

  static String field(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null) {
      return "";
    }
    return value.length() > FIELD_CEILING ? value.substring(0, FIELD_CEILING) : value;
  }

  /** The parent comment id, or {@code null} for a new thread; -1 when it is not a number. */
  Long parentId() {
    if (parent.isBlank()) {
      return null;
    }
    String digits = parent.strip();
    if (digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1L;
    }
    return Long.parseLong(digits);
  }
}
