package org.tribune.comments.api;

/** Moderation state of a comment. Only {@link #APPROVED} comments are shown to readers. */
public enum CommentStatus {
  PENDING,
  APPROVED
}
