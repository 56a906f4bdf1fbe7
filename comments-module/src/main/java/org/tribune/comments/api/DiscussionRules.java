package org.tribune.comments.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * The rules one article's discussion has of its own, over its section's and the site's: its
 * moderation mode, and a date when it closes.
 *
 * @param moderation {@code null}: the section's, else the site's
 * @param closesAt {@code null}: no date of its own (the site's {@code close-after-days} still
 *     applies)
 */
public record DiscussionRules(ModerationMode moderation, Instant closesAt) implements Serializable {

  /** No rule of its own. */
  public static final DiscussionRules NONE = new DiscussionRules(null, null);
}
