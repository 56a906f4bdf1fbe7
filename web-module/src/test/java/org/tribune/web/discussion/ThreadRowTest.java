package org.tribune.web.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.CommentNode;

class ThreadRowTest {

  private static CommentNode node(long id, CommentNode... replies) {
    return new CommentNode(id, null, List.of(replies));
  }

  @Test
  void theFlattenedMarkupNestsRepliesAndIsBalanced() {
    List<ThreadRow> rows = ThreadRow.flatten(List.of(node(1, node(2, node(3)), node(4)), node(5)));
    String markup = rows.stream().map(r -> r.open() + r.close()).collect(Collectors.joining());
    assertEquals(
        "<li id=\"comment-1\" class=\"comment depth-0\"><ol class=\"replies\">"
            + "<li id=\"comment-2\" class=\"comment depth-1\"><ol class=\"replies\">"
            + "<li id=\"comment-3\" class=\"comment depth-2\"></li></ol></li>"
            + "<li id=\"comment-4\" class=\"comment depth-1\"></li></ol></li>"
            + "<li id=\"comment-5\" class=\"comment depth-0\"></li>",
        markup);
    assertEquals(List.of(0, 1, 2, 1, 0), rows.stream().map(ThreadRow::depth).toList());
  }

  /** A chain of comments, each answering the one before: ids first, first + 1… */
  private static CommentNode chain(long first, int length) {
    CommentNode node = node(first + length - 1);
    for (long id = first + length - 2; id >= first; id--) {
      node = node(id, node);
    }
    return node;
  }

  @Test
  void aThreadOfTenLevelsNestsTenDeep() {
    List<ThreadRow> rows = ThreadRow.flatten(List.of(chain(1, 10)));
    String markup = rows.stream().map(r -> r.open() + r.close()).collect(Collectors.joining());
    assertEquals(
        List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), rows.stream().map(ThreadRow::depth).toList());
    assertEquals(9, markup.split("<ol class=\"replies\">", -1).length - 1);
    assertEquals(markup.split("<li ", -1).length - 1, markup.split("</li>", -1).length - 1);
    assertTrue(markup.contains("<li id=\"comment-10\" class=\"comment depth-9\"></li>"));
  }

  @Test
  void repliesDeeperThanTheDeepestLevelAreShownAtItInReadingOrder() {
    // 0..10 nested, then 11 and 12 under 10, 13 under 11, and 14 beside 12.
    CommentNode deepest = node(110, node(111, node(113)), node(112), node(114));
    CommentNode thread = chain(100, ThreadRow.DEEPEST);
    thread = replaceLeaf(thread, node(109, deepest));
    List<ThreadRow> rows = ThreadRow.flatten(List.of(thread));
    String markup = rows.stream().map(r -> r.open() + r.close()).collect(Collectors.joining());

    assertEquals(
        List.of(
            100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L, 109L, 110L, 111L, 113L, 112L,
            114L),
        rows.stream().map(r -> r.node().id()).toList());
    assertEquals(
        List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10, 10),
        rows.stream().map(ThreadRow::depth).toList());
    assertEquals(ThreadRow.DEEPEST, markup.split("<ol class=\"replies\">", -1).length - 1);
    assertEquals(
        markup.split("<ol ", -1).length - 1, markup.split("</ol>", -1).length - 1, "balanced");
    assertEquals(markup.split("<li ", -1).length - 1, markup.split("</li>", -1).length - 1);
    assertTrue(
        markup.endsWith(
            "<li id=\"comment-110\" class=\"comment depth-10\"></li>"
                + "<li id=\"comment-111\" class=\"comment depth-10\"></li>"
                + "<li id=\"comment-113\" class=\"comment depth-10\"></li>"
                + "<li id=\"comment-112\" class=\"comment depth-10\"></li>"
                + "<li id=\"comment-114\" class=\"comment depth-10\"></li>"
                + "</ol></li>".repeat(ThreadRow.DEEPEST)),
        markup);
  }

  /** The chain with its last comment replaced. */
  private static CommentNode replaceLeaf(CommentNode node, CommentNode leaf) {
    if (node.replies().isEmpty()) {
      return leaf;
    }
    return new CommentNode(node.id(), null, List.of(replaceLeaf(node.replies().get(0), leaf)));
  }
}
