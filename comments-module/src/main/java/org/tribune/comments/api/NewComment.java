package org.tribune.comments.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a reader supplies to comment on an article. The body's length limit is a setting ({@code
 * tribune.comments.max-length}) and is checked by the service.
 */
public record NewComment(
    long articleId,
    @NotBlank @Size(max = CommentLimits.AUTHOR_NAME_LENGTH) String authorName,
    @NotBlank String body) {}
