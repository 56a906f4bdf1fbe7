package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolationException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
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
import org.tribune.articles.api.ArticleEdit;
import org.tribune.articles.api.ArticleFilter;
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.ArticleOrder;
import org.tribune.articles.api.ArticleRow;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.ArticleView;
import org.tribune.articles.api.AuthorRef;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.AuthorUsage;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.ConcurrentEditException;
import org.tribune.articles.api.DemoContentService;
import org.tribune.articles.api.DemoContentStatus;
import org.tribune.articles.api.DiffLine;
import org.tribune.articles.api.EditorialService;
import org.tribune.articles.api.InUseException;
import org.tribune.articles.api.MediaDescription;
import org.tribune.articles.api.MediaFile;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRendition;
import org.tribune.articles.api.MediaService;
import org.tribune.articles.api.MediaUse;
import org.tribune.articles.api.Page;
import org.tribune.articles.api.PageOptions;
import org.tribune.articles.api.PagePlacementException;
import org.tribune.articles.api.PageRef;
import org.tribune.articles.api.RevisionContent;
import org.tribune.articles.api.RevisionInfo;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.SectionUsage;
import org.tribune.articles.api.SlugTakenException;
import org.tribune.articles.api.TagRef;
import org.tribune.articles.api.TagService;
import org.tribune.articles.api.TagUsage;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.Submission;
import org.tribune.web.site.SiteAddresses;

/**
 * The editorial API the console is built on ({@link EditorialService} and the management of
 * sections, tags and authors), on the real WAR and database. Each test makes its own authors,
 * sections and articles, with unique names, and filters the lists down to them.
 */
