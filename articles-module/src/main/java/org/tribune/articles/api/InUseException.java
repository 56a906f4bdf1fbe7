package org.tribune.articles.api;

/** A section, tag or author cannot be deleted while articles (or sub-sections) still use it. */
public class InUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long articles;
  private final long subSections;

  public InUseException(String what, long id, long articles, long subSections) {
    super(
        what
            + " "
            + id
            + " is used by "
            + articles
            + " article(s)"
            + (subSections > 0 ? " and " + subSections + " sub-section(s)" : ""));
    this.articles = articles;
    this.subSections = subSections;
  }

  /** How many articles, of any status, use it. */
  public long articles() {
    return articles;
  }

  /** How many sub-sections a section has (0 for tags and authors). */
  public long subSections() {
    return subSections;
  }
}
