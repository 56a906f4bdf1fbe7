package org.tribune.articles.api;

/** A saved version of an article's content, whole, as it was saved. */
public record RevisionContent(RevisionInfo info, ArticleDraft draft) {}
