package org.tribune.web.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
