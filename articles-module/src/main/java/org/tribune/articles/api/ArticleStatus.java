package org.tribune.articles.api;

/**
 * Where an article stands in its life. Readers see {@link #PUBLISHED} articles, {@link #SCHEDULED}
 * ones from their publication instant on (nobody needs to act), and {@link #ARCHIVED} ones at their
 * address and in the monthly archives, no longer on the home page, section, tag and author lists.
 * {@link #DRAFT}, {@link #PENDING} and {@link #TRASHED} articles are seen by the console only.
 */
public enum ArticleStatus {
  DRAFT,
  /** Submitted by an author for an editor's review; not readable. */
  PENDING,
  SCHEDULED,
  PUBLISHED,
  ARCHIVED,
  /** In the bin: not readable, restorable as a draft, or deleted for good. */
  TRASHED
}
