package org.tribune.comments.api;

import java.util.List;

/**
 * A comment, edit or vote the service refuses, with every reason found. Each reason names the form
 * field it concerns (or none) and maps to the message key {@code comments.error.<reason in
 * lower-case, dots for underscores>} of the web bundles.
 */
public class CommentRejectedException extends InputRejectedException {
  private static final long serialVersionUID = 1L;

  /** A form field, for placing a message next to it. */
  public enum Field {
    NONE,
    NAME,
    EMAIL,
    WEBSITE,
    BODY
  }

  /** Why something was refused. */
  public enum Reason {
    /** No readable article with this id. */
    ARTICLE_NOT_FOUND(Field.NONE),
    /** The discussion is closed (article flag, or older than the close-after setting). */
    CLOSED(Field.NONE),
    /** The parent comment does not exist, is not visible, or belongs to another article. */
    PARENT_NOT_FOUND(Field.NONE),
    /** No visible comment with this id under this article. */
    COMMENT_NOT_FOUND(Field.NONE),
    NAME_REQUIRED(Field.NAME),
    NAME_TOO_LONG(Field.NAME),
    EMAIL_REQUIRED(Field.EMAIL),
    EMAIL_INVALID(Field.EMAIL),
    WEBSITE_INVALID(Field.WEBSITE),
    BODY_REQUIRED(Field.BODY),
    /** Over {@code tribune.comments.max-length} characters (code points). */
    BODY_TOO_LONG(Field.BODY),
    /** The same text by the same author was posted under this article a moment ago. */
    DUPLICATE(Field.BODY),
    /** Too many comments from this address in the last minute. */
    RATE_LIMITED(Field.NONE),
    /** The edit token does not match, or the edit window is over. */
    EDIT_NOT_ALLOWED(Field.NONE);

    private final Field field;

    Reason(Field field) {
      this.field = field;
    }

    public Field field() {
      return field;
    }
  }

  public CommentRejectedException(Reason first, Reason... more) {
    this(concat(first, more));
  }

  public CommentRejectedException(List<Reason> reasons) {
    super(reasons);
  }

  /** Every reason, in form order. */
  public List<Reason> reasons() {
    return typedReasons();
  }

  /** The first reason. */
  public Reason reason() {
    return reasons().get(0);
  }
}
