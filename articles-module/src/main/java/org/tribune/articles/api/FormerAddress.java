package org.tribune.articles.api;

import java.time.Instant;

/**
 * A slug something had before it was renamed, still answering with a redirect: an article's or a
 * page's ({@link Kind#ARTICLE}, {@code articles_slug_history}) or a listing's ({@code
 * articles_former_slug}), with the id of what it leads to and when it was replaced.
 */
public record FormerAddress(Kind kind, long targetId, String slug, Instant replacedAt) {

  /** What the slug named. */
  public enum Kind {
    ARTICLE,
    SECTION,
    TAG,
    AUTHOR
  }
}
