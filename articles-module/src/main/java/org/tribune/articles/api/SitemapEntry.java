package org.tribune.articles.api;

import java.time.Instant;

/** A readable article's address and last change, for the sitemap. */
public record SitemapEntry(String slug, Instant lastModified) {}
