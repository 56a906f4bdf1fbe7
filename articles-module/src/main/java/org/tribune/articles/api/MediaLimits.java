package org.tribune.articles.api;

/** Lengths of a media item's texts, shared by the columns and the checks. */
public final class MediaLimits {
  public static final int ALT_LENGTH = 300;
  public static final int CAPTION_LENGTH = 1000;
  public static final int CREDIT_LENGTH = 300;
  public static final int NAME_LENGTH = 255;

  private MediaLimits() {}
}
