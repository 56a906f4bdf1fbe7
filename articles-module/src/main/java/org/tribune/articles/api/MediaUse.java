package org.tribune.articles.api;

import java.io.Serializable;

/** An article that shows an image (as its lead image or in its text). */
public record MediaUse(long articleId, String title, String slug, ArticleStatus status)
    implements Serializable {}
