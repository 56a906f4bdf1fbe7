package org.tribune.articles.api;

/** A section as named on an article, with the slug of its page. */
public record SectionRef(long id, String slug, String name) {}
