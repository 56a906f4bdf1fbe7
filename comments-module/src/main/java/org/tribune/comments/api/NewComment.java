package org.tribune.comments.api;

/**
 * What a reader typed in the comment form. Nothing is trusted: the service checks every field and
 * reports every problem at once (see {@link CommentRejectedException}).
 *
 * @param parentId the comment answered, or {@code null} for a new thread
 * @param email never shown publicly
 * @param website optional, {@code http} or {@code https} only
 * @param subscribe whether to be told of replies by e-mail (double opt-in)
 */
public record NewComment(
    long articleId,
    Long parentId,
    String authorName,
    String email,
    String website,
    String body,
    boolean subscribe) {}
