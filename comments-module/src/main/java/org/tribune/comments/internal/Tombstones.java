package org.tribune.comments.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which comments being removed must stay as anonymous placeholders: those with a comment that stays
 * somewhere below them, so that the thread keeps its shape. Shared by erasure (privacy) and
 * deletion for good (moderation). A plain class, tested without a database.
 */
final class Tombstones {

  /** A comment's place in its thread. */
  record Link(long id, Long parentId) {}

  /** Deepest ancestry followed: far more than any depth limit, a guard against a cycle. */
  private static final int MAX_LEVELS = 1_000;

  private Tombstones() {}

  /**
   * The removed comments that keep their place as placeholders.
   *
   * @param removed ids of the comments to remove
   * @param threads every comment of the threads they belong to
   */
  static Set<Long> placeholders(Collection<Long> removed, Collection<Link> threads) {
    Set<Long> gone = new HashSet<>(removed);
    Map<Long, Long> parents = new HashMap<>();
    for (Link link : threads) {
      if (link.parentId() != null) {
        parents.put(link.id(), link.parentId());
      }
    }
    Set<Long> kept = new HashSet<>();
    for (Link link : threads) {
      if (gone.contains(link.id())) {
        continue;
      }
      Long ancestor = parents.get(link.id());
      for (int level = 0; ancestor != null && level < MAX_LEVELS; level++) {
        if (gone.contains(ancestor)) {
          kept.add(ancestor);
        }
        ancestor = parents.get(ancestor);
      }
    }
    return kept;
  }
}
