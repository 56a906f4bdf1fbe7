package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.CommentNode;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.CommentView;

class ThreadsTest {

  private static Threads.Entry visible(long id, Long parent, long root) {
    CommentView view =
        new CommentView(
            id,
            1,
            parent,
            0,
            "n",
            null,
            "b",
            "<p>b</p>",
            CommentStatus.APPROVED,
            Instant.EPOCH,
            null,
            0,
            false,
            null,
            false,
            false,
            null);
    return new Threads.Entry(id, parent, root, view);
  }

  private static Threads.Entry hidden(long id, Long parent, long root) {
    return new Threads.Entry(id, parent, root, null);
  }

  /** A tree as text: id, "_" for a placeholder, replies in brackets. */
  private static String shape(CommentNode node) {
    StringBuilder text = new StringBuilder().append(node.id()).append(node.removed() ? "_" : "");
    if (!node.replies().isEmpty()) {
      text.append('[');
      node.replies().forEach(r -> text.append(shape(r)).append(' '));
      text.setLength(text.length() - 1);
      text.append(']');
    }
    return text.toString();
  }

  private static List<String> shapes(List<CommentNode> threads) {
    return threads.stream().map(ThreadsTest::shape).toList();
  }

  @Test
  void repliesNestInOrderUnderTheirParents() {
    List<CommentNode> threads =
        Threads.build(
            List.of(10L, 1L),
            List.of(
                visible(1, null, 1),
                visible(2, 1L, 1),
                visible(3, 2L, 1),
                visible(4, 1L, 1),
                visible(10, null, 10)));
    assertEquals(List.of("10", "1[2[3] 4]"), shapes(threads));
  }

  @Test
  void aHiddenCommentWithVisibleRepliesIsAPlaceholderAndOtherwiseGone() {
    List<CommentNode> threads =
        Threads.build(
            List.of(1L, 5L),
            List.of(
                hidden(1, null, 1),
                hidden(2, 1L, 1),
                visible(3, 2L, 1),
                hidden(4, 1L, 1),
                hidden(5, null, 5)));
    assertEquals(List.of("1_[2_[3]]"), shapes(threads));
    CommentNode root = threads.get(0);
    assertTrue(root.removed());
    assertFalse(root.replies().get(0).replies().get(0).removed());
  }

  @Test
  void aReplyWhoseParentRowIsGoneStaysUnderAPlaceholder() {
    List<CommentNode> threads =
        Threads.build(List.of(1L), List.of(visible(1, null, 1), visible(3, 2L, 1)));
    assertEquals(List.of("1[2_[3]]"), shapes(threads));
    List<CommentNode> rootGone = Threads.build(List.of(1L), List.of(visible(3, 1L, 1)));
    assertEquals(List.of("1_[3]"), shapes(rootGone));
  }
}
