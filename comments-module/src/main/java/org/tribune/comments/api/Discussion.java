package org.tribune.comments.api;

import java.time.Instant;
import java.util.List;

/**
 * One page of the discussion under an article: whole threads (a top-level comment with all its
 * replies), in the chosen order.
 *
 * @param approvedCount approved comments of the article, replies included (the number in "3
 *     commentaires sur …")
 * @param threadCount visible top-level threads (for paging, but in the {@link CommentSort#FEATURED}
 *     order, which pages {@code featuredThreadCount})
 * @param page 1-based page number, clamped to the last page
 * @param pageCount at least 1
 * @param open whether new comments are accepted
 * @param featuredThreadCount visible threads holding an approved featured comment
 * @param moderation the mode new comments meet here (the article's, its section's or the site's),
 *     for the page to say whether they are read before or after they are published
 * @param closesAt when the discussion closes (the article's date or the site's {@code
 *     close-after-days}, the earlier), {@code null} when it does not
 */
public record Discussion(
    long articleId,
    long approvedCount,
    long threadCount,
    CommentSort sort,
    int page,
    int pageCount,
    List<CommentNode> threads,
    boolean open,
    long featuredThreadCount,
    ModerationMode moderation,
    Instant closesAt) {

  public boolean hasNextPage() {
    return page < pageCount;
  }
}
