package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.CommentLimits;

/** What an import makes of the source's fields, and the order of an export. */
class DefaultCommentTransferServiceTest {
  private static final String EMOJI = "\uD83D\uDE00";

  @Test
  void aBodyIsTheTypedTextAndItsUsualRendering() {
    DefaultCommentTransferService.Body body =
        DefaultCommentTransferService.Body.of("<p>Bonjour&nbsp;!</p><script>x()</script>");
    assertEquals("Bonjour\u00A0!", body.text());
    assertEquals(CommentRenderer.render(body.text()), body.html());
  }

  @Test
  void aBodyWithNothingVisibleIsRefused() {
    for (String html : new String[] {"", "  ", "<p>&nbsp;</p>", "<script>alert(1)</script>"}) {
      assertThrows(
          IllegalArgumentException.class, () -> DefaultCommentTransferService.Body.of(html), html);
    }
  }

  @Test
  void aBodyLongerThanItsColumnIsCutBetweenCharacters() {
    String text = "a" + EMOJI.repeat(CommentLimits.BODY_COLUMN_LENGTH);
    DefaultCommentTransferService.Body body = DefaultCommentTransferService.Body.of(text);
    assertEquals(CommentLimits.BODY_COLUMN_LENGTH - 1, body.text().length());
    assertTrue(Character.isLowSurrogate(body.text().charAt(body.text().length() - 1)));
  }

  @Test
  void aBodyWhoseHtmlWouldNotFitIsCutUntilItDoes() {
    // Every quote escaped as &quot; makes the HTML six times the text.
    DefaultCommentTransferService.Body body =
        DefaultCommentTransferService.Body.of("\"".repeat(CommentLimits.BODY_COLUMN_LENGTH * 2));
    assertTrue(body.html().length() <= Comment.BODY_HTML_COLUMN);
    assertEquals(CommentLimits.BODY_COLUMN_LENGTH, body.text().length());

    String links = "https://example.org/'''''''''''''''''''''''''''''''''''''''/ ".repeat(1_700);
    body = DefaultCommentTransferService.Body.of(links);
    assertTrue(body.html().length() <= Comment.BODY_HTML_COLUMN, "" + body.html().length());
    assertEquals(CommentRenderer.render(body.text()), body.html());
  }

  @Test
  void aWebsiteIsKeptOnlyIfItIsAWebAddress() {
    assertEquals(
        "https://example.org/", DefaultCommentTransferService.website("https://example.org"));
    assertEquals(
        "http://example.org/a", DefaultCommentTransferService.website(" http://Example.org/a "));
    assertNull(DefaultCommentTransferService.website("http://"), "WordPress's empty address");
    assertNull(DefaultCommentTransferService.website("javascript:alert(1)"));
    assertNull(DefaultCommentTransferService.website("ftp://example.org/"));
    assertNull(DefaultCommentTransferService.website(""));
    assertNull(DefaultCommentTransferService.website(null));
  }

  @Test
  void aNameIsCutInCharactersAsReadersCountThem() {
    String name = EMOJI.repeat(CommentLimits.AUTHOR_NAME_LENGTH + 1);
    String cut = DefaultCommentTransferService.cut(name, CommentLimits.AUTHOR_NAME_LENGTH);
    assertEquals(CommentLimits.AUTHOR_NAME_LENGTH, cut.codePointCount(0, cut.length()));
    assertEquals("Léa", DefaultCommentTransferService.cut("Léa", 3));
  }

  /** A comment as the export sees it: its id and its parent's. */
  private record Row(long id, Long parent) {}

  private static List<Long> ordered(Row... oldestFirst) {
    return DefaultCommentTransferService.parentsFirst(List.of(oldestFirst), Row::id, Row::parent)
        .stream()
        .map(Row::id)
        .toList();
  }

  @Test
  void anExportIsOldestFirstWithEveryParentBeforeItsReplies() {
    assertEquals(
        List.of(1L, 2L, 3L, 4L),
        ordered(new Row(1, null), new Row(2, 1L), new Row(3, null), new Row(4, 2L)));
    // Replies dated before their parents (another platform's clocks) wait for them.
    assertEquals(
        List.of(1L, 3L, 2L, 5L, 4L),
        ordered(
            new Row(4, 5L), new Row(2, 3L), new Row(1, null), new Row(3, null), new Row(5, 2L)));
    assertEquals(List.of(7L, 8L), ordered(new Row(8, 7L), new Row(7, 99L)), "a missing parent");
    assertEquals(List.of(1L, 2L), ordered(new Row(1, 2L), new Row(2, 1L)), "a cycle, as given");
  }
}
