package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleNotFoundException;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.ArticleView;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.FrontPageService;
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
 * The services of both modules on the real WAR and database, the SQL that list pages cost, and the
 * redirects of former slugs, in one class so that they share one deployment (one Payara Micro
 * start) and one database. Each test makes its own articles, with unique titles, so tests do not
 * depend on each other or on the demo content.
 *
 * <p>Three groups, each under its own header with the description of the class it came from and its
 * tests in their former order: the services (this class before), list pages' statements (formerly
 * {@code ListQueriesIT}) and former slugs over HTTP (formerly {@code FormerSlugIT}, whose tests run
 * as a client).
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
  @Inject FrontPageService frontPage;

  @Inject PublishedEvents publishedEvents;

  @Resource(lookup = "java:app/jdbc/tribune")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  // ===============================================================================================
  // The services of both modules (PersistenceIT)
  // ===============================================================================================

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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String unique(String title) {
    return title + " " + UUID.randomUUID();
  }

  @Test
  void theFrontPageShowsPublishedFeaturedArticlesInTheirOrderUntilTheirEnd() {
    Instant now = Instant.now();
    long lead = publishedArticle(unique("À la une, en tête"), now.minusSeconds(3600));
    long second = publishedArticle(unique("À la une, deuxième"), now.minusSeconds(60));
    long ended = publishedArticle(unique("À la une, terminée"), now.minusSeconds(120));
    long draft = draft(unique("À la une, brouillon"));
    long deleted = publishedArticle(unique("À la une, supprimée"), now.minusSeconds(30));
    frontPage.feature(second, 2, null);
    frontPage.feature(lead, 1, now.plus(Duration.ofDays(1)));
    frontPage.feature(ended, 1, now.plusMillis(300));
    frontPage.feature(draft, 1, null);
    frontPage.feature(deleted, 1, null);
    articles.delete(deleted);
    List<Long> mine = List.of(lead, second, ended, draft, deleted);
    sleep(Duration.ofMillis(500)); // the "terminée" article's end passes
    List<Long> shown =
        frontPage.featured(50).stream().map(ArticleSummary::id).filter(mine::contains).toList();
    assertAll(
        () ->
            assertEquals(
                List.of(lead, second), shown, "position, the ended and the draft left out"),
        () -> assertEquals(2, frontPage.place(second).orElseThrow().position()),
        () -> assertTrue(frontPage.place(draft).isPresent(), "placed, shown once published"),
        () -> assertTrue(frontPage.place(deleted).isEmpty(), "a deleted article leaves the page"),
        () ->
            assertThrows(
                ArticleNotFoundException.class, () -> frontPage.feature(Long.MAX_VALUE, 1, null)));
    frontPage.feature(second, 1, null);
    frontPage.unfeature(lead);
    assertEquals(
        List.of(second),
        frontPage.featured(50).stream().map(ArticleSummary::id).filter(mine::contains).toList(),
        "moved up, and the lead taken off");
    mine.forEach(frontPage::unfeature);
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

  // ===============================================================================================
  // List pages' statements (formerly ListQueriesIT)
  //
  // List pages cost the same number of SQL statements whatever the number of articles they show: no
  // query per article (its authors, section, comment count). The pages are fetched over HTTP from
  // the deployment itself, and StatementCounter records what the connection pool runs for each.
  // Every article gets its own co-author, sub-section, tag and comment, so that nothing a list
  // shows
  // can come from what an earlier article loaded.
  // ===============================================================================================

  private static final int FULL_PAGE = 12;

  /** The request of the Arquillian call running this test: it says where the site answers. */
  @Inject HttpServletRequest request;

  @Test
  void anAuthorPageRunsAsManyStatementsForTwelveArticlesAsForTwo() throws Exception {
    long few = authors.create(unique("Claire Dumont"), "Journaliste.");
    long many = authors.create(unique("Julien Marchand"), "Journaliste.");
    publish(2, i -> draft(i, few));
    publish(FULL_PAGE, i -> draft(i, many));

    assertSameCost(
        "/authors/" + authors.find(few).orElseThrow().slug(),
        "/authors/" + authors.find(many).orElseThrow().slug());
  }

  @Test
  void aSectionPageRunsAsManyStatementsForTwelveArticlesAsForTwo() throws Exception {
    long few = sections.create(unique("Vie locale"), "", null);
    long many = sections.create(unique("Sciences"), "", null);
    long writer = authors.create(unique("Claire Dumont"), "");
    publish(2, i -> draft(i, writer).withSection(subSection(few, i)));
    publish(FULL_PAGE, i -> draft(i, writer).withSection(subSection(many, i)));

    assertSameCost(
        "/sections/" + sectionSlug(few) + "?page=1", "/sections/" + sectionSlug(many) + "?page=1");
  }

  @Test
  void aTagPageRunsAsManyStatementsForTwelveArticlesAsForOne() throws Exception {
    long few = tags.findOrCreate(unique("sorties"), "");
    long many = tags.findOrCreate(unique("mobilité"), "");
    long writer = authors.create(unique("Claire Dumont"), "");
    List<Long> fewArticles =
        publish(1, i -> draft(i, writer).withTags(List.of(few, tagOfItsOwn(i))));
    List<Long> manyArticles =
        publish(FULL_PAGE, i -> draft(i, writer).withTags(List.of(many, tagOfItsOwn(i))));

    assertSameCost(
        "/tags/" + tagSlug(few, fewArticles.get(0)), "/tags/" + tagSlug(many, manyArticles.get(0)));
  }

  @Test
  void anArchivePageRunsAsManyStatementsForTwelveArticlesAsForTwo() throws Exception {
    // Months of their own, far in the past: no other test publishes there.
    ZonedDateTime quiet = ZonedDateTime.of(1961, 3, 10, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));
    ZonedDateTime busy = quiet.plusMonths(1);
    long writer = authors.create(unique("Julien Marchand"), "");
    publishAt(2, quiet.toInstant(), i -> draft(i, writer));
    publishAt(FULL_PAGE, busy.toInstant(), i -> draft(i, writer));

    assertSameCost("/archives/1961/03", "/archives/1961/04");
  }

  @Test
  void theHomePageRunsAsManyStatementsForTwelveArticlesAsForOne() throws Exception {
    long writer = authors.create(unique("Claire Dumont"), "");
    // A full first page, and exactly one article on the last page.
    int wanted = FULL_PAGE + 1;
    long listed = articles.latest(1, FULL_PAGE).total();
    int missing = (int) ((wanted - listed % FULL_PAGE) % FULL_PAGE);
    publish(listed < wanted ? (int) (wanted - listed) : missing, i -> draft(i, writer));
    long total = articles.latest(1, FULL_PAGE).total();
    int lastPage = (int) ((total + FULL_PAGE - 1) / FULL_PAGE);
    assertEquals(1, total % FULL_PAGE, "the last home page should hold exactly one article");

    // Warm only: the older articles of the last page were loaded by earlier tests, or not. The
    // first page alone asks for the articles « À la une »: one statement, whatever the list holds.
    List<String> first =
        cost("/").warm().stream().filter(sql -> !sql.contains("articles_featured")).toList();
    Cost last = cost("/?page=" + lastPage);
    assertEquals(first.size(), last.warm().size(), () -> explain("/", first, last.warm()));
  }

  /** Cold (first visit, nothing cached yet) and warm (second visit) costs must both match. */
  private void assertSameCost(String fewPath, String manyPath) throws Exception {
    Cost few = cost(fewPath);
    Cost many = cost(manyPath);
    assertFalse(few.cold().isEmpty(), "no statement recorded: is the trace listener installed?");
    assertEquals(
        few.cold().size(), many.cold().size(), () -> explain(manyPath, few.cold(), many.cold()));
    assertEquals(
        few.warm().size(), many.warm().size(), () -> explain(manyPath, few.warm(), many.warm()));
  }

  private record Cost(List<String> cold, List<String> warm) {}

  private Cost cost(String path) throws Exception {
    return new Cost(statements(path), statements(path));
  }

  private List<String> statements(String path) throws IOException, InterruptedException {
    return CountedRequests.statements(request, path);
  }

  private static String explain(String path, List<String> few, List<String> many) {
    return path
        + " runs "
        + many.size()
        + " statements where the shorter list runs "
        + few.size()
        + ".\nShorter list:\n  "
        + String.join("\n  ", few)
        + "\nLonger list:\n  "
        + String.join("\n  ", many);
  }

  private List<Long> publish(int count, IntFunction<ArticleDraft> drafts) {
    return publishAt(count, Instant.now().minusSeconds(60), drafts);
  }

  private List<Long> publishAt(int count, Instant at, IntFunction<ArticleDraft> drafts) {
    List<Long> ids = new ArrayList<>();
    IntStream.range(0, count).forEach(i -> ids.add(articles.create(drafts.apply(i))));
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i);
      articles.publish(id, at.plusSeconds(i));
      if (i % 2 == 0) {
        long comment =
            comments
                .post(
                    new NewComment(
                        id, null, "Léa", "lea@example.org", null, "Merci pour cet article.", false),
                    new Submission(
                        "list-" + UUID.randomUUID(), null, Duration.ofSeconds(30), false))
                .commentId();
        comments.moderate(comment, CommentStatus.APPROVED);
      }
    }
    return ids;
  }

  /** An article by {@code writer} and a co-author of its own, in a section of its own. */
  private ArticleDraft draft(int i, long writer) {
    long coAuthor = authors.create(unique("Co-autrice " + i), "");
    long section = sections.create(unique("Rubrique " + i), "", null);
    return new ArticleDraft(
        unique("Article " + i),
        null,
        "Le chapeau.",
        BodyFormat.MARKDOWN,
        "Un texte.",
        List.of(writer, coAuthor),
        section,
        List.of(tagOfItsOwn(i)),
        null,
        null,
        true);
  }

  private long subSection(long parent, int i) {
    return sections.create(unique("Sous-rubrique " + i), "", parent);
  }

  private long tagOfItsOwn(int i) {
    return tags.findOrCreate(unique("mot " + i), "");
  }

  private String sectionSlug(long id) {
    return sections.topSections().stream()
        .filter(s -> s.id() == id)
        .findFirst()
        .orElseThrow()
        .slug();
  }

  /** The slug of a tag, as the page of an article that has it shows it. */
  private String tagSlug(long tag, long articleId) {
    String slug = articles.find(articleId).orElseThrow().slug();
    return articles.findReadable(slug).orElseThrow().tags().stream()
        .filter(t -> t.id() == tag)
        .findFirst()
        .orElseThrow()
        .slug();
  }

  // ===============================================================================================
  // Former slugs over HTTP (formerly FormerSlugIT)
  //
  // A renamed article answers at its former addresses with a permanent redirect to the current one,
  // over real HTTP; a former address of an article that is no longer readable is a plain 404.
  // These tests run as a client (@RunAsClient on each), as the whole class FormerSlugIT did.
  // ===============================================================================================

  @ArquillianResource URL deployed;

  /** The former-slug tests' client: it follows no redirect. */
  private final HttpClient noRedirects =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final Map<String, String> slugs = new HashMap<>();

  /**
   * Has the deployment write a fresh set of renamed articles ({@link FormerSlugSeeding}) before
   * each former-slug test: only before the tests that run as a client, which are these; the others
   * run in the container and need none.
   */
  @BeforeEach
  void seed(TestInfo test) throws Exception {
    if (!test.getTestMethod().orElseThrow().isAnnotationPresent(RunAsClient.class)) {
      return;
    }
    HttpResponse<String> seeded =
        noRedirects.send(
            HttpRequest.newBuilder(deployed.toURI().resolve("test-seed/former-slug"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, seeded.statusCode(), seeded.body());
    seeded.body().lines().map(l -> l.split("\t")).forEach(p -> slugs.put(p[0], p[1]));
  }

  @Test
  @RunAsClient
  void everyFormerSlugRedirectsPermanentlyToTheCurrentOne() throws Exception {
    String current = "articles/" + slugs.get("current");
    for (String former : new String[] {"first", "second"}) {
      HttpResponse<String> response = get("articles/" + slugs.get(former));
      assertEquals(301, response.statusCode(), former);
      assertEquals(
          deployed.getPath() + current,
          URI.create(response.headers().firstValue("Location").orElseThrow()).getPath(),
          former);
    }
    assertEquals(200, get(current).statusCode());
  }

  @Test
  @RunAsClient
  void aFormerSlugOfAnArticleNoLongerReadableIsNotFound() throws Exception {
    assertEquals(404, get("articles/" + slugs.get("draft-former")).statusCode());
    assertEquals(404, get("articles/" + slugs.get("draft-current")).statusCode());
  }

  /** GET a path relative to the application's root, without following redirects. */
  private HttpResponse<String> get(String path) throws Exception {
    return noRedirects.send(
        HttpRequest.newBuilder(deployed.toURI().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
