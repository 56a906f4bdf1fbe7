package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.CommentStatus;

class CommentTest {
  private static final Instant NOW = Instant.parse("2017-10-30T09:06:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(15);

  private static Comment comment(String token, CommentStatus status) {
    return new Comment(draft(7, token), null, status, NOW);
  }

  private static Comment.Draft draft(long articleId, String token) {
    return new Comment.Draft(
        articleId,
        "Léa",
        "lea@example.org",
        null,
        "Merci pour cet article.",
        "<p>Merci pour cet article.</p>",
        Tokens.sha256("203.0.113.7"),
        "Mozilla/5.0",
        Tokens.sha256(token));
  }

  @Test
  void theAuthorMayChangeItWithinTheWindowOnly() {
    String token = Tokens.newToken();
    Comment comment = comment(token, CommentStatus.PENDING);
    Clock justBefore = Clock.fixed(NOW.plus(WINDOW).minusMillis(1), ZoneOffset.UTC);
    Clock atTheEnd = Clock.fixed(NOW.plus(WINDOW), ZoneOffset.UTC);

    assertTrue(comment.changeableBy(token, justBefore.instant(), WINDOW));
    assertFalse(comment.changeableBy(token, atTheEnd.instant(), WINDOW));
    assertFalse(comment.changeableBy(Tokens.newToken(), NOW, WINDOW), "someone else's token");
    assertFalse(comment.changeableBy(null, NOW, WINDOW));
    assertTrue(comment.changeableBy(token, NOW.plusSeconds(3_000), Duration.ofHours(1)));
    assertEquals(NOW.plus(WINDOW), comment.editableUntil(WINDOW));
  }

  @Test
  void aDeletedCommentCannotBeChangedAnyMore() {
    String token = Tokens.newToken();
    Comment comment = comment(token, CommentStatus.APPROVED);
    comment.moveTo(CommentStatus.TRASH);
    assertFalse(comment.changeableBy(token, NOW, WINDOW));
  }

  @Test
  void editingKeepsTheNewTextAndWhen() {
    Comment comment = comment("t", CommentStatus.APPROVED);
    comment.edit("Nouveau", "<p>Nouveau</p>", NOW.plusSeconds(60));
    assertEquals("Nouveau", comment.getBody());
    assertEquals("<p>Nouveau</p>", comment.getBodyHtml());
    assertEquals(NOW.plusSeconds(60), comment.getEditedAt());
  }

  @Test
  void aReplyIsOneLevelBelowItsParentInTheSameThreadAndArticle() {
    Comment parent = comment("t", CommentStatus.APPROVED);
    Comment reply = new Comment(draft(7, "u"), parent, CommentStatus.APPROVED, NOW);
    assertEquals(1, reply.getDepth());
    assertEquals(0, parent.getDepth());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Comment(draft(8, "u"), parent, CommentStatus.APPROVED, NOW));
  }

  @Test
  void anonymisingKeepsNothingAboutTheAuthorOrText() {
    Comment comment = comment("t", CommentStatus.APPROVED);
    comment.anonymise();
    assertEquals("", comment.getAuthorName());
    assertEquals("", comment.getBody());
    assertEquals("", comment.getBodyHtml());
    assertNull(comment.getEmail());
    assertNull(comment.getIpHash());
    assertNull(comment.getUserAgent());
    assertFalse(comment.ownedBy("t"));
    assertEquals(CommentStatus.TRASH, comment.getStatus());
  }

  @Test
  void repliesAreNotifiedOnce() {
    Comment comment = comment("t", CommentStatus.APPROVED);
    assertTrue(comment.markRepliesNotified());
    assertFalse(comment.markRepliesNotified());
  }

  @Test
  void refusesABlankTextOrName() {
    Comment.Draft blank =
        new Comment.Draft(1, "Léa", "a@b.fr", null, "  ", "", null, null, Tokens.sha256("t"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Comment(blank, null, CommentStatus.APPROVED, NOW));
  }

  @Test
  void aLongUserAgentIsCutWithoutSplittingACharacter() {
    String agent = "a".repeat(499) + "\uD83D\uDE00";
    Comment.Draft draft =
        new Comment.Draft(1, "Léa", "a@b.fr", null, "x", "<p>x</p>", null, agent, "h");
    Comment comment = new Comment(draft, null, CommentStatus.APPROVED, NOW);
    assertEquals(499, comment.getUserAgent().length());
  }
}
