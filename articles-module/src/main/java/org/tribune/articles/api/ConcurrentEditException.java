package org.tribune.articles.api;

/**
 * Someone changed the article since the caller read it: the change is refused rather than silently
 * overwriting theirs. Read the article again, then decide.
 */
public class ConcurrentEditException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long currentVersion;
  private final String lastEditor;

  public ConcurrentEditException(
      long articleId, long expectedVersion, long currentVersion, String lastEditor) {
    super(
        "Article "
            + articleId
            + " is at version "
            + currentVersion
            + ", not "
            + expectedVersion
            + " (last saved by "
            + lastEditor
            + ")");
    this.currentVersion = currentVersion;
    this.lastEditor = lastEditor;
  }

  /** The version the article is at now. */
  public long currentVersion() {
    return currentVersion;
  }

  /** Who saved the article's latest revision, or {@code null} if nobody is known. */
  public String lastEditor() {
    return lastEditor;
  }
}
