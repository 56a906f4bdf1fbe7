package org.tribune.articles.api;

import java.time.Instant;

/**
 * A readable article's or page's address and last change, for the sitemap.
 *
 * @param pagePath a page's path from the site's root, {@code null} for an article
 */
public record SitemapEntry(String slug, Instant lastModified, String pagePath) {}
