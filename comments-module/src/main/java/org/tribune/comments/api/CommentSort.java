package org.tribune.comments.api;

import java.util.Locale;
import java.util.Optional;

/** Order of the threads of a discussion. Replies under a thread are always oldest first. */
public enum CommentSort {
  NEWEST,
  OLDEST,
  /** Highest score first, then newest. */
  POPULAR,
  /**
   * The editorial team's selection (« Sélection de la rédaction »): only the threads holding a
   * featured comment, the most recently featured first. A discussion without one is shown newest
   * first instead; permalinks place comments as {@link #NEWEST} does.
   */
  FEATURED;

  /** The sort named by a request parameter or cookie value ({@code newest|oldest|popular}). */
  public static Optional<CommentSort> fromParameter(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (CommentSort sort : values()) {
      if (sort.parameter().equals(value.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(sort);
      }
    }
    return Optional.empty();
  }

  /** The value of this sort in URLs and cookies. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }
}
