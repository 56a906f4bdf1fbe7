package org.tribune.web.discussion;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What the comment form holds, as typed: kept across a refused POST so that nothing a visitor wrote
 * is lost.
 *
 * @param parent the {@code parent} field as sent (a comment id), or empty
 * @param quoted the {@code quoted} field as sent (the ids of the comments quoted with « Citer »,
 *     commas between), or empty
 */
public record CommentForm(
    String parent,
    String name,
    String email,
    String website,
    String body,
    boolean subscribe,
    boolean remember,
    String quoted) {

  /** Longest {@code quoted} field kept: a few ids. */
  static final int QUOTED_CEILING = 200;

  public CommentForm(
      String parent,
      String name,
      String email,
      String website,
      String body,
      boolean subscribe,
      boolean remember) {
    this(parent, name, email, website, body, subscribe, remember, "");
  }

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
        request.getParameter("remember") != null,
        quotedField(request));
  }

  private static String quotedField(HttpServletRequest request) {
    String value = field(request, "quoted");
    return value.length() > QUOTED_CEILING ? "" : value;
  }

  static String field(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null) {
      return "";
    }
    return value.length() > FIELD_CEILING ? value.substring(0, FIELD_CEILING) : value;
  }

  /** The quoted comments' ids; what is not one is left out (the comments module checks them). */
  List<Long> quotedIds() {
    List<Long> ids = new ArrayList<>();
    for (String part : quoted.split(",")) {
      String digits = part.strip();
      if (!digits.isEmpty()
          && digits.length() <= 18
          && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        ids.add(Long.parseLong(digits));
      }
    }
    return ids;
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
