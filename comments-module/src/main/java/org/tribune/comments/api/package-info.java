/**
 * The provided interface of the discussion domain: the {@link
 * org.tribune.comments.api.CommentService} CDI contract (readers' side), the {@link
 * org.tribune.comments.api.ModerationService} contract (the administrators' console), the {@link
 * org.tribune.comments.api.CommentTransferService} contract (imports from other platforms and full
 * exports) and the immutable records they take and return.
 *
 * <p>Any module may use this package. Comments refer to articles by id only, through {@code
 * org.tribune.articles.api}.
 */
package org.tribune.comments.api;
