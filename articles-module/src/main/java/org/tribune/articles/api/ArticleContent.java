package org.tribune.articles.api;

/**
 * A listed article with its rendered body, for feeds.
 *
 * @param bodyHtml sanitised HTML, safe to publish as is
 */
public record ArticleContent(ArticleSummary summary, String bodyHtml) {}
