package org.tribune.comments.api;

/**
 * Moderation state of a comment. Only {@link #APPROVED} comments are shown to readers; a {@link
 * #PENDING} one is shown to its own author, with a notice, and to nobody else.
 */
public enum CommentStatus {
  /** Held for a moderator. */
  PENDING,
  /** Visible to everyone. */
  APPROVED,
  /** Judged spam, by the policy or by a moderator. Shown to nobody. */
  SPAM,
  /** Deleted by its author or a moderator. Shown to nobody. */
  TRASH
}
