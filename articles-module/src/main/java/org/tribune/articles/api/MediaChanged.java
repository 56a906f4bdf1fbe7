package org.tribune.articles.api;

/**
 * Fired after an image of the media library was described again, given a new file or deleted:
 * whatever shows it must be shown anew. {@code articleIds} are the articles that showed it.
 */
public record MediaChanged(long mediaId, java.util.Set<Long> articleIds) {
  public MediaChanged {
    articleIds = java.util.Set.copyOf(articleIds);
  }
}
