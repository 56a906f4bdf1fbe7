package org.tribune.comments.internal;

import java.util.Locale;

/**
 * A {@code LIKE} pattern that finds a text typed by a moderator literally: the wildcards {@code %}
 * and {@code _}, and the escape character itself, match only themselves. The escape character is
 * {@code !} rather than a backslash, whose meaning in SQL strings differs between databases.
 */
final class LikePattern {
  /** What the queries put after {@code ESCAPE}. */
  static final char ESCAPE = '!';

  private LikePattern() {}

  /** A lower-case pattern for a column containing {@code text} anywhere (compare to LOWER). */
  static String containing(String text) {
    StringBuilder pattern = new StringBuilder(text.length() + 8).append('%');
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '%' || c == '_' || c == ESCAPE) {
        pattern.append(ESCAPE);
      }
      pattern.append(c);
    }
    return pattern.append('%').toString();
  }
}
