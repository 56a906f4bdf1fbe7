/**
 * The provided interface of the discussion domain: the {@link
 * org.tribune.comments.api.CommentService} CDI contract and the immutable records it returns.
 *
 * <p>Any module may use this package. Comments refer to articles by id only, through {@code
 * org.tribune.articles.api}.
 */
package org.tribune.comments.api;
