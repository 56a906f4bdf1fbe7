package org.tribune.articles.api;

import java.io.Serializable;

/** One line of the difference between two revisions of an article's source. */
public record DiffLine(Kind kind, String text) implements Serializable {

  /** Whether the line is in both revisions, only the newer one, or only the older one. */
  public enum Kind {
    SAME,
    ADDED,
    REMOVED
  }
}
