package org.tribune.articles.api;

/** A tag as shown on an article, with the slug of its page. */
public record TagRef(long id, String slug, String name) {}
