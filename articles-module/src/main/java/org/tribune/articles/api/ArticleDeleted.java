package org.tribune.articles.api;

/**
 * Fired inside the deleting transaction when an article is deleted for good. Observers that own
 * data about the article delete it in the same transaction ({@code @Observes}, not {@code
 * AFTER_SUCCESS}), so that nothing is left pointing at a missing article.
 */
public record ArticleDeleted(long articleId) {}