@ExtendWith(ArquillianExtension.class)
class EditorialIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("tribune.it.war")))
        .addPackage(EditorialIT.class.getPackage());
  }

  @Inject EditorialService editorial;
  @Inject ArticleService articles;
  @Inject AuthorService authors;
  @Inject SectionService sections;
  @Inject TagService tags;
  @Inject CommentService comments;

  @Inject DemoContentService demoContent;

  @Resource ManagedExecutorService executor;

  @Resource(lookup = "java:comp/UserTransaction")
  UserTransaction transaction;

  @Resource(lookup = "java:app/jdbc/tribune")
  DataSource database;

  private static String unique(String text) {
    return text + " " + UUID.randomUUID();
  }

  /** A word of letters only, found in no other test's titles. */
  private static String word() {
    StringBuilder word = new StringBuilder();
    for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
      word.append((char) ('a' + Character.digit(c, 16)));
    }
    return word.toString();
  }

  private long author() {
    return authors.create(unique("Claire Dumont"), "Journaliste.");
  }

  private ArticleDraft draft(String title, long... writers) {
    List<Long> ids = new ArrayList<>();
    for (long writer : writers) {
      ids.add(writer);
    }
    return new ArticleDraft(
        title,
        null,
        "Le chapeau.",
        BodyFormat.MARKDOWN,
        "Un texte.",
        ids,
        null,
        List.of(),
        null,
        null,
        true);
  }

  private ArticleEdit edit(long id) {
    return editorial.forEditing(id).orElseThrow();
  }

  private static List<Long> ids(Page<ArticleRow> page) {
    return page.items().stream().map(ArticleRow::id).toList();
  }

  private List<Long> inSection(long section, ArticleStatus status, ArticleOrder order) {
    return ids(
        editorial.list(ArticleFilter.all().withSection(section).withStatus(status), order, 1, 100));
  }

  // --- The list -------------------------------------------------------------------------------

  @Test
  void theListShowsBylinesAndSectionsNewestChangeFirstAndKeepsTheBinApart() throws Exception {
    long section = sections.create(unique("Vie locale"), "", null);
    long first = author();
    long second = author();
    long older = editorial.create(draft(unique("Ancien"), first).withSection(section), "Alice");
    Thread.sleep(5);
    long newer =
        editorial.create(draft(unique("Récent"), second, first).withSection(section), "Alice");
    Thread.sleep(5);
    long trashed = editorial.create(draft(unique("Jeté"), first).withSection(section), "Alice");
    editorial.trash(trashed);

    Page<ArticleRow> page =
        editorial.list(ArticleFilter.all().withSection(section), ArticleOrder.UPDATED_DESC, 1, 10);

    assertEquals(List.of(newer, older), ids(page));
    assertEquals(2, page.total());
    ArticleRow row = page.items().get(0);
    assertEquals(List.of(second, first), row.authors().stream().map(AuthorRef::id).toList());
    assertEquals(section, row.section().id());
    assertEquals(ArticleStatus.DRAFT, row.status());
    assertEquals(edit(newer).version(), row.version());
    assertEquals(
        List.of(older, newer), inSection(section, null, ArticleOrder.UPDATED_ASC), "oldest first");
    assertEquals(
        List.of(trashed), inSection(section, ArticleStatus.TRASHED, ArticleOrder.UPDATED_DESC));
  }

  @Test
  void theListFiltersByStatusAuthorAndTitleWithWildcardsTakenLiterally() {
    long section = sections.create(unique("Sciences"), "", null);
    long writer = author();
    long other = author();
    String word = word();
    long percent =
        editorial.create(draft("100% sûr " + word, writer).withSection(section), "Alice");
    long hundred =
        editorial.create(draft("100 fois " + word, writer).withSection(section), "Alice");
    long underscore = editorial.create(draft("a_b " + word, other).withSection(section), "Alice");
    long plain = editorial.create(draft("axb " + word, other).withSection(section), "Alice");
    editorial.submit(plain, edit(plain).version());

    ArticleFilter mine = ArticleFilter.all().withSection(section);
    assertEquals(List.of(percent), list(mine.withText("100%")));
    assertEquals(List.of(underscore), list(mine.withText("A_B " + word.toUpperCase())));
    assertEquals(4, list(mine.withText("  " + word + " ")).size(), "any case, blanks ignored");
    assertEquals(4, list(mine.withText("  ")).size(), "blank: any title");
    assertEquals(List.of(percent), list(mine.withText("%")), "a percent sign, not a wildcard");
    assertEquals(List.of(plain, underscore), list(mine.withAuthor(other)));
    assertEquals(List.of(hundred, percent), list(mine.withAuthor(writer)));
    assertEquals(List.of(plain), list(mine.withStatus(ArticleStatus.PENDING)));
    assertEquals(
        List.of(underscore, hundred, percent),
        list(mine.withStatus(ArticleStatus.DRAFT)),
        "one status, newest change first");
  }

  private List<Long> list(ArticleFilter filter) {
    return ids(editorial.list(filter, ArticleOrder.UPDATED_DESC, 1, 100));
  }

  @Test
  void theListOrdersByTitleOrPublicationWithNeverPublishedArticlesLast() {
    long section = sections.create(unique("Culture"), "", null);
    long writer = author();
    long b = editorial.create(draft("beta " + word(), writer).withSection(section), "Alice");
    long a = editorial.create(draft("Alpha " + word(), writer).withSection(section), "Alice");
    long c = editorial.create(draft("gamma " + word(), writer).withSection(section), "Alice");
    articles.publish(b, Instant.now().minusSeconds(60));
    articles.publish(c, Instant.now().minusSeconds(30));

    assertEquals(List.of(a, b, c), inSection(section, null, ArticleOrder.TITLE_ASC));
    assertEquals(List.of(c, b, a), inSection(section, null, ArticleOrder.TITLE_DESC));
    assertEquals(List.of(c, b, a), inSection(section, null, ArticleOrder.PUBLISHED_DESC));
    assertEquals(List.of(b, c, a), inSection(section, null, ArticleOrder.PUBLISHED_ASC));
  }

  @Test
  void theListPagesThroughAllRowsAndCountsWithTheSameFilter() {
    long section = sections.create(unique("Sport"), "", null);
    long writer = author();
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(editorial.create(draft(unique("Brève " + i), writer).withSection(section), "A"));
    }
    ArticleFilter filter = ArticleFilter.all().withSection(section);

    Page<ArticleRow> first = editorial.list(filter, ArticleOrder.TITLE_ASC, 1, 2);
    Page<ArticleRow> third = editorial.list(filter, ArticleOrder.TITLE_ASC, 3, 2);
    Page<ArticleRow> past = editorial.list(filter, ArticleOrder.TITLE_ASC, 4, 2);

    assertEquals(5, first.total());
    assertEquals(created.subList(0, 2), ids(first));
    assertEquals(created.subList(4, 5), ids(third));
    assertTrue(past.isEmpty());
    assertEquals(5, past.total());
    assertThrows(
        ConstraintViolationException.class,
        () -> editorial.list(filter, ArticleOrder.TITLE_ASC, 1, 101));
    assertThrows(
        ConstraintViolationException.class,
        () -> editorial.list(filter, ArticleOrder.TITLE_ASC, 0, 10));
  }

  @Test
  void aPageOfTheListRunsAsManyStatementsForTwelveRowsAsForTwoAndReadsNoBody() {
    String few = word();
    String many = word();
    long section = sections.create(unique("Peu"), "", null);
    for (int i = 0; i < 2; i++) {
      editorial.create(draft(few + " " + i, author()).withSection(section), "Alice");
    }
    long top = sections.create(unique("Beaucoup"), "", null);
    for (int i = 0; i < 12; i++) {
      // Each article its own authors and section: nothing comes from what an earlier row loaded.
      long sub = sections.create(unique("Sous-section"), "", top);
      editorial.create(draft(many + " " + i, author(), author()).withSection(sub), "Alice");
    }

    List<String> fewStatements = statements(ArticleFilter.all().withText(few), 2);
    List<String> manyStatements = statements(ArticleFilter.all().withText(many), 12);

    assertFalse(fewStatements.isEmpty(), "the statements are recorded");
    assertEquals(fewStatements.size(), manyStatements.size(), String.join("\n", manyStatements));
    assertTrue(manyStatements.size() <= 4, String.join("\n", manyStatements));
    for (String sql : manyStatements) {
      assertFalse(sql.toLowerCase().matches("(?s).*\\bbody(_html)?\\b.*"), sql);
    }
  }

  /** The statements of one page of the list, which must hold {@code expected} rows. */
  private List<String> statements(ArticleFilter filter, int expected) {
    String mark = "editorial-" + UUID.randomUUID();
    StatementCounter.begin(mark);
    Page<ArticleRow> page;
    try {
      page = editorial.list(filter, ArticleOrder.UPDATED_DESC, 1, 20);
    } finally {
      StatementCounter.end();
    }
    assertEquals(expected, page.items().size());
    assertTrue(page.items().stream().allMatch(r -> r.section() != null && !r.authors().isEmpty()));
    return StatementCounter.statements(mark);
  }

  @Test
  void everyStatusIsCountedAndNewArticlesAddToTheirs() {
    Map<ArticleStatus, Long> before = editorial.countByStatus(false);
    long writer = author();
    long pending = editorial.create(draft(unique("En attente"), writer), "Alice");
    editorial.submit(pending, edit(pending).version());
    editorial.trash(editorial.create(draft(unique("Jeté"), writer), "Alice"));

    Map<ArticleStatus, Long> after = editorial.countByStatus(false);

    assertEquals(List.of(ArticleStatus.values()), List.copyOf(after.keySet()));
    assertEquals(before.get(ArticleStatus.PENDING) + 1, after.get(ArticleStatus.PENDING));
    assertEquals(before.get(ArticleStatus.TRASHED) + 1, after.get(ArticleStatus.TRASHED));
    assertEquals(before.get(ArticleStatus.DRAFT), after.get(ArticleStatus.DRAFT));
  }

  // --- Editing, optimistic locking ------------------------------------------------------------

  @Test
  void anArticleOpensForEditingWithItsContentVersionAndFormerSlugs() {
    long writer = author();
    long id = editorial.create(draft(unique("Le pont"), writer), "Alice");
    ArticleEdit opened = edit(id);
    String first = opened.draft().slug();

    long version =
        editorial.save(id, opened.version(), opened.draft().withSlug(first + "-rouvre"), "Bob");

    ArticleEdit again = edit(id);
    assertEquals(version, again.version());
    assertNotEquals(opened.version(), again.version());
    assertEquals(first + "-rouvre", again.draft().slug());
    assertEquals(List.of(first), again.formerSlugs());
    assertEquals(List.of(writer), again.draft().authorIds());
    assertEquals("Un texte.", again.draft().body());
    assertEquals(ArticleStatus.DRAFT, again.status());
    assertTrue(editorial.forEditing(-1).isEmpty());
  }

  @Test
  void secondSaveWithTheSameVersionIsRefused() {
    long id = editorial.create(draft(unique("Budget"), author()), "Alice");
    ArticleEdit opened = edit(id);
    long saved =
        editorial.save(id, opened.version(), withBody(opened.draft(), "Version d'Alice"), "Alice");

    ConcurrentEditException refused =
        assertThrows(
            ConcurrentEditException.class,
            () ->
                editorial.save(
                    id, opened.version(), withBody(opened.draft(), "Version de Bob"), "Bob"));

    assertEquals(saved, refused.currentVersion());
    assertEquals("Alice", refused.lastEditor());
    assertEquals("Version d'Alice", edit(id).draft().body(), "nothing overwritten");
    assertEquals(2, editorial.revisions(id).size());
  }

  @Test
  void twoConcurrentSavesWithTheSameVersionLetExactlyOneWin() throws Exception {
    long id = editorial.create(draft(unique("Concurrence"), author()), "Alice");
    ArticleEdit opened = edit(id);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Long>> saves = new ArrayList<>();
    for (String editor : List.of("Alice", "Bob", "Chloé")) {
      saves.add(
          executor.submit(
              () -> {
                start.await();
                return editorial.save(
                    id, opened.version(), withBody(opened.draft(), editor), editor);
              }));
    }
    start.countDown();
    int won = 0;
    List<Throwable> refused = new ArrayList<>();
    for (Future<Long> save : saves) {
      try {
        save.get(60, TimeUnit.SECONDS);
        won++;
      } catch (ExecutionException e) {
        refused.add(e.getCause());
      }
    }

    assertEquals(1, won, "refused: " + refused);
    assertEquals(2, refused.size());
    refused.forEach(e -> assertInstanceOf(ConcurrentEditException.class, e));
    assertEquals(2, editorial.revisions(id).size(), "revision 1 and the winner's");
  }

  private static ArticleDraft withBody(ArticleDraft draft, String body) {
    return new ArticleDraft(
        draft.title(),
        draft.slug(),
        draft.standfirst(),
        draft.bodyFormat(),
        body,
        draft.authorIds(),
        draft.sectionId(),
        draft.tagIds(),
        draft.leadImageUrl(),
        draft.leadImageAlt(),
        draft.commentsOpen());
  }

  @Test
  void aSubmittedDraftIsPendingUnreadableAndASubmissionOnAnOldVersionIsRefused() {
    long id = editorial.create(draft(unique("Tribune libre"), author()), "Alice");
    long version = edit(id).version();
    editorial.save(id, version, withBody(edit(id).draft(), "Relu"), "Bob");

    assertThrows(ConcurrentEditException.class, () -> editorial.submit(id, version));
    editorial.submit(id, edit(id).version());

    assertEquals(ArticleStatus.PENDING, edit(id).status());
    assertFalse(articles.isReadable(id));
    assertThrows(IllegalStateException.class, () -> editorial.submit(id, edit(id).version()));
    articles.publish(id, Instant.now().minusSeconds(1));
    assertTrue(articles.isReadable(id), "an editor publishes it");
  }

  // --- The bin ----------------------------------------------------------------------------------

  @Test
  void aTrashedArticleLeavesThePublicSiteAndComesBackAsADraft() {
    String word = word();
    long id = editorial.create(draft("Fermeture " + word, author()), "Alice");
    articles.publish(id, Instant.now().minusSeconds(5));
    String slug = articles.find(id).orElseThrow().slug();
    assertEquals(List.of(id), searchIds(word));

    editorial.trash(id);

    assertEquals(ArticleStatus.TRASHED, edit(id).status());
    assertFalse(articles.isReadable(id));
    assertTrue(articles.findReadable(slug).isEmpty());
    assertEquals(List.of(), searchIds(word));
    assertFalse(
        articles.latest(1, 100).items().stream().map(ArticleSummary::id).toList().contains(id));
    assertTrue(articles.sitemap().stream().noneMatch(e -> e.slug().equals(slug)));
    assertThrows(
        IllegalStateException.class, () -> articles.publish(id, Instant.now().minusSeconds(1)));

    editorial.restore(id);
    assertEquals(ArticleStatus.DRAFT, edit(id).status());
    assertEquals(null, edit(id).publishedAt(), "its former publication is forgotten");
    assertThrows(IllegalStateException.class, () -> editorial.restore(id));
  }

  @Test
  void onlyATrashedArticleIsDeletedForGoodWithItsCommentsAndHistory() {
    long id = editorial.create(draft(unique("Débat"), author()), "Alice");
    articles.publish(id, Instant.now().minusSeconds(5));
    long comment =
        comments
            .post(
                new NewComment(id, null, "Léa", "lecteur@example.org", null, "Bravo.", false),
                new Submission(
                    "editorial-" + UUID.randomUUID(), null, Duration.ofSeconds(30), false))
            .commentId();
    comments.moderate(comment, CommentStatus.APPROVED);

    assertThrows(IllegalStateException.class, () -> editorial.deleteForGood(id));
    assertTrue(articles.find(id).isPresent());

    editorial.trash(id);
    editorial.deleteForGood(id);

    assertTrue(articles.find(id).isEmpty());
    assertEquals(0, comments.countAll(id));
    assertEquals(List.of(), editorial.revisions(id));
  }

  private List<Long> searchIds(String word) {
    return articles.search(word, 1, 10).items().stream().map(ArticleSummary::id).toList();
  }

  // --- Revisions ------------------------------------------------------------------------------

  @Test
  void everySaveStoresARevisionThatCanBeReadComparedAndRestored() {
    long writer = author();
    long id =
        editorial.create(
            new ArticleDraft(
                "Titre premier",
                null,
                "Chapeau",
                BodyFormat.MARKDOWN,
                "Un\nDeux\nTrois",
                List.of(writer),
                null,
                List.of(),
                null,
                null,
                true),
            "Alice");
    ArticleDraft first = edit(id).draft();
    ArticleDraft second =
        new ArticleDraft(
            "Titre second",
            first.slug(),
            "Chapeau",
            BodyFormat.MARKDOWN,
            "Un\nTrois\nQuatre",
            List.of(writer),
            null,
            List.of(),
            null,
            null,
            false);
    editorial.save(id, edit(id).version(), second, "Bob");
    articles.update(id, withBody(second, "Par le système"));

    List<RevisionInfo> history = editorial.revisions(id);
    assertEquals(List.of(3, 2, 1), history.stream().map(RevisionInfo::number).toList());
    assertEquals(
        List.of("system", "Bob", "Alice"), history.stream().map(RevisionInfo::savedBy).toList());
    assertEquals("Titre premier", history.get(2).title());
    RevisionContent one = editorial.revision(id, 1).orElseThrow();
    assertEquals(first, one.draft());
    assertTrue(editorial.revision(id, 9).isEmpty());

    assertEquals(
        List.of(
            new DiffLine(DiffLine.Kind.REMOVED, "Titre premier"),
            new DiffLine(DiffLine.Kind.ADDED, "Titre second"),
            new DiffLine(DiffLine.Kind.SAME, "Chapeau"),
            new DiffLine(DiffLine.Kind.SAME, "Un"),
            new DiffLine(DiffLine.Kind.REMOVED, "Deux"),
            new DiffLine(DiffLine.Kind.SAME, "Trois"),
            new DiffLine(DiffLine.Kind.ADDED, "Quatre")),
        editorial.diff(id, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> editorial.diff(id, 1, 9));

    long stale = edit(id).version();
    long restored = editorial.restoreRevision(id, 1, stale, "Chloé");

    assertEquals(restored, edit(id).version());
    assertEquals(first, edit(id).draft());
    assertEquals(4, editorial.revisions(id).get(0).number());
    assertEquals("Chloé", editorial.revisions(id).get(0).savedBy());
    assertThrows(
        ConcurrentEditException.class, () -> editorial.restoreRevision(id, 2, stale, "Chloé"));
  }

  @Test
  void thePreviewIsTheBodyThePublicPageShows() {
    String body =
        "Un **texte** et un [rapport](https://example.org/r \"en\").\n\n"
            + "<script>alert(1)</script>\n\n[x](javascript:alert(1))";
    long id =
        articles.create(
            new ArticleDraft(
                unique("Aperçu"),
                null,
                "",
                BodyFormat.MARKDOWN,
                body,
                List.of(author()),
                null,
                List.of(),
                null,
                null,
                true));
    articles.publish(id, Instant.now().minusSeconds(1));
    String page =
        articles.findReadable(articles.find(id).orElseThrow().slug()).orElseThrow().bodyHtml();

    String preview = editorial.preview(BodyFormat.MARKDOWN, body);

    assertEquals(page, preview);
    assertFalse(preview.contains("<script"), preview);
    assertFalse(preview.contains("javascript:"), preview);
    assertFalse(
        editorial.preview(BodyFormat.HTML, "<p onclick=\"x()\">Salut</p>").contains("onclick"));
    assertEquals("", editorial.preview(BodyFormat.HTML, null));
  }

  // --- Validation -----------------------------------------------------------------------------

  @Test
  void slugsThatAreNotPlainWordsAndOverlongTitlesAreRefused() {
    long writer = author();
    ArticleDraft good = draft(unique("Correct"), writer);
    for (String slug :
        List.of(
            "a/b",
            "..",
            "../etc",
            "deux mots",
            "élection",
            "A-Majuscule",
            "-a",
            "a--b",
            "x".repeat(201))) {
      assertThrows(
          ConstraintViolationException.class,
          () -> editorial.create(good.withSlug(slug), "Alice"),
          slug);
    }
    assertThrows(
        ConstraintViolationException.class,
        () -> editorial.create(draft("x".repeat(301), writer), "Alice"));
    assertThrows(
        ConstraintViolationException.class, () -> editorial.create(draft(" ", writer), "Alice"));
    assertThrows(ConstraintViolationException.class, () -> editorial.create(good, null));
    long id = editorial.create(good, "Alice");
    String taken = edit(id).draft().slug();
    long other = editorial.create(draft(unique("Autre"), writer), "Alice");
    assertThrows(
        SlugTakenException.class,
        () -> editorial.save(other, edit(other).version(), good.withSlug(taken), "Alice"));
  }

  // --- Tags, sections, authors ----------------------------------------------------------------

  @Test
  void tagsAreSuggestedByPrefixWhateverTheCaseAndAccents() {
    String word = word();
    long velo = tags.findOrCreate("Élan " + word, "");
    long velos = tags.findOrCreate("élan " + word + "s", "");
    tags.findOrCreate("Autre " + word, "");

    assertEquals(
        List.of(velo, velos),
        editorial.suggestTags("ELAN " + word.substring(0, 5), 10).stream()
            .map(TagRef::id)
            .toList());
    assertEquals(
        List.of(velo), editorial.suggestTags("élan " + word, 1).stream().map(TagRef::id).toList());
    assertEquals(List.of(), editorial.suggestTags("%", 10));
    assertEquals(List.of(), editorial.suggestTags("  ", 10));
    assertThrows(ConstraintViolationException.class, () -> editorial.suggestTags("a", 51));
  }

  @Test
  void mergingATagMovesItsArticlesOnceAndItsSlugFollows() {
    long writer = author();
    String word = word();
    long from = tags.findOrCreate("Vélo " + word, "");
    long into = tags.findOrCreate("Cyclisme " + word, "");
    String fromSlug = tags.find(from).orElseThrow().slug();
    long both = articles.create(draft(unique("Les deux"), writer).withTags(List.of(from, into)));
    long onlyFrom = articles.create(draft(unique("Vélo seul"), writer).withTags(List.of(from)));
    articles.publish(both, Instant.now().minusSeconds(10));
    articles.publish(onlyFrom, Instant.now().minusSeconds(5));

    tags.merge(from, into);

    Page<ArticleSummary> tagged = articles.withTag(into, 1, 10);
    assertEquals(List.of(onlyFrom, both), tagged.items().stream().map(ArticleSummary::id).toList());
    assertTrue(tags.find(from).isEmpty());
    assertEquals(
        tags.find(into).map(t -> t.slug()), tags.currentSlug(fromSlug), "the old page redirects");
    assertEquals(into, tags.findOrCreate("Vélo " + word, ""), "its name now means the other");
    assertEquals(
        2L,
        tags.all().stream().filter(t -> t.tag().id() == into).mapToLong(TagUsage::articles).sum());
    assertThrows(InUseException.class, () -> tags.delete(into));
    assertThrows(IllegalArgumentException.class, () -> tags.merge(into, into));
  }

  /**
   * Tags and authors are listed in French order (accents and case do not send a name after z, as
   * the databases' order of code points does).
   */
  @Test
  void tagsAndAuthorsAreListedInFrenchOrder() {
    String word = word();
    List<String> tagNames =
        List.of("Zoo " + word, "écoles " + word, "Église " + word, "Eau " + word);
    tagNames.forEach(name -> tags.findOrCreate(name, ""));
    List<String> authorNames =
        List.of("Zoé Martin " + word, "Émilie Roux " + word, "eva Blanc " + word);
    authorNames.forEach(name -> authors.create(name, ""));

    assertEquals(
        List.of("Eau " + word, "écoles " + word, "Église " + word, "Zoo " + word),
        tags.all().stream().map(t -> t.tag().name()).filter(tagNames::contains).toList());
    List<String> expectedAuthors =
        List.of("Émilie Roux " + word, "eva Blanc " + word, "Zoé Martin " + word);
    assertEquals(
        expectedAuthors,
        authors.all().stream()
            .map(org.tribune.articles.api.Author::name)
            .filter(authorNames::contains)
            .toList());
    assertEquals(
        expectedAuthors,
        authors.allWithCounts().stream()
            .map(a -> a.author().name())
            .filter(authorNames::contains)
            .toList());
  }

  @Test
  void aRenamedTagKeepsItsFormerSlugAndAnUnusedOneIsDeleted() {
    String word = word();
    long tag = tags.findOrCreate("Mobilité " + word, "");
    String former = tags.find(tag).orElseThrow().slug();
    long other = tags.findOrCreate("Transports " + word, "");

    tags.rename(tag, "Déplacements " + word, "deplacements-" + word, "Se déplacer.");

    assertEquals("Déplacements " + word, tags.find(tag).orElseThrow().name());
    assertEquals("Se déplacer.", tags.find(tag).orElseThrow().description());
    assertEquals(java.util.Optional.of("deplacements-" + word), tags.currentSlug(former));
    assertThrows(SlugTakenException.class, () -> tags.rename(other, "X", former, ""));
    assertThrows(
        ConstraintViolationException.class, () -> tags.rename(other, "X", "pas/un-slug", ""));
    tags.delete(other);
    assertTrue(tags.find(other).isEmpty());
  }

  @Test
  void sectionsAreListedWithTheirUseRenamedAndDeletedOnlyWhenUnused() {
    long top = sections.create(unique("Vie locale"), "", null);
    long sub = sections.create(unique("Urbanisme"), "", top);
    long empty = sections.create(unique("Vide"), "", null);
    articles.create(draft(unique("Nouvelle piste"), author()).withSection(sub));
    String former =
        sections.all().stream().filter(s -> s.id() == sub).findFirst().orElseThrow().slug();

    SectionUsage usage =
        sections.all().stream().filter(s -> s.id() == sub).findFirst().orElseThrow();
    assertEquals(1, usage.articles());
    assertEquals(top, usage.parent().id());
    String slug = "urbanisme-" + word();
    sections.rename(sub, "Urbanisme et travaux", slug, "Chantiers.");
    assertEquals("Urbanisme et travaux", sections.findBySlug(slug).orElseThrow().name());
    assertEquals(java.util.Optional.of(slug), sections.currentSlug(former));
    sections.rename(sub, "Urbanisme", null, "");
    assertEquals(slug, sections.findBySlug(slug).orElseThrow().slug(), "null slug: kept");

    InUseException used = assertThrows(InUseException.class, () -> sections.delete(sub));
    assertEquals(1, used.articles());
    InUseException parent = assertThrows(InUseException.class, () -> sections.delete(top));
    assertEquals(1, parent.subSections());
    assertThrows(SlugTakenException.class, () -> sections.rename(empty, "Vide", slug, ""));
    sections.delete(empty);
    assertTrue(sections.all().stream().noneMatch(s -> s.id() == empty));
  }

  @Test
  void aRenamedAuthorMovesToANewSlugAndOnlyAnAuthorWithoutArticlesIsDeleted() {
    String word = word();
    long writer = authors.create("Claire " + word, "Journaliste.");
    long idle = authors.create("Paul " + word, "");
    articles.create(draft(unique("Signé"), writer));
    String former = authors.find(writer).orElseThrow().slug();

    authors.update(writer, "Claire Martin " + word, "Rédactrice en chef.");

    assertEquals("claire-martin-" + word, authors.find(writer).orElseThrow().slug());
    assertEquals("Rédactrice en chef.", authors.find(writer).orElseThrow().bio());
    assertEquals(java.util.Optional.of("claire-martin-" + word), authors.currentSlug(former));
    authors.update(writer, "Claire Martin " + word, "Bio seule.");
    assertEquals(
        "claire-martin-" + word, authors.find(writer).orElseThrow().slug(), "same name, same slug");
    assertEquals(
        1L,
        authors.allWithCounts().stream()
            .filter(a -> a.author().id() == writer)
            .mapToLong(AuthorUsage::articles)
            .sum());
    assertThrows(InUseException.class, () -> authors.delete(writer));
    authors.delete(idle);
    assertTrue(authors.find(idle).isEmpty());
  }

  // --- Pages ----------------------------------------------------------------------------------

  /** A page's draft with this slug, under {@code parentId} or at the root, by a new author. */
  private ArticleDraft pageDraft(String title, String slug, Long parentId) {
    return draft(title, author()).withSlug(slug).asPage(PageOptions.atRoot().under(parentId));
  }

  /** A published page with this slug (readable since a second ago); its id. */
  private long publishedPage(String slug, Long parentId) {
    long id = editorial.create(pageDraft(unique("Page " + slug), slug, parentId), "Alice");
    articles.publish(id, Instant.now().minusSeconds(1));
    return id;
  }

  private String pathOf(long id) {
    return edit(id).pagePath();
  }

  private static List<Long> summaryIds(Page<ArticleSummary> page) {
    return page.items().stream().map(ArticleSummary::id).toList();
  }

  /** What a refused change must leave as it was: the content, its place and its history. */
  private record Saved(ArticleEdit edit, List<RevisionInfo> revisions) {}

  private Saved saved(long id) {
    return new Saved(edit(id), editorial.revisions(id));
  }

  private void assertUnchanged(Saved before, long id) {
    Saved after = saved(id);
    assertAll(
        () -> assertEquals(before.edit().version(), after.edit().version(), "version"),
        () -> assertEquals(before.edit().pagePath(), after.edit().pagePath(), "path"),
        () -> assertEquals(before.edit().draft(), after.edit().draft(), "content and options"),
        () -> assertEquals(before.edit().formerSlugs(), after.edit().formerSlugs(), "slugs"),
        () -> assertEquals(before.revisions(), after.revisions(), "revisions"));
  }

  private PagePlacementException refusedSave(long id, ArticleDraft draft) {
    long version = edit(id).version();
    return assertThrows(
        PagePlacementException.class, () -> editorial.save(id, version, draft, "Bob"));
  }

  @Test
  void aPublishedPageIsReadAtItsPathInThePagesSitemapAndSearchButInNoListOrFeed() {
    String word = word();
    long writer = author();
    long article = editorial.create(draft("Article " + word, writer), "Alice");
    articles.publish(article, Instant.now().minusSeconds(2));
    long page =
        editorial.create(
            draft("À propos " + word, writer).withSlug(word).asPage(PageOptions.atRoot()), "Alice");
    articles.publish(page, Instant.now().minusSeconds(1));

    ArticleView byPath = articles.findReadablePage(word).orElseThrow();
    ArticleView bySlug = articles.findReadable(word).orElseThrow();
    assertAll(
        () -> assertEquals(page, byPath.summary().id()),
        () -> assertTrue(byPath.isPage()),
        () -> assertTrue(byPath.summary().isPage()),
        () -> assertEquals(word, byPath.summary().pagePath()),
        () -> assertEquals(PageOptions.atRoot(), byPath.page()),
        () -> assertEquals(List.of(), byPath.parents()),
        () -> assertNull(byPath.previous(), "a page has no neighbours"),
        () -> assertNull(byPath.next(), "a page has no neighbours"),
        () -> assertEquals(page, bySlug.summary().id()),
        () -> assertTrue(bySlug.summary().isPage()),
        () -> assertTrue(articles.findReadableSummary(word).orElseThrow().isPage()),
        () -> assertFalse(articles.findReadable("article-" + word).orElseThrow().isPage()),
        () -> assertTrue(articles.findReadablePage("article-" + word).isEmpty(), "an article"),
        () -> assertTrue(articles.findReadablePage(word + "/" + word).isEmpty()));

    assertAll(
        () ->
            assertTrue(
                articles.pages().stream()
                    .anyMatch(
                        p ->
                            p.id() == page
                                && p.path().equals(word)
                                && p.parentId() == null
                                && p.status() == ArticleStatus.PUBLISHED
                                && p.readable()),
                "in pages()"),
        () ->
            assertTrue(
                articles.pages().stream().noneMatch(p -> p.id() == article), "no article there"),
        () ->
            assertTrue(
                articles.sitemap().stream()
                    .anyMatch(e -> e.slug().equals(word) && word.equals(e.pagePath())),
                "in the sitemap with its path"),
        () ->
            assertTrue(
                articles.sitemap().stream()
                    .anyMatch(e -> e.slug().equals("article-" + word) && e.pagePath() == null),
                "the article in the sitemap without a path"),
        () ->
            assertEquals(
                Set.of(article, page),
                Set.copyOf(summaryIds(articles.search(word, 1, 10))),
                "the search finds both"));

    // The article was published just before the page: were the page listed, it would come first.
    List<Long> latest = summaryIds(articles.latest(1, ArticleService.MAX_PAGE_SIZE));
    List<Long> feed =
        articles.feed(null, ArticleService.MAX_PAGE_SIZE).stream()
            .map(c -> c.summary().id())
            .toList();
    assertAll(
        () -> assertTrue(latest.contains(article), "the article is listed"),
        () -> assertFalse(latest.contains(page), "the page is not"),
        () -> assertEquals(List.of(article), summaryIds(articles.byAuthor(writer, 1, 10))),
        () -> assertTrue(feed.contains(article), "the article is in the feed"),
        () -> assertFalse(feed.contains(page), "the page is not"));
  }

  @Test
  void aPageIsNeitherInTheArchivesNorTheNeighbourOfTheArticlesPublishedAroundIt() {
    // A second of the 1970s of its own: no other test publishes then.
    Instant at =
        Instant.parse("1972-01-01T00:00:00Z")
            .plusSeconds(
                3 * java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000));
    long writer = author();
    long before = editorial.create(draft(unique("Avant"), writer), "Alice");
    long page = editorial.create(pageDraft(unique("Entre"), word(), null), "Alice");
    long after = editorial.create(draft(unique("Après"), writer), "Alice");
    articles.publish(before, at);
    articles.publish(page, at.plusSeconds(1));
    articles.publish(after, at.plusSeconds(2));

    ArticleView first = articles.findReadable(edit(before).draft().slug()).orElseThrow();
    ArticleView last = articles.findReadable(edit(after).draft().slug()).orElseThrow();
    ArticleView between = articles.findReadablePage(pathOf(page)).orElseThrow();
    assertAll(
        () -> assertEquals(after, first.next().id(), "the article after, not the page"),
        () -> assertEquals(before, last.previous().id(), "the article before, not the page"),
        () -> assertNull(between.previous()),
        () -> assertNull(between.next()),
        () ->
            assertEquals(
                List.of(before, after),
                summaryIds(articles.publishedBetween(at, at.plusSeconds(3), 1, 10))));
  }

  @Test
  void aSubPageLivesUnderItsParentAndMovesWithItWhenTheParentIsRenamedOrItIsMoved() {
    String top = word();
    String mid = word();
    String low = word();
    String other = word();
    long parent = publishedPage(top, null);
    long child = publishedPage(mid, parent);
    long grandChild = publishedPage(low, child);
    long elsewhere = publishedPage(other, null);

    ArticleView deepest = articles.findReadablePage(top + "/" + mid + "/" + low).orElseThrow();
    assertAll(
        () -> assertEquals(top + "/" + mid, pathOf(child)),
        () -> assertEquals(top + "/" + mid + "/" + low, pathOf(grandChild)),
        () -> assertEquals(grandChild, deepest.summary().id()),
        () ->
            assertEquals(
                List.of(top, top + "/" + mid),
                deepest.parents().stream().map(PageRef::path).toList(),
                "its parents from the root down"),
        () -> assertEquals(child, deepest.page().parentId()),
        () -> assertTrue(articles.findReadablePage(mid).isEmpty(), "not at the root"),
        () -> assertTrue(articles.findReadablePage(other + "/" + mid).isEmpty()),
        () -> assertEquals(Optional.empty(), articles.currentPagePath(top + "/" + mid)));

    String renamed = word();
    ArticleEdit opened = edit(parent);
    editorial.save(parent, opened.version(), opened.draft().withSlug(renamed), "Bob");

    assertAll(
        () -> assertEquals(renamed, pathOf(parent)),
        () -> assertEquals(renamed + "/" + mid, pathOf(child)),
        () -> assertEquals(renamed + "/" + mid + "/" + low, pathOf(grandChild)),
        () -> assertTrue(articles.findReadablePage(top + "/" + mid).isEmpty()),
        () -> assertTrue(articles.findReadablePage(renamed + "/" + mid + "/" + low).isPresent()),
        () -> assertEquals(Optional.of(renamed), articles.currentPagePath(top)),
        () ->
            assertEquals(
                Optional.of(renamed + "/" + mid), articles.currentPagePath(top + "/" + mid)),
        () ->
            assertEquals(
                Optional.of(renamed + "/" + mid + "/" + low),
                articles.currentPagePath(top + "/" + mid + "/" + low)));

    ArticleEdit moving = edit(child);
    ArticleDraft under = moving.draft().asPage(moving.draft().page().under(elsewhere));
    editorial.save(child, moving.version(), under, "Bob");

    List<String> paths = articles.pages().stream().map(PageRef::path).toList();
    assertAll(
        () -> assertEquals(other + "/" + mid, pathOf(child)),
        () -> assertEquals(other + "/" + mid + "/" + low, pathOf(grandChild)),
        () -> assertEquals(renamed, pathOf(parent), "the former parent stays"),
        () -> assertEquals(elsewhere, edit(child).draft().page().parentId()),
        () -> assertEquals(child, edit(grandChild).draft().page().parentId()),
        () ->
            assertEquals(
                Optional.of(other + "/" + mid), articles.currentPagePath(renamed + "/" + mid)),
        () ->
            assertEquals(
                Optional.of(other + "/" + mid + "/" + low),
                articles.currentPagePath(top + "/" + mid + "/" + low),
                "renamed, then moved"),
        () -> assertEquals(Optional.empty(), articles.currentPagePath(other + "/" + mid)),
        () -> assertEquals(Optional.empty(), articles.currentPagePath("nulle-part-" + word())),
        () ->
            assertTrue(
                paths.indexOf(other) < paths.indexOf(other + "/" + mid)
                    && paths.indexOf(other + "/" + mid)
                        < paths.indexOf(other + "/" + mid + "/" + low)
                    && paths.indexOf(other) >= 0,
                "parents before their sub-pages: " + paths));
  }

  @Test
  void aPageCannotTakeAnAddressTheSiteAnswersAtTheRootAndNothingIsSaved() {
    String word = word();
    for (String reserved : List.of("admin", "articles")) {
      PagePlacementException refused =
          assertThrows(
              PagePlacementException.class,
              () -> editorial.create(pageDraft("Réservé " + word, reserved, null), "Alice"));
      assertEquals(PagePlacementException.Reason.RESERVED, refused.reason(), reserved);
    }
    assertEquals(List.of(), list(ArticleFilter.allPages().withText(word)), "nothing created");
    assertTrue(articles.pages().stream().noneMatch(p -> p.title().contains(word)));

    long page = publishedPage(word, null);
    Saved before = saved(page);
    PagePlacementException renamed = refusedSave(page, before.edit().draft().withSlug("admin"));
    assertEquals(PagePlacementException.Reason.RESERVED, renamed.reason());
    assertUnchanged(before, page);
    assertTrue(articles.findReadablePage(word).isPresent());
    assertTrue(articles.findReadablePage("admin").isEmpty());

    // Below a parent the address is the page's own; back at the root it is the site's again.
    long sub = publishedPage("sitemap", page);
    assertEquals(word + "/sitemap", pathOf(sub));
    Saved under = saved(sub);
    PagePlacementException toRoot =
        refusedSave(sub, under.edit().draft().asPage(under.edit().draft().page().under(null)));
    assertEquals(PagePlacementException.Reason.RESERVED, toRoot.reason());
    assertUnchanged(under, sub);
    // Slugs are unique over the whole site: leave this one free for the next run.
    editorial.trash(sub);
    editorial.deleteForGood(sub);
  }

  @Test
  void aTitleThatIsAnAddressOfTheSiteGivesARootPageAnotherSlug() {
    for (String title : List.of("Search", "Articles")) {
      long id = editorial.create(draft(title, author()).asPage(PageOptions.atRoot()), "Alice");
      String slug = edit(id).draft().slug();
      assertAll(
          () -> assertFalse(SiteAddresses.RESERVED.contains(slug), slug),
          () -> assertTrue(slug.startsWith(title.toLowerCase(Locale.ROOT) + "-"), slug),
          () -> assertEquals(slug, pathOf(id)));
    }
  }

  @Test
  void aPageCannotGoUnderItselfItsOwnSubPageOrAnythingButAPageAndNothingIsSaved() {
    long parent = publishedPage(word(), null);
    long child = publishedPage(word(), parent);
    long grandChild = publishedPage(word(), child);
    long article = editorial.create(draft(unique("Pas une page"), author()), "Alice");
    Saved before = saved(parent);
    String childPath = pathOf(child);
    String grandChildPath = pathOf(grandChild);
    ArticleDraft draft = before.edit().draft();
    PageOptions options = draft.page();

    PagePlacementException itself = refusedSave(parent, draft.asPage(options.under(parent)));
    PagePlacementException below = refusedSave(parent, draft.asPage(options.under(grandChild)));
    PagePlacementException notAPage = refusedSave(parent, draft.asPage(options.under(article)));
    PagePlacementException missing = refusedSave(parent, draft.asPage(options.under(-1L)));
    PagePlacementException orphan =
        assertThrows(
            PagePlacementException.class,
            () -> editorial.create(pageDraft(unique("Orpheline"), word(), article), "Alice"));

    assertAll(
        () -> assertEquals(PagePlacementException.Reason.LOOP, itself.reason()),
        () -> assertEquals(PagePlacementException.Reason.LOOP, below.reason()),
        () -> assertEquals(PagePlacementException.Reason.NO_SUCH_PARENT, notAPage.reason()),
        () -> assertEquals(PagePlacementException.Reason.NO_SUCH_PARENT, missing.reason()),
        () -> assertEquals(PagePlacementException.Reason.NO_SUCH_PARENT, orphan.reason()));
    assertUnchanged(before, parent);
    assertAll(
        () -> assertEquals(childPath, pathOf(child)),
        () -> assertEquals(grandChildPath, pathOf(grandChild)),
        () -> assertTrue(articles.findReadablePage(grandChildPath).isPresent()));
  }

  @Test
  void aSixthLevelIsRefusedWhetherAPageIsWrittenOrASubtreeMovedThere() {
    List<Long> levels = new ArrayList<>();
    Long parent = null;
    for (int level = 1; level <= ArticleLimits.PAGE_DEPTH; level++) {
      parent = publishedPage(word(), parent);
      levels.add(parent);
    }
    long deepest = parent;
    assertEquals(ArticleLimits.PAGE_DEPTH, pathOf(deepest).split("/").length);
    String word = word();
    PagePlacementException sixth =
        assertThrows(
            PagePlacementException.class,
            () -> editorial.create(pageDraft("Sixième " + word, word, deepest), "Alice"));
    assertEquals(PagePlacementException.Reason.TOO_DEEP, sixth.reason());
    assertEquals(List.of(), list(ArticleFilter.allPages().withText(word)), "nothing created");

    // A page with a sub-page of its own, moved under the fourth level, would put it at the sixth.
    long top = publishedPage(word(), null);
    long sub = publishedPage(word(), top);
    Saved before = saved(top);
    String subPath = pathOf(sub);
    PageOptions options = before.edit().draft().page();
    PagePlacementException moved =
        refusedSave(top, before.edit().draft().asPage(options.under(levels.get(3))));
    assertEquals(PagePlacementException.Reason.TOO_DEEP, moved.reason());
    assertUnchanged(before, top);
    assertEquals(subPath, pathOf(sub));

    // Under the third level, it fits: the fifth level is the last.
    editorial.save(
        top,
        before.edit().version(),
        before.edit().draft().asPage(options.under(levels.get(2))),
        "Bob");
    assertEquals(pathOf(levels.get(2)) + "/" + subPath, pathOf(sub));
  }

  @Test
  void aPathLongerThanASlugMayBeIsRefused() {
    long parent = publishedPage(word(), null);
    String word = word();
    // 10 + 1 + 190 characters: a slug of allowed length, a path 2 characters too long.
    String slug = word + "-" + "a".repeat(ArticleLimits.SLUG_LENGTH - 21);
    PagePlacementException refused =
        assertThrows(
            PagePlacementException.class,
            () -> editorial.create(pageDraft("Longue " + word, slug, parent), "Alice"));
    assertEquals(PagePlacementException.Reason.TOO_LONG, refused.reason());
    assertEquals(List.of(), list(ArticleFilter.allPages().withText(word)), "nothing created");
  }

  @Test
  void aSubPageOfAPageInTheBinCanStillBeSavedButNoPageMovesUnderIt() {
    long parent = publishedPage(word(), null);
    long child = publishedPage(word(), parent);
    long other = publishedPage(word(), null);
    editorial.trash(parent);
    ArticleEdit before = edit(child);
    long version =
        editorial.save(child, before.version(), before.draft().withBody("Un texte revu."), "Alice");
    assertAll(
        () -> assertTrue(version > before.version(), "saved"),
        () -> assertEquals(parent, edit(child).draft().page().parentId(), "under its parent"),
        () -> assertEquals("Un texte revu.", edit(child).draft().body()));
    ArticleEdit moving = edit(other);
    PagePlacementException refused =
        assertThrows(
            PagePlacementException.class,
            () ->
                editorial.save(
                    other,
                    moving.version(),
                    moving.draft().asPage(moving.draft().page().under(parent)),
                    "Alice"));
    assertEquals(PagePlacementException.Reason.NO_SUCH_PARENT, refused.reason());
    assertNull(edit(other).draft().page().parentId(), "still at the root");
  }

  @Test
  void anArticleCannotBecomeAPageAndStaysAnArticle() {
    String word = word();
    long article = editorial.create(draft("Article " + word, author()), "Alice");
    Saved before = saved(article);

    PagePlacementException refused =
        refusedSave(article, before.edit().draft().asPage(PageOptions.atRoot()));

    assertEquals(PagePlacementException.Reason.KIND_CHANGED, refused.reason());
    assertUnchanged(before, article);
    assertAll(
        () -> assertNull(edit(article).pagePath()),
        () -> assertFalse(edit(article).draft().isPage()),
        () -> assertEquals(List.of(article), list(ArticleFilter.all().withText(word))),
        () -> assertEquals(List.of(), list(ArticleFilter.allPages().withText(word))));
  }

  @Test
  void aPageWithASubPageIsNotDeletedForGoodEvenWhenBothAreInTheBin() {
    long parent = editorial.create(pageDraft(unique("Parente"), word(), null), "Alice");
    long child = editorial.create(pageDraft(unique("Enfant"), word(), parent), "Alice");
    String childPath = pathOf(child);
    editorial.trash(parent);

    PagePlacementException refused =
        assertThrows(PagePlacementException.class, () -> editorial.deleteForGood(parent));
    assertEquals(PagePlacementException.Reason.HAS_CHILDREN, refused.reason());
    assertEquals(ArticleStatus.TRASHED, edit(parent).status(), "still in the bin");
    assertEquals(parent, edit(child).draft().page().parentId());
    assertEquals(childPath, pathOf(child));

    editorial.trash(child);
    PagePlacementException both =
        assertThrows(PagePlacementException.class, () -> editorial.deleteForGood(parent));
    assertEquals(PagePlacementException.Reason.HAS_CHILDREN, both.reason());
    PagePlacementException direct =
        assertThrows(PagePlacementException.class, () -> articles.delete(parent));
    assertEquals(PagePlacementException.Reason.HAS_CHILDREN, direct.reason());
    assertTrue(editorial.forEditing(parent).isPresent());
    assertTrue(editorial.forEditing(child).isPresent());

    editorial.deleteForGood(child);
    editorial.deleteForGood(parent);
    assertTrue(editorial.forEditing(child).isEmpty());
    assertTrue(editorial.forEditing(parent).isEmpty());
  }

  @Test
  void restoringARevisionOfAPageKeepsItAPageWhereItIsNow() {
    long parent = publishedPage(word(), null);
    long elsewhere = publishedPage(word(), null);
    String slug = word();
    long page =
        editorial.create(
            draft(unique("Équipe"), author())
                .withSlug(slug)
                .asPage(new PageOptions(parent, false, true, false)),
            "Alice");
    ArticleEdit first = edit(page);
    long version =
        editorial.save(page, first.version(), withBody(first.draft(), "Deuxième texte."), "Bob");

    version = editorial.restoreRevision(page, 1, version, "Bob");

    ArticleEdit restored = edit(page);
    assertAll(
        () -> assertEquals("Un texte.", restored.draft().body()),
        () -> assertTrue(restored.draft().isPage()),
        () -> assertEquals(new PageOptions(parent, false, true, false), restored.draft().page()),
        () -> assertEquals(pathOf(parent) + "/" + slug, restored.pagePath()));

    ArticleDraft moved = restored.draft().asPage(restored.draft().page().under(elsewhere));
    version = editorial.save(page, version, moved, "Bob");
    editorial.restoreRevision(page, 1, version, "Bob");

    ArticleEdit again = edit(page);
    assertAll(
        () -> assertEquals(elsewhere, again.draft().page().parentId(), "where it is now"),
        () -> assertEquals(pathOf(elsewhere) + "/" + slug, again.pagePath()),
        () -> assertTrue(again.draft().page().showDate()));
  }

  @Test
  void theListsAndTheCountsKeepPagesAndArticlesApart() {
    Map<ArticleStatus, Long> pagesBefore = editorial.countByStatus(true);
    Map<ArticleStatus, Long> articlesBefore = editorial.countByStatus(false);
    String word = word();
    long writer = author();
    long article = editorial.create(draft("Liste " + word, writer), "Alice");
    long page =
        editorial.create(draft("Liste " + word, writer).asPage(PageOptions.atRoot()), "Alice");
    long trashedPage =
        editorial.create(draft("Liste jetée " + word, writer).asPage(PageOptions.atRoot()), "A");
    editorial.trash(trashedPage);

    Map<ArticleStatus, Long> pagesAfter = editorial.countByStatus(true);
    Map<ArticleStatus, Long> articlesAfter = editorial.countByStatus(false);
    Page<ArticleRow> pageRows =
        editorial.list(ArticleFilter.allPages().withText(word), ArticleOrder.TITLE_ASC, 1, 10);
    assertAll(
        () -> assertEquals(List.of(page), ids(pageRows)),
        () -> assertEquals(pathOf(page), pageRows.items().get(0).pagePath()),
        () ->
            assertEquals(
                List.of(trashedPage),
                list(ArticleFilter.allPages().withText(word).withStatus(ArticleStatus.TRASHED))),
        () -> assertEquals(List.of(article), list(ArticleFilter.all().withText(word))),
        () ->
            assertEquals(
                List.of(),
                list(ArticleFilter.all().withText(word).withStatus(ArticleStatus.TRASHED))),
        () -> assertEquals(List.of(article), list(ArticleFilter.all().withAuthor(writer))),
        () -> assertEquals(List.of(ArticleStatus.values()), List.copyOf(pagesAfter.keySet())),
        () ->
            assertEquals(
                pagesBefore.get(ArticleStatus.DRAFT) + 1, pagesAfter.get(ArticleStatus.DRAFT)),
        () ->
            assertEquals(
                pagesBefore.get(ArticleStatus.TRASHED) + 1, pagesAfter.get(ArticleStatus.TRASHED)),
        () ->
            assertEquals(
                articlesBefore.get(ArticleStatus.DRAFT) + 1,
                articlesAfter.get(ArticleStatus.DRAFT)),
        () ->
            assertEquals(
                articlesBefore.get(ArticleStatus.TRASHED),
                articlesAfter.get(ArticleStatus.TRASHED)));
  }

  // --- Demo content ---------------------------------------------------------------------------

  /**
   * Runs in one transaction that is rolled back at the end: every in-container test class deploys
   * on the same database (the suite's H2 folder or {@code TRIBUNE_TEST_DB_URL}), which starts empty
   * and so holds the demo content; afterwards it still does, and demo content is not off.
   */
  @Test
  void removingTheDemoContentKeepsEditedArticlesAndSwitchesItOffForGood() throws Exception {
    DemoContentStatus untouched = demoContent.demoContent();
    transaction.begin();
    try {
      assertFalse(untouched.off());
      List<Long> demoAuthors =
          authors.all().stream()
              .filter(a -> demoAuthorNames().contains(a.name()))
              .map(org.tribune.articles.api.Author::id)
              .toList();
      assertEquals(2, demoAuthors.size(), "the suite's database started empty: demo content");
      Set<Long> demoArticles = new LinkedHashSet<>();
      for (long demoAuthor : demoAuthors) {
        demoArticles.addAll(
            ids(
                editorial.list(
                    ArticleFilter.all().withAuthor(demoAuthor), ArticleOrder.TITLE_ASC, 1, 100)));
      }
      assertEquals(6, demoArticles.size());
      assertEquals(new DemoContentStatus(6, 0, false), untouched);

      Set<Long> demoTags = new LinkedHashSet<>();
      Set<Long> demoSections = new LinkedHashSet<>();
      for (long id : demoArticles) {
        demoTags.addAll(edit(id).draft().tagIds());
        demoSections.add(edit(id).draft().sectionId());
      }
      for (SectionUsage section : sections.all()) {
        if (demoSections.contains(section.id()) && section.parent() != null) {
          demoSections.add(section.parent().id());
        }
      }
      // One demo article signed by one author, edited since: the site's own now.
      long edited =
          demoArticles.stream()
              .filter(id -> edit(id).draft().authorIds().size() == 1)
              .findFirst()
              .orElseThrow();
      List<Long> others = new ArrayList<>(demoArticles);
      others.remove(edited);
      ArticleDraft before = edit(edited).draft();
      editorial.save(
          edited,
          edit(edited).version(),
          new ArticleDraft(
              before.title(),
              null,
              "Un chapeau réécrit par la rédaction.",
              before.bodyFormat(),
              before.body(),
              before.authorIds(),
              before.sectionId(),
              before.tagIds(),
              null,
              null,
              true),
          "Alice");
      // One discussed: its comments go with it.
      long discussed = others.get(0);
      comments.post(
          new NewComment(discussed, null, "Léa", "lecteur@example.org", null, "Bravo.", false),
          new Submission("demo-" + UUID.randomUUID(), null, Duration.ofSeconds(30), false));
      assertEquals(1, comments.countAll(discussed));
      // An article of the site's own filed under a demo tag keeps that tag.
      long sharedTag = edit(discussed).draft().tagIds().get(0);
      editorial.create(draft(unique("À nous"), author()).withTags(List.of(sharedTag)), "Alice");
      assertEquals(new DemoContentStatus(5, 1, false), demoContent.demoContent());

      assertEquals(5, demoContent.removeDemoContent());

      for (long id : demoArticles) {
        assertEquals(id == edited, editorial.forEditing(id).isPresent(), "article " + id);
      }
      assertEquals(0, comments.countAll(discussed), "comments go with their article");
      Set<Long> keptAuthors = Set.copyOf(before.authorIds());
      for (long id : demoAuthors) {
        assertEquals(keptAuthors.contains(id), authors.find(id).isPresent(), "author " + id);
      }
      assertEquals(1, demoAuthors.stream().filter(id -> authors.find(id).isEmpty()).count());
      for (long id : demoTags) {
        boolean used = id == sharedTag || before.tagIds().contains(id);
        assertEquals(used, tags.find(id).isPresent(), "tag " + id);
      }
      Set<Long> sectionsLeft = new LinkedHashSet<>();
      sections.all().forEach(section -> sectionsLeft.add(section.id()));
      SectionUsage keptSection =
          sections.all().stream().filter(x -> x.id() == before.sectionId()).findFirst().get();
      for (long id : demoSections) {
        boolean used =
            id == keptSection.id()
                || (keptSection.parent() != null && id == keptSection.parent().id());
        assertEquals(used, sectionsLeft.contains(id), "section " + id);
      }
      assertTrue(demoSections.stream().anyMatch(id -> !sectionsLeft.contains(id)));
      assertTrue(demoTags.stream().anyMatch(id -> tags.find(id).isEmpty()));

      assertEquals(new DemoContentStatus(0, 1, true), demoContent.demoContent());
      assertEquals("off", storedDemoContentSetting(), "recorded in articles_setting");
      assertEquals(0, demoContent.removeDemoContent(), "nothing more to remove");

      // Even on an empty site, demo content is not written again.
      deleteEveryArticle();
      assertEquals(0, demoContent.createIfSiteIsEmpty());
      assertEquals(0, editorial.list(ArticleFilter.all(), ArticleOrder.TITLE_ASC, 1, 1).total());
    } finally {
      transaction.rollback();
    }
    assertEquals(untouched, demoContent.demoContent(), "rolled back for the other tests");
  }

  /** Empties the site, bin included, a page at a time (inside the test's transaction). */
  private void deleteEveryArticle() {
    boolean deleted = true;
    while (deleted) {
      deleted = false;
      for (ArticleStatus status : ArticleStatus.values()) {
        Page<ArticleRow> page =
            editorial.list(
                ArticleFilter.all().withStatus(status),
                ArticleOrder.TITLE_ASC,
                1,
                EditorialService.MAX_PAGE_SIZE);
        for (long id : ids(page)) {
          if (status != ArticleStatus.TRASHED) {
            editorial.trash(id);
          }
          editorial.deleteForGood(id);
          deleted = true;
        }
      }
    }
  }

  private String storedDemoContentSetting() throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT setting_value FROM articles_setting WHERE name = 'demo-content'")) {
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        return row.getString(1);
      }
    }
  }

  /** The demo authors' names, from the articles module's {@code demo/authors.txt}. */
  private static Set<String> demoAuthorNames() {
    try (InputStream in =
        EditorialIT.class.getClassLoader().getResourceAsStream("demo/authors.txt")) {
      Set<String> names = new LinkedHashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.contains(":")) {
          names.add(line.substring(0, line.indexOf(':')).strip());
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- The media library -------------------------------------------------------------------------

  @Inject MediaService media;

  /** A JPEG of this size in a temporary file (a gradient, so it compresses as a photo does). */
  private static java.nio.file.Path image(int width, int height, java.awt.Color to)
      throws IOException {
    java.awt.image.BufferedImage picture =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = picture.createGraphics();
    g.setPaint(new java.awt.GradientPaint(0, 0, java.awt.Color.DARK_GRAY, width, height, to));
    g.fillRect(0, 0, width, height);
    g.dispose();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("editorial-it-", ".jpg");
    javax.imageio.ImageIO.write(picture, "jpeg", file.toFile());
    return file;
  }

  private MediaItem uploaded(String name, int width, int height) throws IOException {
    java.nio.file.Path file = image(width, height, java.awt.Color.ORANGE);
    try {
      return media.upload(file, name, "redaction@example.org");
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  @Test
  void anImageIsMadeIntoTheSiteWidthsBelowItAndItsOwnNeverWider() throws IOException {
    MediaItem item = uploaded(unique("Quai") + ".jpg", 1000, 600);
    assertEquals(
        List.of(320, 640, 960, 1000),
        item.renditions().stream().map(MediaRendition::width).toList());
    assertEquals(
        List.of(192, 384, 576, 600), item.renditions().stream().map(r -> r.height()).toList());
    assertEquals(1000, item.width());
    assertFalse(item.usable(), "no text alternative yet");
    for (MediaRendition rendition : item.renditions()) {
      String name = rendition.path().substring("/media/".length());
      try (MediaFile file = media.open(name).orElseThrow()) {
        javax.imageio.ImageReader reader =
            javax.imageio.ImageIO.getImageReadersByFormatName("jpeg").next();
        reader.setInput(javax.imageio.ImageIO.createImageInputStream(file.content()));
        assertEquals(rendition.width(), reader.getWidth(0), name);
        reader.dispose();
      }
    }
    assertTrue(media.open(item.hash() + "-1280.jpg").isEmpty(), "never upscaled");
  }

  @Test
  void anArticleShowsADescribedImageAndKeepsItWhenItsFileIsReplaced() throws IOException {
    MediaItem item = uploaded(unique("Phare") + ".jpg", 800, 500);
    long writer = author();
    ArticleDraft draft = draft(unique("Le phare repeint"), writer).withLeadMedia(item.id());
    assertThrows(IllegalArgumentException.class, () -> editorial.create(draft, "Alice"));

    media.describe(item.id(), new MediaDescription("Le phare au soleil couchant", "", "Studio"));
    long id = editorial.create(draft, "Alice");
    assertEquals(List.of(id), media.uses(item.id()).stream().map(MediaUse::articleId).toList());

    String formerName = item.renditions().get(0).path().substring("/media/".length());
    java.nio.file.Path other = image(900, 500, java.awt.Color.CYAN);
    MediaItem replaced;
    try {
      replaced = media.replaceFile(item.id(), other, "phare-2.jpg");
    } finally {
      java.nio.file.Files.deleteIfExists(other);
    }
    assertAll(
        () -> assertEquals(item.id(), replaced.id()),
        () -> assertNotEquals(item.hash(), replaced.hash()),
        () -> assertEquals("Le phare au soleil couchant", replaced.alt()),
        () -> assertEquals(900, replaced.width()),
        () -> assertEquals("phare-2.jpg", replaced.originalName()),
        () -> assertTrue(media.open(formerName).isEmpty(), "the former file is gone"),
        () -> assertEquals(1, media.uses(item.id()).size(), "still used"),
        () ->
            assertEquals(item.id(), editorial.forEditing(id).orElseThrow().draft().leadMediaId()));
  }

  @Test
  void anImageInUseIsDeletedOnlyWhenAskedAndTheArticleLosesIt() throws IOException {
    MediaItem item = uploaded(unique("Marché") + ".jpg", 700, 400);
    media.describe(item.id(), new MediaDescription("Les étals du marché", "", ""));
    long id =
        editorial.create(
            draft(unique("Jour de marché"), author()).withLeadMedia(item.id()), "Alice");

    InUseException refused =
        assertThrows(InUseException.class, () -> media.delete(item.id(), false));
    assertEquals(1, refused.articles());
    assertTrue(media.find(item.id()).isPresent());

    media.delete(item.id(), true);
    assertAll(
        () -> assertTrue(media.find(item.id()).isEmpty()),
        () -> assertEquals(null, editorial.forEditing(id).orElseThrow().draft().leadMediaId()),
        () -> assertTrue(media.open(item.renditions().get(0).path().substring(7)).isEmpty()));
  }

  @Test
  void theLibrarySearchFoldsAccentsAndCaseAndTakesWildcardsLiterally() throws IOException {
    String marker = word();
    MediaItem item = uploaded("Fête " + marker + ".jpg", 400, 300);
    media.describe(
        item.id(), new MediaDescription("Lampions de la fête", "Été 100% festif", "Agence Éclair"));
    assertAll(
        () -> assertEquals(1, media.search("FETE " + marker.toUpperCase(), 0, 10).total()),
        () -> assertEquals(item.id(), media.search("agence eclair", 0, 10).items().get(0).id()),
        () -> assertEquals(item.id(), media.search("100%", 0, 10).items().get(0).id()),
        () -> assertEquals(0, media.search("1_0%" + marker, 0, 10).total()));
  }
}
