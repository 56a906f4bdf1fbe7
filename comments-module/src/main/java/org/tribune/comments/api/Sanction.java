package org.tribune.comments.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * A sanction the staff decide on an author ({@link ModerationService#sanction}): by e-mail address,
 * by address hash, or both (one {@link Ban} each).
 *
 * @param email the author's e-mail address, or {@code null}; a suspended author is told at this
 *     address, with the reason
 * @param addressHash as {@link ModeratedComment#addressHash()} shows it, or {@code null}
 * @param duration how long it lasts (24 hours, 7 days, 30 days…); {@code null}: for good
 * @param reason plain text, may be empty
 * @param commentId the comment that led to it, for the record; may be {@code null}
 */
public record Sanction(
    @NotNull Ban.Effect effect,
    String email,
    String addressHash,
    Duration duration,
    @Size(max = Sanction.REASON_LENGTH) String reason,
    Long commentId) {

  /** Longest reason, in characters. */
  public static final int REASON_LENGTH = 2000;
}
