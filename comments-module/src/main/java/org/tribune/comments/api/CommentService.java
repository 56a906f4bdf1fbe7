package org.tribune.comments.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads and writes the comments under articles. Inject it with CDI. */
public interface CommentService {

  /**
   * Stores a new comment, waiting for moderation, and returns its id.
   *
   * @throws CommentRejectedException if the article is not readable, is closed to comments, or the
   *     text is too long
   */
  long post(@NotNull @Valid NewComment comment);

  /** Makes a comment visible to readers. */
  void approve(long commentId);

  /** The approved comments of an article, oldest first. */
  List<CommentView> approvedFor(long articleId);

  /**
   * The number of approved comments of each article, in one query. Articles without comments map to
   * 0.
   */
  Map<Long, Long> countApproved(@NotNull Collection<Long> articleIds);

  /** The number of comments of an article, whatever their status. */
  long countAll(long articleId);
}
