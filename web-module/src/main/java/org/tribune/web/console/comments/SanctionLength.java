package org.tribune.web.console.comments;

import java.time.Duration;

/**
 * The lengths a moderator chooses for a sanction in the console (« 24 h », « 7 jours », « 30 jours
 * », « définitivement »), each named {@code moderation.sanction.length.<NAME>} in the console's
 * bundle. A fixed list rather than a free duration: the staff pick a step, as the removal with
 * suspension offers the same three.
 */
public enum SanctionLength {
  DAY(Duration.ofHours(24)),
  WEEK(Duration.ofDays(7)),
  MONTH(Duration.ofDays(30)),
  FOREVER(null);

  private final Duration duration;

  SanctionLength(Duration duration) {
    this.duration = duration;
  }

  /**
   * How long it lasts; {@code null} for good, as {@link org.tribune.comments.api.Sanction} wants.
   */
  public Duration duration() {
    return duration;
  }
}
