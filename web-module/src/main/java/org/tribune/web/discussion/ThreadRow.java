package org.tribune.web.discussion;

import java.util.ArrayList;
import java.util.List;
import org.tribune.comments.api.CommentNode;

/**
 * One comment of a discussion page in reading order, with the list markup around it. Threads nest
 * as {@code <ol>} inside the parent's {@code <li>}; Facelets cannot recurse, so the tree is
 * flattened here and each row carries the tags that open and close it. Those tags are constants and
 * numbers only: never anything a visitor typed.
 */
public record ThreadRow(CommentNode node, int depth, String open, String close) {

  /**
   * The deepest level a reply is indented to: the highest {@code max-depth} the console allows.
   * Only imported threads go deeper (Disqus nests without end); their deeper replies are shown at
   * this level, each after the comment it answers, in reading order.
   */
  static final int DEEPEST = 10;

  static List<ThreadRow> flatten(List<CommentNode> threads) {
    List<ThreadRow> rows = new ArrayList<>();
    for (CommentNode thread : threads) {
      add(rows, thread, 0);
    }
    return rows;
  }

  private static void add(List<ThreadRow> rows, CommentNode node, int depth) {
    String open = "<li id=\"comment-" + node.id() + "\" class=\"comment depth-" + depth + "\">";
    if (depth >= DEEPEST) {
      rows.add(new ThreadRow(node, depth, open, "</li>"));
      for (CommentNode reply : node.replies()) {
        add(rows, reply, depth);
      }
      return;
    }
    boolean replies = !node.replies().isEmpty();
    rows.add(new ThreadRow(node, depth, open, replies ? "<ol class=\"replies\">" : "</li>"));
    if (replies) {
      for (CommentNode reply : node.replies()) {
        add(rows, reply, depth + 1);
      }
      ThreadRow last = rows.remove(rows.size() - 1);
      rows.add(new ThreadRow(last.node(), last.depth(), last.open(), last.close() + "</ol></li>"));
    }
  }
}
