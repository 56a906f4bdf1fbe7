package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.CommentStatus;

class CommentTest {
  private static final Instant NOW = Instant.parse("2017-10-30T09:06:00Z");

  @Test
  void aNewCommentWaitsForModeration() {
    Comment comment = new Comment(7, " Léa ", " Merci pour cet article. ", NOW);
    assertEquals(CommentStatus.PENDING, comment.getStatus());
    assertEquals("Léa", comment.getAuthorName());
    assertEquals("Merci pour cet article.", comment.getBody());
    assertEquals(7, comment.getArticleId());
  }

  @Test
  void approvingMakesItVisible() {
    Comment comment = new Comment(7, "Léa", "Texte", NOW);
    comment.approve();
    assertEquals(CommentStatus.APPROVED, comment.getStatus());
  }

  @Test
  void refusesABlankTextOrName() {
    assertThrows(IllegalArgumentException.class, () -> new Comment(1, "Léa", "  ", NOW));
    assertThrows(IllegalArgumentException.class, () -> new Comment(1, "", "Texte", NOW));
  }
}
