package org.tribune.comments.api;

import java.util.List;

/**
 * A comment with its replies, oldest first.
 *
 * @param comment the comment, or {@code null} when it was removed but has visible replies (shown as
 *     a placeholder so the thread keeps its shape)
 * @param id the comment's id, also when removed
 */
public record CommentNode(long id, CommentView comment, List<CommentNode> replies) {

  /** Whether only a placeholder stands here. */
  public boolean removed() {
    return comment == null;
  }
}
