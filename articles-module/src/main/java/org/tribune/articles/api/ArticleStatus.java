package org.tribune.articles.api;

/**
 * Where an article stands in its life. Readers see {@link #PUBLISHED} articles, {@link #SCHEDULED}
 * ones from their publication instant on (nobody needs to act), and {@link #ARCHIVED} ones at their
 * address and in the monthly archives, no longer on the home page, section, tag and author lists.
 */
public enum ArticleStatus {
  DRAFT,
  SCHEDULED,
  PUBLISHED,
  ARCHIVED
}
