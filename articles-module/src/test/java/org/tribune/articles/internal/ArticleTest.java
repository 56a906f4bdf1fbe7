package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.BodyFormat;

class ArticleTest {
  private static final Instant NOW = Instant.parse("2017-10-30T09:06:12.123456789Z");
  private static final Author AUTHOR = new Author("claire-dumont", "Claire Dumont", "");

  private static Article.Content content(String title, List<Author> authors) {
    return new Article.Content(
        title,
        "",
        BodyFormat.MARKDOWN,
        "Texte",
        new BodyRenderer.Rendered("<p>Texte</p>", 1),
        authors,
        null,
        List.of(),
        null,
        null,
        true,
        null);
  }

  @Test
  void aNewArticleIsADraftAtRevisionOne() {
    Article article = new Article("slug", content("  Titre ", List.of(AUTHOR)), NOW);
    assertEquals(ArticleStatus.DRAFT, article.getStatus());
    assertNull(article.getPublishedAt());
    assertEquals("Titre", article.getTitle());
    assertEquals(1, article.getRevision());
    assertFalse(article.isReadable(NOW));
  }

  @Test
  void publishingNowMakesItReadableAtTheMicrosecond() {
    Article article = new Article("slug", content("Titre", List.of(AUTHOR)), NOW);
    article.publish(NOW, NOW);
    assertEquals(ArticleStatus.PUBLISHED, article.getStatus());
    assertEquals(Instant.parse("2017-10-30T09:06:12.123456Z"), article.getPublishedAt());
    assertTrue(article.isReadable(NOW));
  }

  @Test
  void publishingLaterSchedulesItUntilItsInstant() {
    Article article = new Article("slug", content("Titre", List.of(AUTHOR)), NOW);
    Instant later = NOW.plusSeconds(3600);
    article.publish(later, NOW);
    assertEquals(ArticleStatus.SCHEDULED, article.getStatus());
    assertFalse(article.isReadable(NOW));
    assertTrue(article.isReadable(later));
  }

  @Test
  void onlyReadableArticlesCanBeArchivedAndArchivedOnesStayReadable() {
    Article article = new Article("slug", content("Titre", List.of(AUTHOR)), NOW);
    assertThrows(IllegalStateException.class, () -> article.archive(NOW));
    article.publish(NOW, NOW);
    article.archive(NOW);
    assertEquals(ArticleStatus.ARCHIVED, article.getStatus());
    assertTrue(article.isReadable(NOW));
    article.unpublish(NOW);
    assertFalse(article.isReadable(NOW));
  }

  @Test
  void everyChangeRaisesTheRevision() {
    Article article = new Article("slug", content("Titre", List.of(AUTHOR)), NOW);
    article.revise("autre", content("Autre titre", List.of(AUTHOR)), NOW);
    article.publish(NOW, NOW);
    assertEquals(3, article.getRevision());
    assertEquals("autre", article.getSlug());
  }

  @Test
  void refusesABlankTitleNoAuthorOrAnImageWithoutAlternative() {
    assertThrows(
        IllegalArgumentException.class, () -> new Article("s", content(" ", List.of(AUTHOR)), NOW));
    assertThrows(
        IllegalArgumentException.class, () -> new Article("s", content("T", List.of()), NOW));
    Article.Content imageWithoutAlt =
        new Article.Content(
            "T",
            "",
            BodyFormat.MARKDOWN,
            "",
            new BodyRenderer.Rendered("", 0),
            List.of(AUTHOR),
            null,
            List.of(),
            "https://example.org/i.jpg",
            null,
            true,
            null);
    assertThrows(IllegalArgumentException.class, () -> new Article("s", imageWithoutAlt, NOW));
  }

  @Test
  void aSubmittedDraftIsPendingAndNotReadable() {
    Article article = new Article("slug", content("Titre", List.of(AUTHOR)), NOW);
    article.submit(NOW);
    assertEquals(ArticleStatus.PENDING, article.getStatus());
    assertFalse(article.isReadable(NOW.plusSeconds(3600)));
    assertNull(article.listedFrom());
    assertThrows(IllegalStateException.class, () -> article.submit(NOW), "pending already");
  }

  @Test
  void aTrashedArticleForgetsItsPublicationAndComesBackAsADraft() {
    Article article = new Article("slug", content("Titre", List.of(AUTHOR)), NOW);
    article.publish(NOW, NOW);
    article.trash(NOW);
    assertEquals(ArticleStatus.TRASHED, article.getStatus());
    assertFalse(article.isReadable(NOW));
    assertNull(article.listedFrom());
    assertNull(article.getPublishedAt());
    assertThrows(IllegalStateException.class, () -> article.publish(NOW, NOW));
    article.restore(NOW);
    assertEquals(ArticleStatus.DRAFT, article.getStatus());
    assertThrows(IllegalStateException.class, () -> article.restore(NOW), "not in the bin");
  }

  @Test
  void sectionsNestOneLevelOnly() {
    Section top = new Section("vie-locale", "Vie locale", "", null, 1);
    Section sub = new Section("urbanisme", "Urbanisme", "", top, 2);
    assertThrows(IllegalArgumentException.class, () -> new Section("rues", "Rues", "", sub, 3));
  }
}
