package org.tribune.articles.api;

/** A page cannot go where it was asked to: its address or its parent is refused. */
public class PagePlacementException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the page cannot go there. */
  public enum Reason {
    /** The address is one the site already answers ({@link ReservedPaths}). */
    RESERVED,
    /** The parent is the page itself or one of its own sub-pages. */
    LOOP,
    /** The parent does not exist, is not a page, or is in the bin. */
    NO_SUCH_PARENT,
    /** The page would sit deeper than {@link ArticleLimits#PAGE_DEPTH} levels. */
    TOO_DEEP,
    /** The whole path would be longer than {@link ArticleLimits#SLUG_LENGTH} characters. */
    TOO_LONG,
    /** An article cannot become a page, nor a page an article. */
    KIND_CHANGED,
    /** A page that has sub-pages cannot be deleted for good. */
    HAS_CHILDREN
  }

  private final Reason reason;

  public PagePlacementException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
