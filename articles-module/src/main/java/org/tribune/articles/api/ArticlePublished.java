package org.tribune.articles.api;

/**
 * Fired once per article when it becomes visible to readers: when published now, or when a
 * scheduled article's instant has come (exactly once even with several nodes). Observe it {@code
 * AFTER_SUCCESS} for side effects.
 */
public record ArticlePublished(long articleId) {}
