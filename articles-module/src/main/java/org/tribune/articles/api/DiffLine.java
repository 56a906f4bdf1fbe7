package org.tribune.articles.api;

/** One line of the difference between two revisions of an article's source. */
public record DiffLine(Kind kind, String text) {

  /** Whether the line is in both revisions, only the newer one, or only the older one. */
  public enum Kind {
    SAME,
    ADDED,
    REMOVED
  }
}
