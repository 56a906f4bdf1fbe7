package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tribune.articles.api.ArticleStatus;

class ArticleTest {
  private static final Instant NOW = Instant.parse("2017-10-30T09:06:12.123456789Z");

  @Test
  void aNewArticleIsADraftWithoutPublicationInstant() {
    Article article = new Article("slug", "  Titre ", " Autrice ", "", NOW);
    assertEquals(ArticleStatus.DRAFT, article.getStatus());
    assertNull(article.getPublishedAt());
    assertEquals("Titre", article.getTitle());
    assertEquals("Autrice", article.getAuthorName());
  }

  @Test
  void publishingKeepsTheInstantToTheMicrosecond() {
    Article article = new Article("slug", "Titre", "Autrice", "Texte", NOW);
    article.publish(NOW, NOW);
    assertEquals(ArticleStatus.PUBLISHED, article.getStatus());
    assertEquals(Instant.parse("2017-10-30T09:06:12.123456Z"), article.getPublishedAt());
  }

  @Test
  void refusesABlankTitleOrAuthor() {
    assertThrows(IllegalArgumentException.class, () -> new Article("s", " ", "A", "", NOW));
    assertThrows(IllegalArgumentException.class, () -> new Article("s", "T", null, "", NOW));
  }
}
