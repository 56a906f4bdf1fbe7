package org.tribune.articles.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * An article's place on the front page ("À la une").
 *
 * @param articleId the article
 * @param position its order among the featured articles: 1 is the lead story
 * @param until when it leaves the front page by itself, or {@code null} to stay until removed
 */
public record Featured(long articleId, int position, Instant until) implements Serializable {
  /** The largest position an editor may give. */
  public static final int MAX_POSITION = 99;
}
