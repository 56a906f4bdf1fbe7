package org.tribune.articles.api;

/** Column sizes shared by the schema, the entity mappings and input validation. */
public final class ArticleLimits {
  public static final int TITLE_LENGTH = 300;
  public static final int SLUG_LENGTH = 200;
  public static final int STANDFIRST_LENGTH = 1000;
  public static final int BODY_LENGTH = 200_000;
  public static final int NAME_LENGTH = 200;
  public static final int DESCRIPTION_LENGTH = 2000;
  public static final int IMAGE_URL_LENGTH = 1000;
  public static final int IMAGE_ALT_LENGTH = 300;
  public static final int EDITOR_LENGTH = 200;

  /** Pages sit at most this many levels deep ({@code /a/b/c/d/e}). */
  public static final int PAGE_DEPTH = 5;

  /** A slug: lower-case ASCII letters and digits in words joined by single hyphens (or empty). */
  public static final String SLUG_PATTERN = "^$|^[a-z0-9]+(-[a-z0-9]+)*$";

  private ArticleLimits() {}
}
