package org.tribune.comments.api;

import jakarta.validation.constraints.NotNull;

/**
 * Which comments a moderation queue lists. Text criteria are taken literally: {@code %}, {@code _}
 * and {@code \} typed by a moderator match those characters, not patterns. A blank (or {@code
 * null}) criterion does not filter.
 *
 * @param status required (a Bean Validation constraint, checked by {@link
 *     ModerationService#queue}): a queue is one status's
 * @param articleId only this article's, or {@code null}
 * @param text a piece of the body, ignoring case
 * @param author a piece of the author's name, ignoring case
 * @param email the author's e-mail address, exactly but ignoring case
 */
public record ModerationFilter(
    @NotNull CommentStatus status, Long articleId, String text, String author, String email) {

  /** Every comment in a status. */
  public static ModerationFilter of(CommentStatus status) {
    return new ModerationFilter(status, null, null, null, null);
  }
}
