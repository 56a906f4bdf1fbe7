package org.tribune.comments.api;

import java.util.Set;

/**
 * Fired when what readers see of a discussion may have changed: a comment became visible or stopped
 * being, its text or its score changed, or the discussion rules changed. A comment held for
 * moderation changes nothing a reader sees and fires nothing. Fired inside the changing transaction
 * (outside any for a vote); observe it {@code AFTER_SUCCESS}, as caches of rendered pages do.
 *
 * @param articleIds the articles concerned; empty when it may be any of them
 */
public record DiscussionChanged(Set<Long> articleIds) {
  public DiscussionChanged {
    articleIds = Set.copyOf(articleIds);
  }

  /** A change to one article's discussion. */
  public static DiscussionChanged of(long articleId) {
    return new DiscussionChanged(Set.of(articleId));
  }

  /** A change that may concern any discussion (rules, bulk moderation, erasure). */
  public static DiscussionChanged anywhere() {
    return new DiscussionChanged(Set.of());
  }

  /** Whether the change may concern this article's discussion. */
  public boolean concerns(long articleId) {
    return articleIds.isEmpty() || articleIds.contains(articleId);
  }
}
