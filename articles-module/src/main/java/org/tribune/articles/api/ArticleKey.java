package org.tribune.articles.api;

/**
 * What an importer keeps of an article it wrote: the id, the slug it got (its permalink is {@code
 * /articles/{slug}}) and the revision it is at, to know later whether somebody edited it since.
 */
public record ArticleKey(long id, String slug, int revision, ArticleStatus status) {}
