package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.CommentStatus;

class RecentCommentTest {
  private static final long ARTICLE = 7;
  private static final Instant T = Instant.parse("2026-11-29T10:06:00Z");

  private static RecentComment root(long id, Instant at, CommentStatus status) {
    return new RecentComment(id, ARTICLE, id, at, status);
  }

  private static RecentComment reply(long id, long root, Instant at, CommentStatus status) {
    return new RecentComment(id, ARTICLE, root, at, status);
  }

  private static OptionalLong newer(List<RecentComment> since, Set<Long> own) {
    return RecentComment.newerThreads(ARTICLE, 100, T, since, own);
  }

  @Test
  void aloneSinceItIsTheNewestThread() {
    assertEquals(
        OptionalLong.of(0), newer(List.of(root(100, T, CommentStatus.APPROVED)), Set.of()));
  }

  @Test
  void threadsStartedSinceInTheSameArticleComeBefore() {
    List<RecentComment> since =
        List.of(
            root(100, T, CommentStatus.APPROVED),
            root(101, T.plusMillis(5), CommentStatus.APPROVED),
            reply(102, 101, T.plusMillis(6), CommentStatus.APPROVED),
            root(103, T.plusMillis(7), CommentStatus.APPROVED),
            new RecentComment(104, ARTICLE + 1, 104, T.plusMillis(8), CommentStatus.APPROVED));
    assertEquals(OptionalLong.of(2), newer(since, Set.of()));
  }

  @Test
  void atTheSameInstantTheGreaterIdIsNewer() {
    List<RecentComment> since =
        List.of(root(99, T, CommentStatus.APPROVED), root(101, T, CommentStatus.APPROVED));
    assertEquals(OptionalLong.of(1), newer(since, Set.of()));
  }

  @Test
  void repliesToOlderThreadsAndHeldThreadsDoNotCount() {
    List<RecentComment> since =
        List.of(
            reply(105, 40, T.plusMillis(1), CommentStatus.APPROVED),
            root(106, T.plusMillis(2), CommentStatus.PENDING),
            root(107, T.plusMillis(3), CommentStatus.PENDING));
    assertEquals(OptionalLong.of(0), newer(since, Set.of()));
    assertEquals(OptionalLong.of(1), newer(since, Set.of(107L)), "the viewer's own held thread");
  }

  @Test
  void aHiddenRootWithVisibleRepliesCannotBeToldFromTheLastSeconds() {
    List<RecentComment> since =
        List.of(
            root(106, T.plusMillis(2), CommentStatus.PENDING),
            reply(108, 106, T.plusMillis(4), CommentStatus.APPROVED));
    assertTrue(newer(since, Set.of()).isEmpty());
  }
}
