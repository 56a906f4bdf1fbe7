package org.tribune.comments.api;

/** An article and how many approved comments it received in a period, for the console. */
public record DiscussedArticle(long articleId, long comments) {}
