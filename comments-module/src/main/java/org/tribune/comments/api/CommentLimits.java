package org.tribune.comments.api;

/** Column sizes shared by the schema, the entity mapping and input validation. */
public final class CommentLimits {
  public static final int AUTHOR_NAME_LENGTH = 100;

  /** Hard ceiling of the body column; the configured limit may only be lower. */
  public static final int BODY_COLUMN_LENGTH = 100_000;

  private CommentLimits() {}
}
