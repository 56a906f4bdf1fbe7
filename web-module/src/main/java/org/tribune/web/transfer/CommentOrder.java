package org.tribune.web.transfer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders imported comments so that a parent is always written before its replies. */
final class CommentOrder {
  private CommentOrder() {}

  /**
   * The comments, each after its parent when the parent is among them, otherwise in the order
   * given. A reply whose parent is not among them keeps it (the writer looks for it among earlier
   * imports); a loop of parents (a file made by hand) is broken where it is first met.
   */
  static List<ImportWriter.CommentPlan> parentsFirst(Map<String, ImportWriter.CommentPlan> byId) {
    Map<String, List<ImportWriter.CommentPlan>> replies = new LinkedHashMap<>();
    List<ImportWriter.CommentPlan> roots = new ArrayList<>();
    for (ImportWriter.CommentPlan plan : byId.values()) {
      String parent = plan.parentSourceId();
      if (parent != null && byId.containsKey(parent) && !parent.equals(plan.sourceId())) {
        replies.computeIfAbsent(parent, p -> new ArrayList<>()).add(plan);
      } else if (plan.sourceId().equals(parent)) {
        roots.add(new ImportWriter.CommentPlan(plan.sourceId(), null, plan.comment()));
      } else {
        roots.add(plan);
      }
    }
    List<ImportWriter.CommentPlan> ordered = new ArrayList<>(byId.size());
    Set<String> done = new HashSet<>();
    Deque<ImportWriter.CommentPlan> stack = new ArrayDeque<>();
    for (ImportWriter.CommentPlan root : roots) {
      walk(root, replies, done, ordered, stack);
    }
    // Left: comments in a loop of parents. Each becomes a thread of its own.
    for (ImportWriter.CommentPlan plan : byId.values()) {
      if (!done.contains(plan.sourceId())) {
        ImportWriter.CommentPlan orphan =
            new ImportWriter.CommentPlan(plan.sourceId(), null, plan.comment());
        walk(orphan, replies, done, ordered, stack);
      }
    }
    return ordered;
  }

  private static void walk(
      ImportWriter.CommentPlan start,
      Map<String, List<ImportWriter.CommentPlan>> replies,
      Set<String> done,
      List<ImportWriter.CommentPlan> ordered,
      Deque<ImportWriter.CommentPlan> stack) {
    // Iterative: a thread may be thousands of replies deep in a hostile file.
    stack.push(start);
    while (!stack.isEmpty()) {
      ImportWriter.CommentPlan plan = stack.pop();
      if (!done.add(plan.sourceId())) {
        continue;
      }
      ordered.add(plan);
      List<ImportWriter.CommentPlan> children = replies.getOrDefault(plan.sourceId(), List.of());
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
  }
}
