package org.tribune.articles.api;

/** A tag and how many articles, of any status, carry it. */
public record TagUsage(Tag tag, long articles) {}
