package org.tribune.articles.api;

import java.time.Instant;

/**
 * An article as listed on a page.
 *
 * @param publishedAt the publication instant, {@code null} while a draft
 */
public record ArticleSummary(
    long id,
    String slug,
    String title,
    String authorName,
    ArticleStatus status,
    Instant publishedAt,
    Instant updatedAt) {}
