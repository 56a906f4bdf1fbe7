package org.tribune.articles.api;

/**
 * Orders of the console's article list. Ties are broken by id, in the same direction, so pages
 * never overlap. Articles never published come last in the {@code PUBLISHED_*} orders.
 */
public enum ArticleOrder {
  UPDATED_DESC,
  UPDATED_ASC,
  PUBLISHED_DESC,
  PUBLISHED_ASC,
  TITLE_ASC,
  TITLE_DESC
}
