package org.tribune.articles.api;

/** An author and how many articles, of any status, they sign. */
public record AuthorUsage(Author author, long articles) {}
