package org.tribune.comments.api;

/**
 * How new comments of readers are held for a moderator ({@code tribune.comments.moderation}, or the
 * console's choice). Public because the console shows and changes it.
 */
public enum ModerationMode {
  /** Hold the comments of an e-mail address until one of them is approved; approve later ones. */
  FIRST_TIME,
  /** Publish at once (links and blocked words are still held). */
  APPROVE_ALL,
  /** Hold every comment. */
  HOLD_ALL
}
