package org.tribune.articles.api;

/** Column sizes shared by the schema, the entity mapping and input validation. */
public final class ArticleLimits {
  public static final int TITLE_LENGTH = 300;
  public static final int SLUG_LENGTH = 200;
  public static final int AUTHOR_NAME_LENGTH = 200;
  public static final int BODY_LENGTH = 200_000;

  private ArticleLimits() {}
}
