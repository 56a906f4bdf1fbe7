package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.articles.api.ArticleNotFoundException;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.NewArticle;
import org.tribune.comments.api.CommentRejectedException;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentView;
import org.tribune.comments.api.NewComment;

/**
 * The services of both modules on the real WAR and database. Each test makes its own articles, with
 * unique titles, so tests do not depend on each other or on the demo content.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {
  private static final Instant OCT_30_2017 = Instant.parse("2017-10-30T09:06:12.123456Z");

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("tribune.it.war")))
        .addPackage(PersistenceIT.class.getPackage());
  }

  @Inject ArticleService articles;
  @Inject CommentService comments;

  @Resource(lookup = "java:app/jdbc/tribune")
  DataSource dataSource;

  private long publishedArticle(String title, Instant at) {
    long id = articles.createDraft(new NewArticle(title, "Claire Dumont", "Un texte."));
    articles.publish(id, at);
    return id;
  }

  private static String unique(String title) {
    return title + " " + UUID.randomUUID();
  }

  @Test
  void publishedArticlesAreListedNewestFirstAndDraftsNever() {
    Instant now = Instant.now();
    long older =
        publishedArticle(unique("Le conseil municipal vote le budget"), now.minusSeconds(60));
    long newer = publishedArticle(unique("Ouverture d'une piste cyclable"), now.minusSeconds(30));
    long draft = articles.createDraft(new NewArticle(unique("Brouillon"), "Julien Marchand", ""));

    List<Long> listed =
        articles.latestPublished(ArticleService.MAX_PAGE_SIZE).stream()
            .map(ArticleSummary::id)
            .toList();

    assertTrue(listed.indexOf(newer) >= 0 && listed.indexOf(newer) < listed.indexOf(older));
    assertFalse(listed.contains(draft));
    assertEquals(ArticleStatus.DRAFT, articles.find(draft).orElseThrow().status());
    assertFalse(articles.isPublished(draft));
    assertTrue(articles.isPublished(newer));
  }

  @Test
  void articlesPublishedInTheFutureAreNotListedYet() {
    long later = publishedArticle(unique("Annonce du festival"), Instant.now().plusSeconds(3600));
    assertFalse(
        articles.latestPublished(ArticleService.MAX_PAGE_SIZE).stream()
            .anyMatch(a -> a.id() == later));
    assertFalse(articles.isPublished(later));
  }

  @Test
  void titlesGetUniqueSlugsWithAccentsFolded() {
    String title = "Élection à Paris " + UUID.randomUUID().toString().substring(0, 8);
    long first = articles.createDraft(new NewArticle(title, "Claire Dumont", ""));
    long second = articles.createDraft(new NewArticle(title, "Claire Dumont", ""));
    String slug = articles.find(first).orElseThrow().slug();
    assertTrue(slug.startsWith("election-a-paris-"), slug);
    assertEquals(slug + "-2", articles.find(second).orElseThrow().slug());
  }

  @Test
  void instantsSurviveARoundTripExactlyAndAreStoredAsUtcInstants() throws SQLException {
    long id = publishedArticle(unique("Éclipse partielle de Lune"), OCT_30_2017);

    assertEquals(OCT_30_2017, articles.find(id).orElseThrow().publishedAt());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT published_at FROM articles_article WHERE id = ? AND published_at = ?")) {
      select.setLong(1, id);
      // The same instant written with another offset must compare equal in SQL.
      select.setObject(2, OCT_30_2017.atOffset(ZoneOffset.ofHours(2)));
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next(), "the stored value is the instant, whatever the offset");
        assertEquals(OCT_30_2017, row.getObject(1, OffsetDateTime.class).toInstant());
      }
    }
  }

  @Test
  void commentsAreCountedForManyArticlesAtOnce() {
    long discussed =
        publishedArticle(unique("Rénovation de la gare"), Instant.now().minusSeconds(5));
    long quiet = publishedArticle(unique("Horaires d'hiver"), Instant.now().minusSeconds(5));
    long first = comments.post(new NewComment(discussed, "Léa", "Enfin des travaux."));
    long second = comments.post(new NewComment(discussed, "Marc", "Et le parking ?"));
    comments.post(new NewComment(discussed, "Anne", "En attente de modération."));
    comments.approve(first);
    comments.approve(second);

    Map<Long, Long> counts = comments.countApproved(List.of(discussed, quiet));

    assertEquals(Map.of(discussed, 2L, quiet, 0L), counts);
    assertEquals(3, comments.countAll(discussed));
    assertEquals(
        List.of("Enfin des travaux.", "Et le parking ?"),
        comments.approvedFor(discussed).stream().map(CommentView::body).toList());
  }

  @Test
  void deletingAnArticleRemovesItsComments() {
    long article = publishedArticle(unique("Fermeture du pont"), Instant.now().minusSeconds(5));
    comments.approve(comments.post(new NewComment(article, "Léa", "Pour combien de temps ?")));
    comments.post(new NewComment(article, "Marc", "Dommage."));

    articles.delete(article);

    assertTrue(articles.find(article).isEmpty());
    assertEquals(0, comments.countAll(article));
    assertThrows(ArticleNotFoundException.class, () -> articles.delete(article));
  }

  @Test
  void commentsOnUnpublishedArticlesOrTooLongAreRefused() {
    long draft = articles.createDraft(new NewArticle(unique("Brouillon"), "Claire Dumont", ""));
    CommentRejectedException notOpen =
        assertThrows(
            CommentRejectedException.class,
            () -> comments.post(new NewComment(draft, "Léa", "Trop tôt")));
    assertEquals(CommentRejectedException.Reason.ARTICLE_NOT_OPEN, notOpen.reason());

    long open = publishedArticle(unique("Concert au parc"), Instant.now().minusSeconds(5));
    CommentRejectedException tooLong =
        assertThrows(
            CommentRejectedException.class,
            () -> comments.post(new NewComment(open, "Léa", "é".repeat(10_001))));
    assertEquals(CommentRejectedException.Reason.TOO_LONG, tooLong.reason());
    comments.post(new NewComment(open, "Léa", "é".repeat(10_000)));
    assertEquals(1, comments.countAll(open));
  }

  @Test
  void eachModuleOwnsItsFlywayHistory() throws SQLException {
    for (String history : List.of("articles_schema_history", "comments_schema_history")) {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement select =
              connection.prepareStatement(
                  "SELECT COUNT(*) FROM \""
                      + history
                      + "\" WHERE \"version\" = '1' AND \"success\" = TRUE");
          ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        assertEquals(1, row.getInt(1), history);
      }
    }
  }
}
