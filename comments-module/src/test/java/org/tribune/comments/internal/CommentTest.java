package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.ExportedComment;

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
  void anImportedCommentKeepsItsPlaceStatusAndDateAndMailsNobody() {
    Comment parent = comment("t", CommentStatus.APPROVED);
    Comment.Draft draft =
        new Comment.Draft(7, "Marc", null, null, "Réponse", "<p>Réponse</p>", null, null, null);
    Instant then = Instant.parse("2009-03-01T10:15:30.123456789Z");
    Comment imported = Comment.imported(draft, parent, CommentStatus.SPAM, then, true);
    assertEquals(1, imported.getDepth());
    assertEquals(CommentStatus.SPAM, imported.getStatus());
    assertEquals(Instant.parse("2009-03-01T10:15:30.123456Z"), imported.getCreatedAt());
    assertTrue(imported.isStaff());
    assertFalse(imported.markRepliesNotified(), "its parent's subscribers count as told");
    assertFalse(imported.ownedBy("t"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Comment.imported(draft(7, "u"), null, CommentStatus.APPROVED, then, false),
        "no edit token");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Comment.imported(
                new Comment.Draft(8, "Marc", null, null, "R", "<p>R</p>", null, null, null),
                parent,
                CommentStatus.APPROVED,
                then,
                false));
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

  /** The comment as persisting gives it an id (the views need one). */
  private static Comment stored(Comment comment) {
    return withId(comment, 42);
  }

  @Test
  void aStaffReplyIsApprovedMarkedAndShownAsStaffToReadersAndModerators() {
    Comment.Draft draft =
        new Comment.Draft(
            7,
            "La rédaction",
            "redaction@example.org",
            null,
            "Merci.",
            "<p>Merci.</p>",
            null,
            null,
            null);
    Comment reply = stored(Comment.byStaff(draft, null, NOW));
    assertEquals(CommentStatus.APPROVED, reply.getStatus());
    assertTrue(reply.isStaff());
    assertTrue(reply.toView(false, WINDOW, null).staff());
    assertTrue(reply.toModerated(0, 0).staff());
    assertFalse(stored(comment("t", CommentStatus.APPROVED)).toView(false, WINDOW, null).staff());
  }

  @Test
  void aStaffReplyCarriesNoAddressHashNorEditToken() {
    assertThrows(IllegalArgumentException.class, () -> Comment.byStaff(draft(7, "t"), null, NOW));
  }

  @Test
  void aModeratorSeesTheAuthorsAddressHashLinksAndVotes() {
    Comment.Draft draft =
        new Comment.Draft(
            7,
            "Léa",
            "lea@example.org",
            "https://lea.example/",
            "Voir https://a.example et www.b.example",
            "<p>…</p>",
            Tokens.sha256("203.0.113.7"),
            "Mozilla/5.0",
            Tokens.sha256("t"));
    var seen = stored(new Comment(draft, null, CommentStatus.PENDING, NOW)).toModerated(3, 1);
    assertEquals("lea@example.org", seen.authorEmail());
    assertEquals("https://lea.example/", seen.authorUrl());
    assertEquals(Tokens.sha256("203.0.113.7"), seen.addressHash());
    assertEquals(2, seen.linkCount());
    assertEquals(3, seen.upVotes());
    assertEquals(1, seen.downVotes());
    assertFalse(seen.staff());
  }

  /** The comment with the id persisting would give it. */
  private static Comment withId(Comment comment, long value) {
    try {
      Field id = Comment.class.getDeclaredField("id");
      id.setAccessible(true);
      id.set(comment, value);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return comment;
  }

  @Test
  void anExportCarriesTheAuthorsTracesVotesSubscriptionsAndTheAnsweredColumnAsStored() {
    String token = "t";
    Comment parent = withId(comment(token, CommentStatus.APPROVED), 41);
    Comment answered = withId(new Comment(draft(7, "u"), parent, CommentStatus.APPROVED, NOW), 42);
    Comment underParent =
        withId(new Comment(draft(7, "v"), parent, CommentStatus.APPROVED, NOW), 43);
    underParent.answering(parent);
    Comment hungHigher =
        withId(new Comment(draft(7, "w"), parent, CommentStatus.APPROVED, NOW), 44);
    hungHigher.answering(answered);
    hungHigher.markRepliesNotified();
    var vote = new ExportedComment.Vote(5, "k", "h", -1, NOW);
    var subscription = new ExportedComment.Subscription(6, "lea@example.org", "s", true, NOW);

    ExportedComment exported = hungHigher.toExported(List.of(vote), List.of(subscription));

    assertEquals(42L, exported.answeredId());
    assertEquals(Tokens.sha256("203.0.113.7"), exported.addressHash());
    assertEquals("Mozilla/5.0", exported.userAgent());
    assertEquals(Tokens.sha256("w"), exported.editTokenHash());
    assertTrue(exported.repliesNotified());
    assertEquals(List.of(vote), exported.votes());
    assertEquals(List.of(subscription), exported.subscriptions());
    assertEquals(41L, underParent.getAnsweredId(), "readers' fallback: the parent");
    assertNull(underParent.toExported(List.of(), List.of()).answeredId(), "the column: none");
    assertFalse(underParent.toExported(List.of(), List.of()).repliesNotified());

    parent.anonymise();
    ExportedComment tombstone = parent.toExported(List.of(), List.of());
    assertEquals(CommentStatus.TRASH, tombstone.status());
    assertEquals("", tombstone.authorName());
    assertEquals("", tombstone.body());
    assertNull(tombstone.addressHash());
    assertNull(tombstone.userAgent());
    assertNull(tombstone.editTokenHash());
  }
}
