package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribune.comments.internal.Tombstones.Link;

class TombstonesTest {
  // 1 ─ 2 ─ 3
  //   └ 4
  // 5
  private static final List<Link> THREADS =
      List.of(
          new Link(1, null), new Link(2, 1L), new Link(3, 2L), new Link(4, 1L), new Link(5, null));

  @Test
  void aRemovedCommentWithAReplyThatStaysIsKeptAsAPlaceholder() {
    assertEquals(Set.of(1L), Tombstones.placeholders(List.of(1L), THREADS));
  }

  @Test
  void aRemovedCommentWhoseRepliesAreAllRemovedGoesEntirely() {
    assertEquals(Set.of(), Tombstones.placeholders(List.of(2L, 3L), THREADS));
    assertEquals(Set.of(), Tombstones.placeholders(List.of(5L), THREADS));
  }

  @Test
  void everyRemovedAncestorOfAStayingReplyIsKept() {
    assertEquals(Set.of(1L, 2L), Tombstones.placeholders(List.of(1L, 2L, 4L), THREADS));
  }

  @Test
  void aCycleInBrokenDataDoesNotLoopForever() {
    List<Link> cycle = List.of(new Link(1, 2L), new Link(2, 1L), new Link(3, 1L));
    assertEquals(Set.of(1L, 2L), Tombstones.placeholders(List.of(1L, 2L), cycle));
  }
}
