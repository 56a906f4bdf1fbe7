package org.tribune.comments.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribune.comments.api.CommentNode;
import org.tribune.comments.api.CommentView;

/**
 * Builds the trees of a page of threads, in memory, from all the comments of those threads loaded
 * at once. A comment the viewer may not see stays as a placeholder when some reply under it is
 * visible, and disappears otherwise. A reply whose parent row is gone (which the service avoids by
 * keeping erased comments that have replies as anonymous tombstones) hangs under a placeholder for
 * its parent, at the top of its thread.
 */
final class Threads {

  /**
   * One comment of a thread.
   *
   * @param view what the viewer sees of it, {@code null} when they may not see it
   */
  record Entry(long id, Long parentId, long rootId, CommentView view) {}

  private Threads() {}

  /**
   * @param rootIds the threads of the page, in page order
   * @param entries every comment of those threads, in reply order (oldest first)
   * @return one tree per thread that holds something visible, in page order
   */
  static List<CommentNode> build(List<Long> rootIds, List<Entry> entries) {
    Map<Long, Entry> byId = new HashMap<>();
    Map<Long, List<Long>> children = new LinkedHashMap<>();
    for (Entry entry : entries) {
      byId.put(entry.id(), entry);
    }
    for (Entry entry : entries) {
      if (entry.parentId() == null || entry.id() == entry.rootId()) {
        continue;
      }
      Long parent = entry.parentId();
      if (!byId.containsKey(parent)) {
        // Orphan: under a placeholder of its parent, itself under the root.
        children.computeIfAbsent(entry.rootId(), k -> new ArrayList<>());
        if (!children.get(entry.rootId()).contains(parent) && parent != entry.rootId()) {
          children.get(entry.rootId()).add(parent);
        }
      }
      children.computeIfAbsent(parent, k -> new ArrayList<>()).add(entry.id());
    }
    List<CommentNode> threads = new ArrayList<>();
    for (long root : rootIds) {
      CommentNode node = node(root, byId, children, 0);
      if (node != null) {
        threads.add(node);
      }
    }
    return threads;
  }

  private static CommentNode node(
      long id, Map<Long, Entry> byId, Map<Long, List<Long>> children, int level) {
    List<CommentNode> replies = new ArrayList<>();
    // A cycle cannot come from the service; the bound keeps a corrupted row from looping forever.
    if (level < 1_000) {
      for (long child : children.getOrDefault(id, List.of())) {
        CommentNode reply = node(child, byId, children, level + 1);
        if (reply != null) {
          replies.add(reply);
        }
      }
    }
    Entry entry = byId.get(id);
    CommentView view = entry == null ? null : entry.view();
    if (view == null && replies.isEmpty()) {
      return null;
    }
    return new CommentNode(id, view, List.copyOf(replies));
  }
}
