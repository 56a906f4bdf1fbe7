package org.tribune.articles.api;

/** Fired when an article's content or status changes (not when it is deleted). */
public record ArticleChanged(long articleId, int revision) {}
