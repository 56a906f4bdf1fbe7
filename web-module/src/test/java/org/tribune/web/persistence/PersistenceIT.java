package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleNotFoundException;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.ArticleView;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.Page;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.TagService;
import org.tribune.comments.api.CommentRejectedException;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.OwnComments;
import org.tribune.comments.api.Submission;

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
  @Inject AuthorService authors;
  @Inject SectionService sections;
  @Inject TagService tags;
  @Inject CommentService comments;

  @Inject PublishedEvents publishedEvents;

  @Resource(lookup = "java:app/jdbc/tribune")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  private long author() {
    return authors.create("Claire Dumont", "Journaliste.");
  }

  private long draft(String title) {
    return articles.create(ArticleDraft.markdown(title, "Le chapeau.", "Un texte.", author()));
  }

  private long publishedArticle(String title, Instant at) {
    long id = draft(title);
    articles.publish(id, at);
    return id;
  }

  private List<Long> latestIds() {
    return articles.latest(1, ArticleService.MAX_PAGE_SIZE).items().stream()
        .map(ArticleSummary::id)
        .toList();
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
    long draft = draft(unique("Brouillon"));

    List<Long> listed = latestIds();

    assertTrue(listed.indexOf(newer) >= 0 && listed.indexOf(newer) < listed.indexOf(older));
    assertFalse(listed.contains(draft));
    assertEquals(ArticleStatus.DRAFT, articles.find(draft).orElseThrow().status());
    assertFalse(articles.isReadable(draft));
    assertTrue(articles.isReadable(newer));
  }

  @Test
  void scheduledArticlesAppearAtTheirInstantAndArePublishedOnce() throws Exception {
    long later = publishedArticle(unique("Annonce du festival"), Instant.now().plusSeconds(3600));
    assertEquals(ArticleStatus.SCHEDULED, articles.find(later).orElseThrow().status());
    assertFalse(latestIds().contains(later));
    assertFalse(articles.isReadable(later));

    long soon = publishedArticle(unique("Marché de Noël"), Instant.now().plusSeconds(2));
    assertFalse(latestIds().contains(soon));
    Thread.sleep(2_500);
    assertTrue(latestIds().contains(soon), "visible at its instant, whether or not the job ran");

    // Several callers at once (as several nodes would): the article is published once.
    List<Future<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(executor.submit(() -> articles.publishDueArticles()));
    }
    for (Future<Integer> call : calls) {
      call.get(30, TimeUnit.SECONDS);
    }
    assertEquals(ArticleStatus.PUBLISHED, articles.find(soon).orElseThrow().status());
    assertEquals(1, publishedEvents.count(soon));
  }

  @Test
  void changingTheSlugKeepsTheOldOneAsARedirect() {
    String title = unique("Le pont rouvre");
    long id = publishedArticle(title, Instant.now().minusSeconds(5));
    String first = articles.find(id).orElseThrow().slug();
    ArticleDraft draft =
        ArticleDraft.markdown(
            title, "", "Texte", articles.find(id).orElseThrow().authors().get(0).id());
    articles.update(id, draft.withSlug(first + "-travaux-finis"));

    assertTrue(articles.findReadable(first).isEmpty());
    assertEquals(Optional.of(first + "-travaux-finis"), articles.currentSlug(first));
    assertTrue(articles.findReadable(first + "-travaux-finis").isPresent());
    long other = draft(unique("Autre"));
    assertThrows(
        Exception.class,
        () ->
            articles.update(
                other, ArticleDraft.markdown("Autre", "", "", author()).withSlug(first)),
        "a former slug stays reserved for its article");
  }

  @Test
  void archivedArticlesLeaveTheListsButStayReadable() {
    long id = publishedArticle(unique("Résultats du concours"), Instant.now().minusSeconds(60));
    articles.archive(id);
    assertFalse(latestIds().contains(id));
    String slug = articles.find(id).orElseThrow().slug();
    assertTrue(articles.findReadable(slug).isPresent());
    Instant at = articles.find(id).orElseThrow().publishedAt();
    assertTrue(
        articles.publishedBetween(at.minusSeconds(1), at.plusSeconds(1), 1, 100).items().stream()
            .anyMatch(a -> a.id() == id));
  }

  @Test
  void sectionPagesIncludeSubSectionsAndTagAndAuthorPagesFilter() {
    long top = sections.create(unique("Vie locale"), "", null);
    long sub = sections.create(unique("Urbanisme"), "", top);
    long tag = tags.findOrCreate(unique("mobilité"), "");
    long writer = author();
    long inSub =
        articles.create(
            ArticleDraft.markdown(unique("Nouvelle piste"), "", "Texte", writer)
                .withSection(sub)
                .withTags(List.of(tag)));
    articles.publish(inSub, Instant.now().minusSeconds(5));
    long elsewhere = publishedArticle(unique("Ailleurs"), Instant.now().minusSeconds(5));

    assertEquals(List.of(inSub), ids(articles.inSection(top, 1, 10)));
    assertEquals(List.of(inSub), ids(articles.inSection(sub, 1, 10)));
    assertEquals(List.of(inSub), ids(articles.withTag(tag, 1, 10)));
    assertEquals(List.of(inSub), ids(articles.byAuthor(writer, 1, 10)));
    assertFalse(ids(articles.inSection(top, 1, 10)).contains(elsewhere));
    assertThrows(Exception.class, () -> sections.create("Trop profond", "", sub));

    ArticleView view =
        articles.findReadable(articles.find(inSub).orElseThrow().slug()).orElseThrow();
    assertEquals(top, view.sectionParent().id());
    assertEquals(tag, view.tags().get(0).id());
  }

  @Test
  void pagesSayHowManyThereAre() {
    long writer = author();
    for (int i = 0; i < 3; i++) {
      articles.publish(
          articles.create(ArticleDraft.markdown(unique("Brève " + i), "", "", writer)),
          Instant.now().minusSeconds(10 - i));
    }
    Page<ArticleSummary> second = articles.byAuthor(writer, 2, 2);
    assertEquals(3, second.total());
    assertEquals(2, second.totalPages());
    assertEquals(1, second.items().size());
    assertTrue(second.hasPrevious());
    assertFalse(second.hasNext());
    assertTrue(articles.byAuthor(writer, 50, 2).isEmpty());
  }

  private static List<Long> ids(Page<ArticleSummary> page) {
    return page.items().stream().map(ArticleSummary::id).toList();
  }

  /** A word no other article has: letters and digits only, so search sees one word. */
  private static String word() {
    return "mot" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private long published(ArticleDraft draft, Instant at) {
    long id = articles.create(draft);
    articles.publish(id, at);
    return id;
  }

  @Test
  void searchFoldsAccentsCaseAndPlurals() {
    String word = word();
    long id =
        published(
            ArticleDraft.markdown("Élections municipales " + word, "", "Un texte.", author()),
            Instant.now().minusSeconds(5));

    for (String query :
        List.of(
            "elections " + word,
            "ÉLECTION " + word.toUpperCase(java.util.Locale.ROOT),
            "Municipale, " + word + " !",
            word + "s")) {
      assertEquals(List.of(id), ids(articles.search(query, 1, 10)), query);
    }
    assertEquals(List.of(), ids(articles.search("referendum " + word, 1, 10)));
  }

  @Test
  void searchRanksTitleThenStandfirstThenBodyMatchesWhateverTheirDates() {
    String word = word();
    long writer = author();
    Instant now = Instant.now();
    long inTitle =
        published(
            ArticleDraft.markdown("Le " + word + " au conseil", "", "Un texte.", writer),
            now.minusSeconds(300));
    long inStandfirst =
        published(
            ArticleDraft.markdown(unique("Conseil"), "Il y a un " + word + ".", "Texte.", writer),
            now.minusSeconds(200));
    long inBody =
        published(
            ArticleDraft.markdown(unique("Conseil"), "", "Le corps parle du " + word + ".", writer),
            now.minusSeconds(100));

    Page<ArticleSummary> found = articles.search(word, 1, 10);

    assertEquals(List.of(inTitle, inStandfirst, inBody), ids(found));
    assertEquals(3, found.total());
  }

  @Test
  void searchPagesThroughAllMatches() {
    String word = word();
    long writer = author();
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(
          published(
              ArticleDraft.markdown(unique("Brève"), "", "Texte " + word, writer),
              Instant.now().minusSeconds(60 - i)));
    }

    Page<ArticleSummary> first = articles.search(word, 1, 2);
    Page<ArticleSummary> second = articles.search(word, 2, 2);
    Page<ArticleSummary> third = articles.search(word, 3, 2);

    assertEquals(5, first.total());
    assertEquals(3, first.totalPages());
    assertEquals(
        List.of(2, 2, 1),
        List.of(first.items().size(), second.items().size(), third.items().size()));
    List<Long> all = new ArrayList<>(ids(first));
    all.addAll(ids(second));
    all.addAll(ids(third));
    assertEquals(
        created.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
        all.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
        "every match once, on some page");
    assertEquals(
        List.of(created.get(4), created.get(3)), ids(first), "equal weights: newest first");
    Page<ArticleSummary> pastTheEnd = articles.search(word, 4, 2);
    assertTrue(pastTheEnd.isEmpty());
    assertEquals(5, pastTheEnd.total(), "a page past the end still says how many there are");
  }

  @Test
  void searchFindsOnlyListedArticlesAndFollowsChanges() {
    String word = word();
    long writer = author();
    long draft = articles.create(ArticleDraft.markdown(unique("Brouillon"), "", word, writer));
    long scheduled =
        published(
            ArticleDraft.markdown(unique("Plus tard"), "", word, writer),
            Instant.now().plusSeconds(3600));
    long archived =
        published(
            ArticleDraft.markdown(unique("Ancien"), "", word, writer),
            Instant.now().minusSeconds(9));
    articles.archive(archived);
    long listed =
        published(
            ArticleDraft.markdown(unique("Visible"), "", word, writer),
            Instant.now().minusSeconds(5));

    assertEquals(List.of(listed), ids(articles.search(word, 1, 10)));
    assertFalse(ids(articles.search(word, 1, 10)).contains(draft));
    assertFalse(ids(articles.search(word, 1, 10)).contains(scheduled));

    String other = word();
    articles.update(listed, ArticleDraft.markdown(unique("Visible"), "", other, writer));
    assertEquals(List.of(), ids(articles.search(word, 1, 10)), "the old words are forgotten");
    assertEquals(List.of(listed), ids(articles.search(other, 1, 10)));

    articles.delete(listed);
    assertEquals(List.of(), ids(articles.search(other, 1, 10)));
  }

  @Test
  void searchTreatsHostileQueriesAsPlainWords() {
    String word = word();
    long id =
        published(
            ArticleDraft.markdown(unique("Cible"), "", "Texte " + word, author()),
            Instant.now().minusSeconds(5));
    List<String> hostile =
        List.of(
            "%",
            "_",
            "%%",
            word.substring(0, 6) + "%",
            word.substring(0, 6) + "_" + word.substring(7),
            "'",
            "\"",
            "' OR '1'='1",
            "'; DROP TABLE articles_search_term; --",
            "\u0000\u0007" + word,
            "\\" + word,
            "é".repeat(10_000),
            (word + " ").repeat(2_000),
            String.join(" ", java.util.Collections.nCopies(200, "x" + word)));
    for (String query : hostile) {
      Page<ArticleSummary> page = articles.search(query, 1, 10);
      assertTrue(page.total() >= 0, query);
    }
    assertEquals(List.of(), ids(articles.search(word.substring(0, 6) + "%", 1, 10)), "no wildcard");
    assertEquals(List.of(id), ids(articles.search("\u0000\u0007" + word, 1, 10)));
    assertEquals(List.of(id), ids(articles.search((word + " ").repeat(2_000), 1, 10)));
    assertTrue(articles.search("le la de ?", 1, 10).isEmpty());
  }

  @Test
  void titlesGetUniqueSlugsWithAccentsFolded() {
    String title = "Élection à Paris " + UUID.randomUUID().toString().substring(0, 8);
    long first = draft(title);
    long second = draft(title);
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

  /** Posts a comment from an address of its own (no rate limit); returns its id. */
  private long comment(long articleId, String name, String body) {
    return comments
        .post(
            new NewComment(articleId, null, name, "lecteur@example.org", null, body, false),
            new Submission("persistence-" + UUID.randomUUID(), null, Duration.ofSeconds(30), false))
        .commentId();
  }

  @Test
  void commentsAreCountedForManyArticlesAtOnce() {
    long discussed =
        publishedArticle(unique("Rénovation de la gare"), Instant.now().minusSeconds(5));
    long quiet = publishedArticle(unique("Horaires d'hiver"), Instant.now().minusSeconds(5));
    long first = comment(discussed, "Léa", "Enfin des travaux.");
    long second = comment(discussed, "Marc", "Et le parking ?");
    comment(discussed, "Anne", "En attente de modération.");
    comments.moderate(first, CommentStatus.APPROVED);
    comments.moderate(second, CommentStatus.APPROVED);

    Map<Long, Long> counts = comments.countApproved(List.of(discussed, quiet));

    assertEquals(Map.of(discussed, 2L, quiet, 0L), counts);
    assertEquals(3, comments.countAll(discussed));
    assertEquals(
        List.of("Enfin des travaux.", "Et le parking ?"),
        comments.discussion(discussed, CommentSort.OLDEST, 1, OwnComments.NONE).threads().stream()
            .map(thread -> thread.comment().body())
            .toList());
  }

  @Test
  void deletingAnArticleRemovesItsComments() {
    long article = publishedArticle(unique("Fermeture du pont"), Instant.now().minusSeconds(5));
    comments.moderate(comment(article, "Léa", "Pour combien de temps ?"), CommentStatus.APPROVED);
    comment(article, "Marc", "Dommage.");

    articles.delete(article);

    assertTrue(articles.find(article).isEmpty());
    assertEquals(0, comments.countAll(article));
    assertThrows(ArticleNotFoundException.class, () -> articles.delete(article));
  }

  @Test
  void commentsOnUnpublishedArticlesOrTooLongAreRefused() {
    long draft = draft(unique("Brouillon"));
    CommentRejectedException notOpen =
        assertThrows(CommentRejectedException.class, () -> comment(draft, "Léa", "Trop tôt"));
    assertEquals(CommentRejectedException.Reason.ARTICLE_NOT_FOUND, notOpen.reason());

    long open = publishedArticle(unique("Concert au parc"), Instant.now().minusSeconds(5));
    CommentRejectedException tooLong =
        assertThrows(
            CommentRejectedException.class, () -> comment(open, "Léa", "é".repeat(10_001)));
    assertEquals(CommentRejectedException.Reason.BODY_TOO_LONG, tooLong.reason());
    comment(open, "Léa", "é".repeat(10_000));
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
