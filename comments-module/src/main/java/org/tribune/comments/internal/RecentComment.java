package org.tribune.comments.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.tribune.comments.api.CommentStatus;

/**
 * A comment of the last seconds, as {@link CommentRepository#postedFrom} reads them: what tells
 * where a thread just started stands in its discussion without reading the discussion.
 */
record RecentComment(
    long id, long articleId, long rootId, Instant createdAt, CommentStatus status) {

  /**
   * The number of visible threads before a thread just started, newest first: the threads of the
   * same article started after it (or at the same instant with a greater id), which can only be
   * among the comments posted since it. A thread's first comment is its root for comments posted on
   * the site (a reply comes after what it answers), so a thread started since is one whose root is
   * among them; replies since to older threads do not count.
   *
   * @param articleId the thread's article
   * @param rootId the thread's root (its first comment)
   * @param startedAt when the root was posted
   * @param since every comment of the site posted at {@code startedAt} or later
   * @param ownVisible comments the viewer may see although not approved (their own)
   * @return the count, or empty when a newer thread's root is hidden from the viewer while some of
   *     its replies are not (its visibility would need the whole thread)
   */
  static OptionalLong newerThreads(
      long articleId,
      long rootId,
      Instant startedAt,
      Collection<RecentComment> since,
      Collection<Long> ownVisible) {
    Set<Long> visibleRoots = new HashSet<>();
    Set<Long> hiddenRoots = new HashSet<>();
    Set<Long> withVisibleReplies = new HashSet<>();
    for (RecentComment c : since) {
      if (c.articleId != articleId || c.rootId == rootId) {
        continue;
      }
      boolean visible = c.status == CommentStatus.APPROVED || ownVisible.contains(c.id);
      if (c.id == c.rootId) {
        boolean newer = c.createdAt.isAfter(startedAt) || c.rootId > rootId;
        if (newer) {
          (visible ? visibleRoots : hiddenRoots).add(c.rootId);
        }
      } else if (visible) {
        withVisibleReplies.add(c.rootId);
      }
    }
    for (Long hidden : hiddenRoots) {
      if (withVisibleReplies.contains(hidden)) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(visibleRoots.size());
  }
}
