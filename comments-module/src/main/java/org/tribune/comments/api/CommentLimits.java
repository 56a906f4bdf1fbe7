package org.tribune.comments.api;

/** Column sizes shared by the schema, the entity mapping and input validation. */
public final class CommentLimits {
  /** Longest author name, in characters (code points). */
  public static final int AUTHOR_NAME_LENGTH = 100;

  /** Longest e-mail address (RFC 5321's path limit). */
  public static final int EMAIL_LENGTH = 254;

  /** Longest website address, once normalised. */
  public static final int WEBSITE_LENGTH = 500;

  /** Hard ceiling of the body column; the configured limit may only be lower. */
  public static final int BODY_COLUMN_LENGTH = 100_000;

  /**
   * Largest value {@code tribune.comments.max-length} may take, in code points: a body of that many
   * four-byte characters (two UTF-16 units each) still fits the column on every database.
   */
  public static final int BODY_LENGTH_CEILING = BODY_COLUMN_LENGTH / 2;

  private CommentLimits() {}
}
