package org.tribune.articles.api;

/** Where an article stands in its life. Only {@link #PUBLISHED} articles are shown to readers. */
public enum ArticleStatus {
  DRAFT,
  PUBLISHED
}
