package org.tribune.comments.api;

/** A comment that cannot be accepted, with the reason as a message key of the web bundles. */
public class CommentRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a comment was refused. */
  public enum Reason {
    ARTICLE_NOT_OPEN,
    TOO_LONG
  }

  private final Reason reason;

  public CommentRejectedException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
