package org.tribune.comments.api;

/** What the staff do with a reported comment. */
public enum DecisionOutcome {
  /**
   * The comment stays (or comes back, when the reports had hidden it): it breaks no rule. The
   * decision's rule is {@link CharterRule#NO_BREACH}.
   */
  KEEP,
  /** The comment is removed ({@link CommentStatus#TRASH}). */
  REMOVE,
  /**
   * The comment is removed and its author may no longer comment: their e-mail address and their
   * address are banned.
   */
  REMOVE_AND_SUSPEND
}
