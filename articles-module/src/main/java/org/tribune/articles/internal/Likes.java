package org.tribune.articles.internal;

import java.util.Locale;

/**
 * LIKE patterns built from what a user typed, where {@code %} and {@code _} are plain characters.
 * The queries using them say {@code ESCAPE '!'}: a character both databases take as it is in a
 * string literal (a backslash depends on PostgreSQL's settings).
 */
final class Likes {
  static final String ESCAPE = " ESCAPE '!'";

  private Likes() {}

  /** Matches any lower-cased text containing {@code text}, any case. */
  static String containing(String text) {
    return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
  }

  /** Matches any text starting with {@code text} as it is. */
  static String startingWith(String text) {
    return escape(text) + "%";
  }

  static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
