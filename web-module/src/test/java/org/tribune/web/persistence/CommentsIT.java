package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.validation.ConstraintViolationException;
import java.io.File;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.SectionService;
import org.tribune.comments.api.Ban;
import org.tribune.comments.api.CharterRule;
import org.tribune.comments.api.CommentNode;
import org.tribune.comments.api.CommentRejectedException;
import org.tribune.comments.api.CommentRejectedException.Reason;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentSettings;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.CommentView;
import org.tribune.comments.api.DailyCount;
import org.tribune.comments.api.Decision;
import org.tribune.comments.api.DecisionOutcome;
import org.tribune.comments.api.DiscussedArticle;
import org.tribune.comments.api.Discussion;
import org.tribune.comments.api.DiscussionRules;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.LatestComment;
import org.tribune.comments.api.ModeratedComment;
import org.tribune.comments.api.ModerationFilter;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.api.ModerationPage;
import org.tribune.comments.api.ModerationService;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.NewReport;
import org.tribune.comments.api.OwnComments;
import org.tribune.comments.api.PostResult;
import org.tribune.comments.api.Report;
import org.tribune.comments.api.ReportReason;
import org.tribune.comments.api.ReportReceipt;
import org.tribune.comments.api.ReportRejectedException;
import org.tribune.comments.api.ReportService;
import org.tribune.comments.api.ReportStats;
import org.tribune.comments.api.ReportedComment;
import org.tribune.comments.api.Sanction;
import org.tribune.comments.api.Submission;
import org.tribune.comments.api.VoteResult;

/**
 * The discussion domain and the console's moderation API on the real WAR and database, with the
 * default settings of the comments module (first-time moderation, 30 threads a page, 5 comments a
 * minute per address, depth 5). Each test makes its own articles, addresses and e-mail addresses,
 * so tests do not depend on each other; the figures that the whole database shares (counts,
 * activity) are compared before and after. Mail goes to an SMTP server (GreenMail) that the mail
 * tests start inside the container, on the port the build reserved for it ({@code
 * tribune.mail.port}, see {@code arquillian.xml}).
 *
 * <p>One class, so that both share one deployment (one Payara Micro start) and one database. Two
 * groups, each under its own header with its tests in their former order: the discussion (this
 * class before) and moderation (formerly {@code ModerationIT}). Settings saved by a test are
 * removed before and after every test of the class ({@link #configurationOnly}), so that every
 * test, and the test classes that run later on the same database, start from the configuration.
 */
@ExtendWith(ArquillianExtension.class)
class CommentsIT {
  private static final Duration HUMAN = Duration.ofSeconds(30);
  private static final int PER_PAGE = 30;
  private static final String EMOJI = "\uD83D\uDE00";

  /** The rows of comments_setting that the console's settings are stored in. */
  private static final List<String> SETTING_ROWS =
      List.of(
          "moderation",
          "max-length",
          "max-depth",
          "edit-window",
          "close-after-days",
          "max-links",
          "blocked-words",
          "reports-hide-after");

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("tribune.it.war")))
        .addPackage(CommentsIT.class.getPackage())
        // GreenMail, to receive the mails in the container (its JUnit helpers need JUnit 4).
        .addPackages(
            true,
            Filters.exclude(".*/junit[0-9]*/.*"),
            GreenMail.class.getPackage().getName().replace(".util", ""));
  }

  @Inject ArticleService articles;
  @Inject AuthorService authors;
  @Inject SectionService sections;
  @Inject CommentService comments;
  @Inject ModerationService moderation;
  @Inject ReportService reports;

  @Resource(lookup = "java:app/jdbc/tribune")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  /**
   * Runs before and after every test of the class: removes the settings a moderation test saved, so
   * that every test runs with the configuration's, as the discussion's tests assume.
   */
  @BeforeEach
  @AfterEach
  void configurationOnly() throws SQLException {
    sql("DELETE FROM comments_setting WHERE name IN ('" + String.join("', '", SETTING_ROWS) + "')");
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(statement);
    }
  }

  // ===============================================================================================
  // The discussion (CommentsIT)
  // ===============================================================================================

  // --- Helpers -----------------------------------------------------------------------------------

  private long article() {
    return article(true);
  }

  private long article(boolean commentsOpen) {
    long author = authors.create("Claire Dumont " + UUID.randomUUID(), "");
    long id =
        articles.create(
            new ArticleDraft(
                "Débat " + UUID.randomUUID(),
                null,
                "",
                BodyFormat.MARKDOWN,
                "Texte.",
                List.of(author),
                null,
                List.of(),
                null,
                null,
                commentsOpen));
    articles.publish(id, Instant.now().minusSeconds(60));
    return id;
  }

  private static String email() {
    return "lecteur-" + UUID.randomUUID() + "@example.org";
  }

  /** A human's submission from an address of its own. */
  private static Submission human() {
    return from("ip-" + UUID.randomUUID());
  }

  private static Submission from(String address) {
    return new Submission(address, "Mozilla/5.0 (test)", HUMAN, false);
  }

  private PostResult post(long article, Long parent, String email, String body) {
    return comments.post(new NewComment(article, parent, "Léa", email, null, body, false), human());
  }

  /** An approved comment (moderated if the policy held it). */
  private long approved(long article, Long parent, String body) {
    return approved(article, parent, email(), body);
  }

  private long approved(long article, Long parent, String email, String body) {
    PostResult result = post(article, parent, email, body);
    if (result.status() != CommentStatus.APPROVED) {
      comments.moderate(result.commentId(), CommentStatus.APPROVED);
    }
    return result.commentId();
  }

  /** An e-mail address that already has an approved comment, so the policy approves it now. */
  private String knownEmail() {
    String email = email();
    approved(article(), null, email, "Ma première contribution " + UUID.randomUUID());
    return email;
  }

  private static List<Reason> reasons(Runnable call) {
    return assertThrows(CommentRejectedException.class, call::run).reasons();
  }

  private static List<Long> ids(List<CommentNode> nodes) {
    return nodes.stream().map(CommentNode::id).toList();
  }

  private static CommentNode only(List<CommentNode> nodes) {
    assertEquals(1, nodes.size(), () -> "threads " + ids(nodes));
    return nodes.get(0);
  }

  private long count(String sql, long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private String subscriptionToken(long commentId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT token FROM comments_subscription WHERE comment_id = ?")) {
      select.setLong(1, commentId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  // --- Posting and the policy --------------------------------------------------------------------

  @Test
  void aNewcomerIsHeldUntilApprovedThenTheirNextCommentsGoStraightThrough() {
    long article = article();
    String email = email();
    PostResult first = post(article, null, email, "Bonjour, première fois ici.");
    assertEquals(CommentStatus.PENDING, first.status());
    assertNotNull(first.editToken());
    assertTrue(first.editableUntil().isAfter(Instant.now().plusSeconds(14 * 60)));
    assertEquals(CommentStatus.PENDING, post(article, null, email, "Encore moi.").status());

    comments.moderate(first.commentId(), CommentStatus.APPROVED);

    assertEquals(
        CommentStatus.APPROVED,
        post(article, null, email.toUpperCase(), "Merci pour la validation.").status(),
        "addresses compare without case");
  }

  @Test
  void aKnownAuthorWithTooManyLinksIsHeld() {
    String email = knownEmail();
    PostResult result =
        post(article(), null, email, "https://a.example http://b.example www.c.example");
    assertEquals(CommentStatus.PENDING, result.status());
  }

  @Test
  void honeypotAndTooFastOrUnknownFormAgeAreSilentSpam() {
    long article = article();
    String email = knownEmail();
    List<Submission> robots =
        List.of(
            new Submission("ip-" + UUID.randomUUID(), null, HUMAN, true),
            new Submission("ip-" + UUID.randomUUID(), null, null, false),
            new Submission("ip-" + UUID.randomUUID(), null, Duration.ofSeconds(1), false));
    for (int i = 0; i < robots.size(); i++) {
      PostResult result =
          comments.post(
              new NewComment(article, null, "Bot", email, null, "Achetez " + i, false),
              robots.get(i));
      assertEquals(CommentStatus.SPAM, result.status());
      assertNotNull(result.editToken(), "a spam verdict looks like any held comment");
      Discussion theirs =
          comments.discussion(
              article,
              CommentSort.OLDEST,
              1,
              new OwnComments(Map.of(result.commentId(), result.editToken())));
      assertTrue(
          theirs.threads().stream().anyMatch(t -> t.id() == result.commentId()),
          "its author sees it, as held");
    }
    Discussion everyone = comments.discussion(article, CommentSort.OLDEST, 1, OwnComments.NONE);
    assertEquals(0, everyone.threadCount());
    assertEquals(List.of(), everyone.threads());
  }

  @Test
  void everyProblemOfTheFormIsReportedAtOnce() {
    long article = article();
    assertEquals(
        List.of(
            Reason.NAME_REQUIRED,
            Reason.EMAIL_INVALID,
            Reason.WEBSITE_INVALID,
            Reason.BODY_REQUIRED),
        reasons(
            () ->
                comments.post(
                    new NewComment(
                        article, null, "  ", "pas-une-adresse", "javascript:alert(1)", " ", false),
                    human())));
    assertEquals(
        List.of(Reason.NAME_REQUIRED, Reason.EMAIL_REQUIRED, Reason.BODY_REQUIRED),
        reasons(
            () ->
                comments.post(
                    new NewComment(article, null, null, null, null, null, false), human())));
    assertEquals(
        List.of(Reason.PARENT_NOT_FOUND, Reason.NAME_TOO_LONG),
        reasons(
            () ->
                comments.post(
                    new NewComment(article, -1L, "n".repeat(101), email(), null, "Texte", false),
                    human())));
    assertEquals(0, comments.countAll(article));
  }

  @Test
  void fourByteCharactersCountAsOneAndFitTheColumns() {
    long article = article();
    String email = email();
    PostResult longest =
        comments.post(
            new NewComment(
                article,
                null,
                EMOJI.repeat(100),
                email,
                "https://example.org/" + "a".repeat(470),
                EMOJI.repeat(10_000),
                false),
            human());
    CommentView stored = comments.find(longest.commentId()).orElseThrow();
    assertEquals(EMOJI.repeat(100), stored.authorName());
    assertEquals(EMOJI.repeat(10_000), stored.body());
    assertEquals(
        List.of(Reason.BODY_TOO_LONG),
        reasons(() -> post(article, null, email, EMOJI.repeat(10_001))));
  }

  @Test
  void storedTextIsCleanedAndRenderedOnce() {
    long article = article();
    PostResult result =
        comments.post(
            new NewComment(
                article,
                null,
                " Léa\u0000 ",
                " Lea@Example.org ",
                "Example.org",
                "> cité <b>\n\nVoir https://example.org/x?a=1&b=2 !\u0007",
                false),
            human());
    CommentView view = comments.find(result.commentId()).orElseThrow();
    assertEquals("Léa", view.authorName());
    assertEquals("https://example.org/", view.website());
    assertEquals("> cité <b>\n\nVoir https://example.org/x?a=1&b=2 !", view.body());
    assertEquals(
        "<blockquote><p>cité &lt;b&gt;</p></blockquote><p>Voir <a"
            + " href=\"https://example.org/x?a=1&amp;b=2\" rel=\"nofollow ugc noopener\">"
            + "https://example.org/x?a=1&amp;b=2</a> !</p>",
        view.bodyHtml());
  }

  @Test
  void draftsAreNotFoundAndClosedDiscussionsRefuse() {
    long author = authors.create("Claire Dumont " + UUID.randomUUID(), "");
    long draft =
        articles.create(ArticleDraft.markdown("Brouillon " + UUID.randomUUID(), "", "", author));
    assertEquals(
        List.of(Reason.ARTICLE_NOT_FOUND), reasons(() -> post(draft, null, email(), "Trop tôt")));
    long closed = article(false);
    assertEquals(List.of(Reason.CLOSED), reasons(() -> post(closed, null, email(), "Fermé")));
    assertFalse(comments.discussion(closed, CommentSort.NEWEST, 1, OwnComments.NONE).open());
    assertTrue(comments.discussion(article(), CommentSort.NEWEST, 1, OwnComments.NONE).open());
  }

  @Test
  void anAddressPostingTooFastIsRateLimited() {
    long article = article();
    Submission same = from("ip-" + UUID.randomUUID());
    for (int i = 0; i < 5; i++) {
      comments.post(
          new NewComment(article, null, "Léa", email(), null, "Message " + i, false), same);
    }
    assertEquals(
        List.of(Reason.RATE_LIMITED),
        reasons(
            () ->
                comments.post(
                    new NewComment(article, null, "Léa", email(), null, "Un de trop", false),
                    same)));
    assertEquals(5, comments.countAll(article));
  }

  @Test
  void theSameTextByTheSameAddressUnderTheSameArticleIsADuplicate() {
    long article = article();
    String email = email();
    post(article, null, email, "Je suis d'accord.");
    assertEquals(
        List.of(Reason.DUPLICATE), reasons(() -> post(article, null, email, "Je suis d'accord.")));
    post(article(), null, email, "Je suis d'accord.");
    post(article, null, email(), "Je suis d'accord.");
  }

  @Test
  void aBannedAuthorsLaterCommentsGoToSpamByEmailOrAddress() {
    long article = article();
    String email = knownEmail();
    String address = "ip-" + UUID.randomUUID();
    PostResult before =
        comments.post(
            new NewComment(article, null, "Troll", email, null, "Provocation", false),
            from(address));
    assertEquals(CommentStatus.APPROVED, before.status());

    comments.banAuthorOf(before.commentId());
    comments.banAuthorOf(before.commentId());

    assertEquals(CommentStatus.APPROVED, comments.find(before.commentId()).orElseThrow().status());
    assertEquals(
        CommentStatus.SPAM,
        comments
            .post(new NewComment(article, null, "Troll", email, null, "Encore", false), human())
            .status());
    assertEquals(
        CommentStatus.SPAM,
        comments
            .post(
                new NewComment(article, null, "Autre", knownEmail(), null, "Même adresse", false),
                from(address))
            .status());
    assertEquals(
        List.of(Reason.COMMENT_NOT_FOUND), reasons(() -> comments.banAuthorOf(Long.MAX_VALUE)));
  }

  // --- Threads -----------------------------------------------------------------------------------

  @Test
  void repliesNestUpToTheMaximumDepthThenHangUnderTheParent() {
    long article = article();
    List<Long> chain = new ArrayList<>();
    chain.add(approved(article, null, "Niveau 0"));
    for (int depth = 1; depth <= 5; depth++) {
      chain.add(approved(article, chain.get(depth - 1), "Niveau " + depth));
    }
    long deeper = approved(article, chain.get(5), "Trop profond");

    CommentView view = comments.find(deeper).orElseThrow();
    assertEquals(5, view.depth());
    assertEquals(chain.get(4), view.parentId());
    assertEquals(5, comments.find(chain.get(5)).orElseThrow().depth());

    CommentNode node =
        only(comments.discussion(article, CommentSort.OLDEST, 1, OwnComments.NONE).threads());
    for (int depth = 1; depth < 5; depth++) {
      node = node.replies().get(0);
    }
    assertEquals(List.of(chain.get(5), deeper), ids(node.replies()), "siblings, oldest first");
  }

  @Test
  void aParentMustBeAVisibleCommentOfTheSameArticle() {
    long article = article();
    long elsewhere = approved(article(), null, "Ailleurs");
    long held = post(article, null, email(), "En attente").commentId();
    assertEquals(
        List.of(Reason.PARENT_NOT_FOUND), reasons(() -> post(article, elsewhere, email(), "R")));
    assertEquals(
        List.of(Reason.PARENT_NOT_FOUND), reasons(() -> post(article, held, email(), "R")));
    assertEquals(
        List.of(Reason.PARENT_NOT_FOUND),
        reasons(() -> post(article, Long.MAX_VALUE, email(), "R")));
  }

  @Test
  void threadsArePagedAndSortedWithWholeThreadsOnEachPage() {
    long article = article();
    List<Long> roots = new ArrayList<>();
    for (int i = 0; i < PER_PAGE + 2; i++) {
      roots.add(approved(article, null, "Fil " + i));
    }
    long reply = approved(article, roots.get(0), "Réponse au premier fil");
    approved(article, reply, "Réponse à la réponse");
    comments.vote(article, roots.get(5), 1, "k-" + UUID.randomUUID(), human());
    comments.vote(article, roots.get(5), 1, "k-" + UUID.randomUUID(), human());
    comments.vote(article, roots.get(9), 1, "k-" + UUID.randomUUID(), human());
    comments.vote(article, roots.get(1), -1, "k-" + UUID.randomUUID(), human());

    Discussion newest = comments.discussion(article, CommentSort.NEWEST, 1, OwnComments.NONE);
    assertEquals(PER_PAGE + 4, newest.approvedCount());
    assertEquals(PER_PAGE + 2, newest.threadCount());
    assertEquals(2, newest.pageCount());
    assertTrue(newest.hasNextPage());
    assertEquals(PER_PAGE, newest.threads().size());
    assertEquals(roots.get(PER_PAGE + 1), newest.threads().get(0).id());

    Discussion oldestLast = comments.discussion(article, CommentSort.OLDEST, 2, OwnComments.NONE);
    assertEquals(List.of(roots.get(PER_PAGE), roots.get(PER_PAGE + 1)), ids(oldestLast.threads()));
    assertFalse(oldestLast.hasNextPage());

    CommentNode first =
        comments.discussion(article, CommentSort.OLDEST, 1, OwnComments.NONE).threads().get(0);
    assertEquals(roots.get(0), first.id());
    assertEquals(List.of(reply), ids(first.replies()));
    assertEquals(1, first.replies().get(0).replies().size());

    Discussion popular = comments.discussion(article, CommentSort.POPULAR, 1, OwnComments.NONE);
    assertEquals(List.of(roots.get(5), roots.get(9)), ids(popular.threads()).subList(0, 2));
    assertEquals(2, popular.threads().get(0).comment().score());
    assertEquals(roots.get(PER_PAGE + 1), popular.threads().get(2).id(), "then newest first");
    assertEquals(
        List.of(roots.get(0), roots.get(1)),
        ids(comments.discussion(article, CommentSort.POPULAR, 2, OwnComments.NONE).threads()),
        "the oldest, then negative scores, come last");

    assertEquals(2, comments.discussion(article, CommentSort.NEWEST, 99, OwnComments.NONE).page());
    assertEquals(1, comments.discussion(article, CommentSort.NEWEST, -3, OwnComments.NONE).page());
    Discussion empty = comments.discussion(article(), CommentSort.NEWEST, 5, OwnComments.NONE);
    assertEquals(
        List.of(1, 1, 0), List.of(empty.page(), empty.pageCount(), empty.threads().size()));
  }

  @Test
  void aHiddenCommentWithVisibleRepliesIsAPlaceholder() {
    long article = article();
    long root = approved(article, null, "Bientôt supprimé");
    long reply = approved(article, root, "Je reste");
    long lonely = approved(article, null, "Seul");
    comments.moderate(root, CommentStatus.TRASH);
    comments.moderate(lonely, CommentStatus.SPAM);

    Discussion discussion = comments.discussion(article, CommentSort.OLDEST, 1, OwnComments.NONE);
    CommentNode thread = only(discussion.threads());
    assertTrue(thread.removed());
    assertEquals(root, thread.id());
    assertEquals(reply, thread.replies().get(0).comment().id());
    assertEquals(1, discussion.approvedCount());
    assertEquals(1, discussion.threadCount());
  }

  @Test
  void authorsSeeTheirOwnHeldCommentsAndNobodyElseDoes() {
    long article = article();
    long root = approved(article, null, "Sujet");
    PostResult held = post(article, root, email(), "Ma réponse en attente");
    assertEquals(CommentStatus.PENDING, held.status());
    PostResult heldThread = post(article, null, email(), "Mon fil en attente");

    OwnComments mine =
        new OwnComments(
            Map.of(
                held.commentId(),
                held.editToken(),
                heldThread.commentId(),
                heldThread.editToken()));
    Discussion seenByAuthor = comments.discussion(article, CommentSort.OLDEST, 1, mine);
    assertEquals(List.of(root, heldThread.commentId()), ids(seenByAuthor.threads()));
    CommentView own = seenByAuthor.threads().get(0).replies().get(0).comment();
    assertTrue(own.own());
    assertTrue(own.held());
    assertEquals(held.editableUntil(), own.editableUntil());
    assertEquals(1, seenByAuthor.approvedCount());
    assertFalse(seenByAuthor.threads().get(0).comment().own());

    OwnComments forged = new OwnComments(Map.of(held.commentId(), heldThread.editToken()));
    for (OwnComments other : List.of(OwnComments.NONE, forged)) {
      Discussion seen = comments.discussion(article, CommentSort.OLDEST, 1, other);
      assertEquals(List.of(root), ids(seen.threads()));
      assertEquals(List.of(), seen.threads().get(0).replies());
    }

    comments.deleteOwn(held.commentId(), held.editToken());
    assertEquals(
        List.of(),
        comments.discussion(article, CommentSort.OLDEST, 1, mine).threads().get(0).replies());
  }

  @Test
  void pageOfFindsTheThreadOfAnyVisibleComment() {
    long article = article();
    List<Long> roots = new ArrayList<>();
    for (int i = 0; i < PER_PAGE + 1; i++) {
      roots.add(approved(article, null, "Fil " + i));
    }
    long reply = approved(article, roots.get(0), "Réponse");
    PostResult held = post(article, roots.get(PER_PAGE), email(), "En attente");

    assertEquals(
        OptionalInt.of(1), comments.pageOf(article, reply, CommentSort.OLDEST, OwnComments.NONE));
    assertEquals(
        OptionalInt.of(2), comments.pageOf(article, reply, CommentSort.NEWEST, OwnComments.NONE));
    assertEquals(
        OptionalInt.of(2), comments.pageOf(article, roots.get(PER_PAGE), CommentSort.OLDEST, null));
    assertEquals(
        OptionalInt.of(1),
        comments.pageOf(article, roots.get(PER_PAGE), CommentSort.POPULAR, null));
    assertEquals(
        OptionalInt.empty(),
        comments.pageOf(article, held.commentId(), CommentSort.OLDEST, OwnComments.NONE));
    assertEquals(
        OptionalInt.of(2),
        comments.pageOf(
            article,
            held.commentId(),
            CommentSort.OLDEST,
            new OwnComments(Map.of(held.commentId(), held.editToken()))));
    assertEquals(OptionalInt.empty(), comments.pageOf(article(), reply, CommentSort.OLDEST, null));

    // Threads just started, newest first: told from the comments posted since (not the whole
    // discussion), which must give the same pages.
    assertEquals(
        OptionalInt.of(1),
        comments.pageOf(article, roots.get(PER_PAGE), CommentSort.NEWEST, OwnComments.NONE));
    assertEquals(
        OptionalInt.of(1), comments.pageOf(article, roots.get(1), CommentSort.NEWEST, null));
    assertEquals(
        OptionalInt.of(2), comments.pageOf(article, roots.get(0), CommentSort.NEWEST, null));
  }

  // --- Votes -------------------------------------------------------------------------------------

  @Test
  void aVisitorHasOneVoteAComment() {
    long article = article();
    long comment = approved(article, null, "Votez");
    Submission address = from("ip-" + UUID.randomUUID());
    String key = "k-" + UUID.randomUUID();

    assertEquals(
        new VoteResult(comment, 1, true, 1), comments.vote(article, comment, 1, key, address));
    assertEquals(
        new VoteResult(comment, 1, false, 1), comments.vote(article, comment, 1, key, address));
    assertEquals(Map.of(comment, 1), comments.ownVotes(article, key));
    assertEquals(
        new VoteResult(comment, -1, true, -1), comments.vote(article, comment, -1, key, human()));
    assertEquals(Map.of(comment, -1), comments.ownVotes(article, key));
    assertEquals(
        new VoteResult(comment, -1, false, 0),
        comments.vote(article, comment, 1, "k-" + UUID.randomUUID(), address),
        "another key from an address that voted");
    assertEquals(
        new VoteResult(comment, 0, true, 1),
        comments.vote(article, comment, 1, "k-" + UUID.randomUUID(), human()));
    assertEquals(
        new VoteResult(comment, 1, true, 0),
        comments.vote(article, comment, 0, key, address),
        "withdrawn");
    assertEquals(Map.of(), comments.ownVotes(article, key));
    assertEquals(
        new VoteResult(comment, 1, false, 0),
        comments.vote(article, comment, 0, key, address),
        "nothing left to withdraw");
    assertEquals(
        new VoteResult(comment, 2, true, 1),
        comments.vote(article, comment, 1, key, address),
        "a vote again after withdrawing it");
    assertEquals(Map.of(), comments.ownVotes(article(), key));
    assertEquals(2, comments.find(comment).orElseThrow().score());
  }

  @Test
  void aWithdrawnVoteIsOnlyTheKeysOwn() {
    long article = article();
    long comment = approved(article, null, "Votez");
    Submission address = from("ip-" + UUID.randomUUID());
    comments.vote(article, comment, 1, "k-" + UUID.randomUUID(), address);
    assertEquals(
        new VoteResult(comment, 1, false, 0),
        comments.vote(article, comment, 0, "k-" + UUID.randomUUID(), address));
    assertEquals(1, comments.find(comment).orElseThrow().score());
  }

  @Test
  void onlyApprovedCommentsOfTheArticleCanBeVotedAndOnlyUpOrDown() {
    long article = article();
    long comment = approved(article, null, "Votez");
    long held = post(article, null, email(), "En attente").commentId();
    String key = "k-" + UUID.randomUUID();
    assertEquals(
        List.of(Reason.COMMENT_NOT_FOUND),
        reasons(() -> comments.vote(article(), comment, 1, key, human())));
    assertEquals(
        List.of(Reason.COMMENT_NOT_FOUND),
        reasons(() -> comments.vote(article, held, 1, key, human())));
    assertEquals(
        List.of(Reason.COMMENT_NOT_FOUND),
        reasons(() -> comments.vote(article, Long.MAX_VALUE, 1, key, human())));
    assertThrows(
        IllegalArgumentException.class, () -> comments.vote(article, comment, 2, key, human()));
    assertThrows(
        IllegalArgumentException.class, () -> comments.vote(article, comment, -2, key, human()));
  }

  @Test
  void concurrentVotesAreAllCountedAndARacingRepeatOnce() throws Exception {
    long article = article();
    long comment = approved(article, null, "Populaire");
    List<Future<VoteResult>> votes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      votes.add(
          executor.submit(
              () -> comments.vote(article, comment, 1, "k-" + UUID.randomUUID(), human())));
    }
    String key = "k-" + UUID.randomUUID();
    Submission address = human();
    for (int i = 0; i < 4; i++) {
      votes.add(executor.submit(() -> comments.vote(article, comment, 1, key, address)));
    }
    long counted = 0;
    for (Future<VoteResult> vote : votes) {
      if (vote.get(60, TimeUnit.SECONDS).counted()) {
        counted++;
      }
    }
    assertEquals(9, counted);
    assertEquals(9, comments.find(comment).orElseThrow().score());
  }

  // --- Editing -----------------------------------------------------------------------------------

  @Test
  void authorsEditAndDeleteWithTheirTokenOnly() {
    long article = article();
    String email = knownEmail();
    PostResult result = post(article, null, email, "Premier jet");
    assertEquals(CommentStatus.APPROVED, result.status());

    assertEquals(
        List.of(Reason.EDIT_NOT_ALLOWED),
        reasons(() -> comments.edit(result.commentId(), wrongToken(), "Piraté")));
    assertEquals(
        List.of(Reason.EDIT_NOT_ALLOWED),
        reasons(() -> comments.edit(Long.MAX_VALUE, result.editToken(), "Ailleurs")));
    assertEquals(
        List.of(Reason.BODY_REQUIRED),
        reasons(() -> comments.edit(result.commentId(), result.editToken(), " \n ")));

    CommentView edited =
        comments.edit(result.commentId(), result.editToken(), "Version\n\ncorrigée");
    assertEquals("Version\n\ncorrigée", edited.body());
    assertEquals("<p>Version</p><p>corrigée</p>", edited.bodyHtml());
    assertNotNull(edited.editedAt());
    assertTrue(edited.own());
    assertEquals(CommentStatus.APPROVED, edited.status());

    CommentView spammy =
        comments.edit(
            result.commentId(),
            result.editToken(),
            "https://a.example https://b.example https://c.example");
    assertEquals(CommentStatus.PENDING, spammy.status(), "edited into what the policy holds");

    assertThrows(
        CommentRejectedException.class, () -> comments.deleteOwn(result.commentId(), wrongToken()));
    comments.deleteOwn(result.commentId(), result.editToken());
    assertEquals(CommentStatus.TRASH, comments.find(result.commentId()).orElseThrow().status());
    assertEquals(
        List.of(Reason.EDIT_NOT_ALLOWED),
        reasons(() -> comments.edit(result.commentId(), result.editToken(), "Trop tard")));
  }

  /** A token no comment has. */
  private static String wrongToken() {
    return UUID.randomUUID().toString();
  }

  // --- Lists and moderation ----------------------------------------------------------------------

  @Test
  void latestCommentsAreApprovedOnesOfReadableArticlesNewestFirst() {
    long article = article();
    long hidden = article();
    long first = approved(article, null, "Ancien");
    long second = approved(article, null, "Récent");
    post(article, null, email(), "En attente");
    long ofHidden = approved(hidden, null, "Sous un article retiré");
    articles.unpublish(hidden);

    assertEquals(
        List.of(second, first),
        comments.latest(article, 10).stream().map(LatestComment::id).toList());
    assertEquals(
        List.of(second), comments.latest(article, 1).stream().map(LatestComment::id).toList());
    assertEquals(List.of(), comments.latest(hidden, 10));
    List<Long> siteWide =
        comments.latest(null, CommentService.MAX_LIST_SIZE).stream()
            .map(LatestComment::id)
            .toList();
    assertTrue(siteWide.indexOf(second) >= 0 && siteWide.indexOf(second) < siteWide.indexOf(first));
    assertFalse(siteWide.contains(ofHidden));
    assertTrue(comments.latest(null, 1_000).size() <= CommentService.MAX_LIST_SIZE);
    assertEquals(List.of(), comments.latest(null, 0));
  }

  @Test
  void moderatorsListByStatusAndFindAnyComment() {
    long article = article();
    PostResult held = post(article, null, email(), "À modérer");
    List<Long> pending =
        comments.withStatus(CommentStatus.PENDING, 1, CommentService.MAX_LIST_SIZE).stream()
            .map(CommentView::id)
            .toList();
    assertTrue(pending.contains(held.commentId()));
    assertEquals(1, comments.withStatus(CommentStatus.PENDING, 1, 1).size());
    CommentView found = comments.find(held.commentId()).orElseThrow();
    assertEquals(CommentStatus.PENDING, found.status());
    assertFalse(found.own());
    assertTrue(comments.find(Long.MAX_VALUE).isEmpty());
    assertEquals(
        List.of(Reason.COMMENT_NOT_FOUND),
        reasons(() -> comments.moderate(Long.MAX_VALUE, CommentStatus.APPROVED)));
  }

  // --- Costs -------------------------------------------------------------------------------------

  @Test
  void aDiscussionPageRunsAsManyStatementsForTwentyThreadsAsForTwo() {
    long few = article();
    long many = article();
    OwnComments viewer = threads(few, 2);
    OwnComments manyViewer = threads(many, 20);

    Function<Long, List<String>> cost =
        article -> {
          OwnComments own = article == few ? viewer : manyViewer;
          comments.discussion(article, CommentSort.POPULAR, 1, own);
          String mark = UUID.randomUUID().toString();
          StatementCounter.begin(mark);
          try {
            Discussion discussion = comments.discussion(article, CommentSort.POPULAR, 1, own);
            assertFalse(discussion.threads().isEmpty());
          } finally {
            StatementCounter.end();
          }
          return StatementCounter.statements(mark);
        };
    List<String> fewStatements = cost.apply(few);
    List<String> manyStatements = cost.apply(many);
    assertFalse(fewStatements.isEmpty(), "no statement recorded: is the trace listener installed?");
    assertEquals(
        fewStatements.size(),
        manyStatements.size(),
        () ->
            "two threads:\n  "
                + String.join("\n  ", fewStatements)
                + "\ntwenty threads:\n  "
                + String.join("\n  ", manyStatements));
    assertTrue(manyStatements.size() <= 10, () -> String.join("\n", manyStatements));
  }

  /** Threads with two replies each, one of them held; the viewer wrote the held ones. */
  private OwnComments threads(long article, int count) {
    Map<Long, String> own = new java.util.HashMap<>();
    for (int i = 0; i < count; i++) {
      long root = approved(article, null, "Fil " + i);
      approved(article, root, "Réponse " + i);
      PostResult held = post(article, root, email(), "En attente " + i);
      own.put(held.commentId(), held.editToken());
    }
    return new OwnComments(own);
  }

  // --- Privacy and deletion ----------------------------------------------------------------------

  @Test
  void deletingAnArticleRemovesItsCommentsVotesAndSubscriptions() throws SQLException {
    long article = article();
    long comment =
        comments
            .post(
                new NewComment(article, null, "Léa", knownEmail(), null, "Abonnée", true), human())
            .commentId();
    comments.vote(article, comment, 1, "k-" + UUID.randomUUID(), human());
    assertEquals(1, count("SELECT COUNT(*) FROM comments_vote WHERE comment_id = ?", comment));
    assertEquals(
        1, count("SELECT COUNT(*) FROM comments_subscription WHERE comment_id = ?", comment));

    articles.delete(article);

    assertEquals(0, comments.countAll(article));
    assertEquals(0, count("SELECT COUNT(*) FROM comments_vote WHERE comment_id = ?", comment));
    assertEquals(
        0, count("SELECT COUNT(*) FROM comments_subscription WHERE comment_id = ?", comment));
  }

  @Test
  void aCommenterGetsTheirOwnDataAndNobodyElses() {
    long article = article();
    String email = email();
    long root =
        comments
            .post(
                new NewComment(
                    article, null, "Léa", email, "https://lea.example", "Mon avis", true),
                human())
            .commentId();
    comments.moderate(root, CommentStatus.APPROVED);
    approved(article, root, "Avis d'un autre");

    JsonObject export =
        Json.createReader(new StringReader(comments.exportByEmail(" " + email.toUpperCase() + " ")))
            .readObject();
    assertEquals(email, export.getString("email"));
    JsonArray theirs = export.getJsonArray("comments");
    assertEquals(1, theirs.size());
    JsonObject comment = theirs.getJsonObject(0);
    assertEquals(root, comment.getJsonNumber("id").longValue());
    assertEquals(article, comment.getJsonNumber("articleId").longValue());
    assertEquals("Mon avis", comment.getString("body"));
    assertEquals("https://lea.example/", comment.getString("website"));
    assertEquals("APPROVED", comment.getString("status"));
    assertFalse(comment.containsKey("ipHash"));
    assertEquals(1, export.getJsonArray("subscriptions").size());
    assertFalse(export.toString().contains("Avis d'un autre"));

    JsonObject nobody =
        Json.createReader(new StringReader(comments.exportByEmail("inconnu@example.org")))
            .readObject();
    assertEquals(0, nobody.getJsonArray("comments").size());
  }

  @Test
  void erasingACommenterKeepsOthersRepliesUnderAPlaceholder() throws SQLException {
    long article = article();
    String email = email();
    long root = approved(article, null, email, "Mon fil");
    long reply = approved(article, root, "Une réponse d'un autre");
    long mine = approved(article, reply, email, "Ma réponse, sans réponse");
    long alone = approved(article, null, email, "Mon autre fil");
    comments.vote(article, alone, 1, "k-" + UUID.randomUUID(), human());
    comments.post(new NewComment(article, null, "Léa", email, null, "Abonnée", true), human());

    assertEquals(4, comments.eraseByEmail(email));

    Discussion discussion = comments.discussion(article, CommentSort.OLDEST, 1, OwnComments.NONE);
    CommentNode thread = only(discussion.threads());
    assertEquals(root, thread.id());
    assertTrue(thread.removed());
    assertEquals(reply, thread.replies().get(0).comment().id());
    assertEquals(List.of(), thread.replies().get(0).replies());
    assertTrue(comments.find(mine).isEmpty());
    assertTrue(comments.find(alone).isEmpty());
    CommentView tombstone = comments.find(root).orElseThrow();
    assertEquals("", tombstone.authorName());
    assertEquals("", tombstone.body());
    assertEquals(CommentStatus.TRASH, tombstone.status());
    assertEquals(0, count("SELECT COUNT(*) FROM comments_vote WHERE comment_id = ?", alone));
    JsonObject export =
        Json.createReader(new StringReader(comments.exportByEmail(email))).readObject();
    assertEquals(0, export.getJsonArray("comments").size());
    assertEquals(0, export.getJsonArray("subscriptions").size());
    assertEquals(0, comments.eraseByEmail(email));
  }

  @Test
  void subscriptionsAreConfirmedAndEndedByTheirToken() throws SQLException {
    long article = article();
    long comment =
        comments
            .post(
                new NewComment(article, null, "Léa", email(), null, "Prévenez-moi", true), human())
            .commentId();
    String token = subscriptionToken(comment);
    assertNotNull(token);
    assertFalse(comments.confirmSubscription("pas-un-jeton"));
    assertFalse(comments.confirmSubscription(""));
    assertTrue(comments.confirmSubscription(token));
    assertTrue(comments.confirmSubscription(token), "confirming twice is harmless");
    assertTrue(comments.unsubscribe(token));
    assertFalse(comments.unsubscribe(token));
    assertNull(subscriptionToken(comment));

    PostResult spam =
        comments.post(
            new NewComment(article, null, "Bot", email(), null, "Spam", true),
            new Submission("ip-" + UUID.randomUUID(), null, null, false));
    assertEquals(CommentStatus.SPAM, spam.status());
    assertNull(subscriptionToken(spam.commentId()), "no subscription, hence no mail, for spam");
  }

  // --- Mail
  // ----------------------------------------------------------------------------------------

  /**
   * The SMTP server of the container, started by the first test that needs it and left running
   * until the container stops: mails of other tests may reach it too, so tests look only at mails
   * to addresses of their own.
   */
  private static GreenMail smtp;

  private static synchronized GreenMail smtp() {
    if (smtp == null) {
      int port = ConfigProvider.getConfig().getValue("tribune.mail.port", Integer.class);
      smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
    }
    return smtp;
  }

  /** Stops the SMTP server (the next {@link #smtp()} starts a new one, with no mail). */
  private static synchronized void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
      smtp = null;
    }
  }

  private static List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : smtp().getReceivedMessages()) {
      for (jakarta.mail.Address to : message.getAllRecipients()) {
        if (to.toString().equalsIgnoreCase(address)) {
          found.add(message);
        }
      }
    }
    return found;
  }

  /** The text of the first mail to {@code address} containing {@code marker}, waiting for it. */
  private static String awaitMail(String address, String marker) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : mailsTo(address)) {
        String text = message.getSubject() + "\n" + message.getContent();
        if (text.contains(marker)) {
          return text.replace("\r\n", "\n");
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail to " + address + " containing " + marker);
  }

  private static String token(String text, String path) {
    Matcher link =
        Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_%-]+)").matcher(text);
    assertTrue(link.find(), () -> "no " + path + " link in:\n" + text);
    return link.group(1);
  }

  @Test
  void subscribersHearOfApprovedRepliesButNotOfTheirOwnAndUntilTheyUnsubscribe() throws Exception {
    smtp();
    long article = article();
    String subscriber = knownEmail();
    long comment =
        comments
            .post(
                new NewComment(article, null, "Léa", subscriber, null, "Prévenez-moi", true),
                human())
            .commentId();

    String confirmation = awaitMail(subscriber, "Confirmez");
    String token = token(confirmation, "/comments/subscriptions/confirm");
    assertEquals(token, token(confirmation, "/comments/subscriptions/cancel"));
    assertTrue(confirmation.contains("Léa"), confirmation);
    assertTrue(comments.confirmSubscription(token));

    String marker = UUID.randomUUID().toString();
    long reply =
        comments
            .post(
                new NewComment(
                    article, comment, "Marc", knownEmail(), null, "Réponse " + marker, false),
                human())
            .commentId();
    String news = awaitMail(subscriber, marker);
    assertTrue(news.contains("Nouvelle réponse"), news);
    assertTrue(news.contains("Marc"), news);
    assertTrue(news.contains("#comment-" + reply), news);
    assertTrue(news.contains("/comments/subscriptions/cancel?token=" + token), news);

    comments.post(
        new NewComment(article, comment, "Léa", subscriber, null, "Je me réponds", false), human());

    String held = UUID.randomUUID().toString();
    PostResult newcomer =
        comments.post(
            new NewComment(article, comment, "Nouveau", email(), null, "Tenu " + held, false),
            human());
    assertEquals(CommentStatus.PENDING, newcomer.status());
    String staff = awaitMail("moderation@tribune.test", held);
    assertTrue(staff.contains("Commentaire à modérer"), staff);
    comments.moderate(newcomer.commentId(), CommentStatus.APPROVED);
    awaitMail(subscriber, held);
    comments.moderate(newcomer.commentId(), CommentStatus.SPAM);
    comments.moderate(newcomer.commentId(), CommentStatus.APPROVED);

    assertTrue(comments.unsubscribe(token));
    String after = UUID.randomUUID().toString();
    comments.post(
        new NewComment(article, comment, "Marc", knownEmail(), null, "Après " + after, false),
        human());
    // The staff mail of a held comment posted last is a sign the earlier mails went out.
    String last = UUID.randomUUID().toString();
    comments.post(
        new NewComment(article, null, "Fin", email(), null, "Fin " + last, false), human());
    awaitMail("moderation@tribune.test", last);
    Thread.sleep(2_000);

    List<String> subjects = new ArrayList<>();
    for (MimeMessage message : mailsTo(subscriber)) {
      subjects.add(message.getSubject());
    }
    assertEquals(3, subjects.size(), () -> "one confirmation, two replies: " + subjects);
  }

  /**
   * The mail server down: the comment is accepted all the same, its mail waits in {@code
   * comments_mail} (tried at once, then again with growing delays) and goes out once the server is
   * back (the container retries every second, {@code tribune.mail.retry-seconds} in
   * arquillian.xml).
   */
  @Test
  void aMailTheServerCouldNotTakeWaitsAndGoesOutWhenTheServerIsBack() throws Exception {
    stopSmtp();
    String subscriber = knownEmail();
    PostResult posted =
        comments.post(
            new NewComment(article(), null, "Léa", subscriber, null, "Serveur en panne", true),
            human());
    assertEquals(CommentStatus.APPROVED, posted.status(), "accepted while mail is down");

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    int[] queued = mailRow(subscriber);
    while (queued[0] < 1 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      queued = mailRow(subscriber);
    }
    assertTrue(queued[0] >= 1, "the mail was not tried while the server was down");
    assertEquals(0, queued[1], "sent while the server was down");
    assertTrue(mailsTo(subscriber).isEmpty());

    String confirmation = awaitMail(subscriber, "Confirmez");
    assertTrue(confirmation.contains("Léa"), confirmation);
    int[] sent = mailRow(subscriber);
    assertEquals(1, sent[1], "not marked sent");
    assertTrue(sent[0] >= 2, () -> "tries: " + sent[0]);
    Thread.sleep(1_500);
    assertEquals(1, mailsTo(subscriber).size(), "sent more than once");
  }

  /** The tries of the mail to {@code address}, and 1 if it was sent (0 if not), or {0, 0}. */
  private int[] mailRow(String address) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT attempts, CASE WHEN sent_at IS NULL THEN 0 ELSE 1 END"
                    + " FROM comments_mail WHERE recipient = ?")) {
      select.setString(1, address);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? new int[] {row.getInt(1), row.getInt(2)} : new int[] {0, 0};
      }
    }
  }

  @Test
  void aReplyHungHigherByTheDepthLimitStillReachesTheCommentItAnswers() throws Exception {
    smtp();
    long article = article();
    List<Long> chain = new ArrayList<>();
    chain.add(approved(article, null, "Niveau 0"));
    for (int depth = 1; depth < 5; depth++) {
      chain.add(approved(article, chain.get(depth - 1), "Niveau " + depth));
    }
    String subscriber = knownEmail();
    long deepest =
        comments
            .post(
                new NewComment(article, chain.get(4), "Inès", subscriber, null, "Au fond", true),
                human())
            .commentId();
    assertEquals(5, comments.find(deepest).orElseThrow().depth());
    assertTrue(
        comments.confirmSubscription(
            token(awaitMail(subscriber, "Confirmez"), "/comments/subscriptions/confirm")));

    String marker = UUID.randomUUID().toString();
    long reply =
        comments
            .post(
                new NewComment(
                    article, deepest, "Marc", knownEmail(), null, "Réponse " + marker, false),
                human())
            .commentId();
    assertEquals(chain.get(4), comments.find(reply).orElseThrow().parentId(), "hung higher");
    String news = awaitMail(subscriber, marker);
    assertTrue(news.contains("#comment-" + reply), news);
  }

  @Test
  void aHeldCommentReachesTheStaffWhileMailToOthersStaysOff() throws Exception {
    smtp();
    String marker = UUID.randomUUID().toString();
    String author = email();
    PostResult held =
        comments.post(
            new NewComment(article(), null, "Léa", author, "lea.example", "Texte " + marker, true),
            human());
    String staff = awaitMail("moderation@tribune.test", marker);
    assertTrue(staff.contains(author), "the staff see the address");
    assertTrue(staff.contains("https://lea.example/"), staff);
    assertTrue(staff.contains(Long.toString(held.commentId())), staff);
    String confirmation = awaitMail(author, "Confirmez");
    assertFalse(confirmation.contains(marker), "the text goes to the staff only");
  }

  // ===============================================================================================
  // Moderation (formerly ModerationIT)
  //
  // The console's moderation API. Each test makes its own articles and authors; the figures that
  // the whole database shares (counts, activity) are compared before and after. The helpers this
  // group shared with the discussion's, same names and same effect, are the ones above: article(),
  // email(), human(), approved(article, parent, body) (a fresh address's comment, held under
  // first-time moderation, then approved), reasons(), count(), subscriptionToken(), smtp(),
  // mailsTo() and awaitMail(); moderatedIds() is ids() for moderated comments.
  // ===============================================================================================

  // --- Helpers -----------------------------------------------------------------------------------

  private long article(Instant published) {
    long author = authors.create("Claire Dumont " + UUID.randomUUID(), "");
    long id =
        articles.create(
            new ArticleDraft(
                "Débat " + UUID.randomUUID(),
                null,
                "",
                BodyFormat.MARKDOWN,
                "Texte.",
                List.of(author),
                null,
                List.of(),
                null,
                null,
                true));
    articles.publish(id, published);
    return id;
  }

  /** A comment by a newcomer: held (first-time moderation). */
  private PostResult post(long article, Long parent, String name, String email, String body) {
    return comments.post(new NewComment(article, parent, name, email, null, body, false), human());
  }

  private long held(long article, String body) {
    PostResult result = post(article, null, "Léa", email(), body);
    assertEquals(CommentStatus.PENDING, result.status());
    return result.commentId();
  }

  private long staffReply(long parent, String body) {
    return moderation.replyAsStaff(parent, "La rédaction", "redaction@tribune.test", body);
  }

  private ModeratedComment seen(long id) {
    return moderation.find(id).orElseThrow();
  }

  private static void invalid(Runnable call) {
    assertThrows(ConstraintViolationException.class, call::run);
  }

  private static List<Long> moderatedIds(List<ModeratedComment> list) {
    return list.stream().map(ModeratedComment::id).toList();
  }

  /** A comment of a known author, subscribed (confirmed) to replies to it. */
  private long subscribed(long article, String subscriber) throws SQLException {
    String known = UUID.randomUUID().toString();
    approved(article, null, "Première " + known);
    long first = post(article, null, "Léa", subscriber, "Connue " + known).commentId();
    comments.moderate(first, CommentStatus.APPROVED);
    long comment =
        comments
            .post(
                new NewComment(article, null, "Léa", subscriber, null, "Prévenez-moi", true),
                human())
            .commentId();
    assertTrue(comments.confirmSubscription(subscriptionToken(comment)));
    return comment;
  }

  // --- Queues and decisions ----------------------------------------------------------------------

  @Test
  void countsByStatusHaveEveryStatusAndFollowBulkDecisions() {
    Map<CommentStatus, Long> before = moderation.countByStatus();
    assertEquals(List.of(CommentStatus.values()), List.copyOf(before.keySet()));

    long article = article();
    long first = held(article, "Un");
    long second = held(article, "Deux");
    Map<CommentStatus, Long> posted = moderation.countByStatus();
    assertEquals(before.get(CommentStatus.PENDING) + 2, posted.get(CommentStatus.PENDING));

    assertEquals(2, moderation.moderate(List.of(first, second, -1L), CommentStatus.SPAM));
    assertEquals(0, moderation.moderate(List.of(first, second), CommentStatus.SPAM), "no change");
    assertEquals(1, moderation.moderate(List.of(first, first), CommentStatus.TRASH));
    Map<CommentStatus, Long> after = moderation.countByStatus();
    assertEquals(before.get(CommentStatus.PENDING), after.get(CommentStatus.PENDING));
    assertEquals(before.get(CommentStatus.SPAM) + 1, after.get(CommentStatus.SPAM));
    assertEquals(before.get(CommentStatus.TRASH) + 1, after.get(CommentStatus.TRASH));
    assertEquals(CommentStatus.TRASH, seen(first).status());
  }

  @Test
  void aQueueFiltersByArticleTextAuthorAndEmailTakingWildcardsLiterally() {
    long article = article();
    long other = article();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = email();
    long percent = post(article, null, "Jean_Paul", email, tag + " remise de 100% ici").commentId();
    long thousand =
        post(article, null, "JeanXPaul", email(), tag + " remise de 1000 ici").commentId();
    long backslash =
        post(article, null, "Léa", email(), tag + " fichier C:\\temp\\notes").commentId();
    long elsewhere = post(other, null, "Léa", email(), tag + " ailleurs").commentId();

    ModerationFilter pendingHere =
        new ModerationFilter(CommentStatus.PENDING, article, null, null, null);
    ModerationPage all = moderation.queue(pendingHere, 1, 10);
    assertEquals(List.of(backslash, thousand, percent), moderatedIds(all.items()), "newest first");
    assertEquals(3, all.total());

    assertEquals(
        List.of(percent), moderatedIds(filtered(article, tag + " remise de 100%", null, null)));
    assertEquals(List.of(percent), moderatedIds(filtered(article, null, "N_P", null)));
    assertEquals(List.of(backslash), moderatedIds(filtered(article, "C:\\TEMP\\n", null, null)));
    assertEquals(
        List.of(percent), moderatedIds(filtered(null, null, null, "  " + email.toUpperCase())));
    assertEquals(
        List.of(elsewhere, backslash, thousand, percent),
        moderatedIds(filtered(null, tag, null, null)),
        "every article");
    assertEquals(List.of(), moderatedIds(filtered(article, "ailleurs", null, null)));
    assertEquals(
        3,
        moderation
            .queue(new ModerationFilter(CommentStatus.PENDING, article, " ", "", null), 1, 10)
            .total(),
        "blank is no filter");
    assertEquals(
        List.of(),
        moderatedIds(
            moderation
                .queue(
                    new ModerationFilter(CommentStatus.APPROVED, article, null, null, null), 1, 10)
                .items()));

    ModerationPage first = moderation.queue(pendingHere, 1, 2);
    ModerationPage second = moderation.queue(pendingHere, 2, 2);
    ModerationPage past = moderation.queue(pendingHere, 3, 2);
    assertEquals(List.of(backslash, thousand), moderatedIds(first.items()));
    assertEquals(List.of(percent), moderatedIds(second.items()));
    assertEquals(List.of(), past.items());
    assertEquals(3, past.total());
    assertEquals(2, first.pageCount());

    invalid(() -> moderation.queue(pendingHere, 0, 10));
    invalid(() -> moderation.queue(pendingHere, 1, 101));
    invalid(() -> moderation.queue(null, 1, 10));
    invalid(() -> moderation.queue(new ModerationFilter(null, article, null, null, null), 1, 10));
  }

  private List<ModeratedComment> filtered(Long article, String text, String author, String email) {
    return moderation
        .queue(new ModerationFilter(CommentStatus.PENDING, article, text, author, email), 1, 100)
        .items();
  }

  @Test
  void aModeratorSeesTheAuthorTheAddressHashTheLinksAndTheVotes() {
    long article = article();
    String email = email();
    long id =
        comments
            .post(
                new NewComment(
                    article,
                    null,
                    "Léa",
                    email,
                    "lea.example",
                    "Voir https://a.example et www.b.example",
                    false),
                human())
            .commentId();
    comments.moderate(id, CommentStatus.APPROVED);
    comments.vote(article, id, 1, UUID.randomUUID().toString(), human());
    comments.vote(article, id, 1, UUID.randomUUID().toString(), human());
    comments.vote(article, id, -1, UUID.randomUUID().toString(), human());

    ModeratedComment seen = seen(id);
    assertEquals(article, seen.articleId());
    assertEquals(CommentStatus.APPROVED, seen.status());
    assertEquals(email, seen.authorEmail());
    assertEquals("https://lea.example/", seen.authorUrl());
    assertTrue(seen.addressHash().matches("[0-9a-f]{64}"), seen.addressHash());
    assertEquals("Mozilla/5.0 (test)", seen.userAgent());
    assertEquals(2, seen.linkCount());
    assertEquals(2, seen.upVotes());
    assertEquals(1, seen.downVotes());
    assertEquals(1, seen.score());
    assertTrue(seen.bodyHtml().contains("rel=\"nofollow ugc noopener\""), seen.bodyHtml());
    assertFalse(seen.staff());
    assertTrue(moderation.find(Long.MAX_VALUE).isEmpty());
  }

  @Test
  void deletingForGoodKeepsRepliesUnderAPlaceholderAndRemovesTheRest() throws SQLException {
    long article = article();
    long root = approved(article, null, "Racine");
    long reply = approved(article, root, "Réponse");
    long alone = approved(article, null, "Seul");
    comments.vote(article, alone, 1, UUID.randomUUID().toString(), human());

    assertEquals(2, moderation.deleteForGood(List.of(root, alone, Long.MAX_VALUE)));

    ModeratedComment placeholder = seen(root);
    assertEquals(CommentStatus.TRASH, placeholder.status());
    assertEquals("", placeholder.authorName());
    assertEquals("", placeholder.body());
    assertNull(placeholder.authorEmail());
    assertNull(placeholder.addressHash());
    assertEquals(root, seen(reply).parentId());
    assertTrue(moderation.find(alone).isEmpty());
    assertEquals(0, count("SELECT COUNT(*) FROM comments_vote WHERE comment_id = ?", alone));

    List<CommentNode> threads =
        comments.discussion(article, CommentSort.OLDEST, 1, OwnComments.NONE).threads();
    assertEquals(1, threads.size());
    assertTrue(threads.get(0).removed());
    assertEquals(reply, threads.get(0).replies().get(0).id());
  }

  // --- Staff edits and replies -------------------------------------------------------------------

  @Test
  void staffEditTextsAfterTheEditWindowWithTheReadersRules() {
    long article = article();
    PostResult posted = post(article, null, "Léa", email(), "Texte d'origine");
    moderation.updateSettings(
        new CommentSettings(
            ModerationMode.FIRST_TIME, 200, 5, Duration.ZERO, 0, 2, List.of(), CommentSort.NEWEST));
    assertEquals(
        List.of(Reason.EDIT_NOT_ALLOWED),
        reasons(() -> comments.edit(posted.commentId(), posted.editToken(), "Par l'auteur")),
        "the window is closed for the author");

    moderation.editBody(posted.commentId(), "  Corrigé : voir https://a.example  ");
    ModeratedComment edited = seen(posted.commentId());
    assertEquals("Corrigé : voir https://a.example", edited.body());
    assertTrue(edited.bodyHtml().contains("href=\"https://a.example\""), edited.bodyHtml());
    assertNotNull(edited.editedAt());
    assertEquals(CommentStatus.PENDING, edited.status(), "a staff edit decides nothing");

    assertEquals(
        List.of(Reason.BODY_TOO_LONG),
        reasons(() -> moderation.editBody(posted.commentId(), "x".repeat(201))));
    assertEquals(
        List.of(Reason.BODY_REQUIRED), reasons(() -> moderation.editBody(posted.commentId(), " ")));
    assertEquals(
        List.of(Reason.COMMENT_NOT_FOUND),
        reasons(() -> moderation.editBody(Long.MAX_VALUE, "Texte")));
    assertEquals("Corrigé : voir https://a.example", seen(posted.commentId()).body());
  }

  @Test
  void aStaffReplyIsApprovedAtOnceMarkedAndToldToTheSubscribers() throws Exception {
    smtp();
    long article = article();
    String subscriber = email();
    long comment = subscribed(article, subscriber);
    moderation.updateSettings(
        new CommentSettings(
            ModerationMode.HOLD_ALL,
            10_000,
            5,
            Duration.ofMinutes(15),
            0,
            0,
            List.of("merci"),
            CommentSort.NEWEST));

    String marker = UUID.randomUUID().toString();
    long reply = staffReply(comment, "Merci, voir https://a.example " + marker);

    ModeratedComment seen = seen(reply);
    assertEquals(CommentStatus.APPROVED, seen.status(), "whatever the mode, links or words");
    assertTrue(seen.staff());
    assertEquals(comment, seen.parentId());
    assertNull(seen.addressHash());
    CommentNode thread =
        comments.discussion(article, CommentSort.OLDEST, 1, OwnComments.NONE).threads().stream()
            .filter(t -> t.id() == comment)
            .findFirst()
            .orElseThrow();
    assertTrue(thread.replies().get(0).comment().staff(), "readers see the badge's flag");
    assertFalse(thread.comment().staff());
    String news = awaitMail(subscriber, marker);
    assertTrue(news.contains("La rédaction"), news);
  }

  @Test
  void aStaffReplyFollowsTheDepthLimitAndChecksItsFields() {
    long article = article();
    List<Long> chain = new ArrayList<>();
    chain.add(approved(article, null, "Niveau 0"));
    for (int depth = 1; depth <= 5; depth++) {
      chain.add(approved(article, chain.get(depth - 1), "Niveau " + depth));
    }
    long deep = staffReply(chain.get(5), "Au fond");
    assertEquals(chain.get(4), seen(deep).parentId(), "hung under the deepest level's parent");
    long onHeld = staffReply(held(article, "Tenu"), "Réponse à un commentaire tenu");
    assertEquals(CommentStatus.APPROVED, seen(onHeld).status());

    assertEquals(
        List.of(Reason.COMMENT_NOT_FOUND), reasons(() -> staffReply(Long.MAX_VALUE, "Réponse")));
    assertEquals(
        List.of(Reason.NAME_REQUIRED, Reason.EMAIL_INVALID, Reason.BODY_REQUIRED),
        reasons(() -> moderation.replyAsStaff(chain.get(0), " ", "rédaction", " ")));
  }

  // --- Bans --------------------------------------------------------------------------------------

  @Test
  void bansByEmailOrAddressHashSendLaterCommentsToSpamUntilLifted() {
    long article = article();
    String email = email();
    moderation.banEmail("  " + email.toUpperCase() + " ");
    moderation.banEmail(email);
    assertEquals(CommentStatus.SPAM, post(article, null, "Léa", email, "Encore moi").status());

    Submission from = human();
    long first =
        comments
            .post(new NewComment(article, null, "Marc", email(), null, "Premier", false), from)
            .commentId();
    String hash = seen(first).addressHash();
    moderation.banAddressHash(hash.toUpperCase());
    assertEquals(
        CommentStatus.SPAM,
        comments
            .post(new NewComment(article, null, "Marc", email(), null, "Second", false), from)
            .status());

    List<Ban> mine =
        moderation.bans().stream()
            .filter(b -> email.equals(b.email()) || hash.equals(b.addressHash()))
            .toList();
    assertEquals(2, mine.size(), () -> "one ban each, banning twice changes nothing: " + mine);
    assertEquals(hash, mine.get(0).addressHash(), "newest first");
    assertNull(mine.get(0).email());
    assertEquals(email, mine.get(1).email());
    assertNotNull(mine.get(1).createdAt());

    mine.forEach(b -> moderation.unban(b.id()));
    moderation.unban(mine.get(0).id());
    assertEquals(CommentStatus.PENDING, post(article, null, "Léa", email, "De retour").status());
    assertEquals(
        CommentStatus.PENDING,
        comments
            .post(new NewComment(article, null, "Marc", email(), null, "Troisième", false), from)
            .status());

    assertEquals(List.of(Reason.EMAIL_INVALID), reasons(() -> moderation.banEmail("personne")));
    assertThrows(IllegalArgumentException.class, () -> moderation.banAddressHash("abc"));
  }

  // --- Settings ----------------------------------------------------------------------------------

  @Test
  void withNothingSavedTheSettingsAreTheConfigurations() {
    assertEquals(
        new CommentSettings(
            ModerationMode.FIRST_TIME,
            10_000,
            5,
            Duration.ofMinutes(15),
            0,
            2,
            List.of(),
            CommentSort.NEWEST),
        moderation.settings());
    assertEquals(10_000, comments.maxLength());
  }

  @Test
  void savedSettingsTakeEffectAtOnce() {
    CommentSettings saved =
        new CommentSettings(
            ModerationMode.APPROVE_ALL,
            200,
            1,
            Duration.ofHours(1),
            2,
            0,
            List.of("casino"),
            CommentSort.FEATURED);
    moderation.updateSettings(saved);
    assertEquals(saved, moderation.settings());
    assertEquals(200, comments.maxLength());

    long article = article();
    PostResult newcomer = post(article, null, "Léa", email(), "Bonjour");
    assertEquals(CommentStatus.APPROVED, newcomer.status(), "approve-all");
    Duration window = Duration.between(Instant.now(), newcomer.editableUntil());
    assertTrue(window.compareTo(Duration.ofMinutes(59)) > 0, () -> "edit window " + window);
    assertEquals(CommentStatus.PENDING, post(article, null, "Léa", email(), "Au CASINO").status());
    assertEquals(
        CommentStatus.PENDING, post(article, null, "Léa", email(), "https://a.example").status());
    assertEquals(
        List.of(Reason.BODY_TOO_LONG),
        reasons(() -> post(article, null, "Léa", email(), "x".repeat(201))));
    long reply = post(article, newcomer.commentId(), "Marc", email(), "Réponse").commentId();
    long deeper = post(article, reply, "Inès", email(), "Plus bas").commentId();
    assertEquals(newcomer.commentId(), seen(deeper).parentId(), "max depth 1");

    long old = article(Instant.now().minus(Duration.ofDays(3)));
    assertEquals(
        List.of(Reason.CLOSED), reasons(() -> post(old, null, "Léa", email(), "Trop tard")));
  }

  @Test
  void settingsSavedByAnotherNodeHoldAtTheNextCall() throws SQLException {
    assertEquals(10_000, comments.maxLength());
    // What another node's updateSettings writes: the shared table, no message to this node.
    sql(
        "INSERT INTO comments_setting (name, setting_value) VALUES ('max-length', '300'),"
            + " ('moderation', 'HOLD_ALL')");
    assertEquals(300, comments.maxLength());
    assertEquals(300, moderation.settings().maxLength());
    assertEquals(ModerationMode.HOLD_ALL, moderation.settings().moderation());
    assertEquals(5, moderation.settings().maxDepth(), "the others are still the configuration's");
  }

  @Test
  void settingsThatMakeNoSenseAreRefused() {
    CommentSettings current = moderation.settings();
    invalid(() -> moderation.updateSettings(null));
    invalid(() -> moderation.updateSettings(withMaxLength(current, 99)));
    invalid(() -> moderation.updateSettings(withMaxLength(current, 50_001)));
    invalid(
        () ->
            moderation.updateSettings(
                new CommentSettings(
                    ModerationMode.FIRST_TIME,
                    1000,
                    0,
                    Duration.ZERO,
                    0,
                    2,
                    List.of(),
                    CommentSort.NEWEST)));
    invalid(
        () ->
            moderation.updateSettings(
                new CommentSettings(
                    ModerationMode.FIRST_TIME,
                    1000,
                    5,
                    Duration.ZERO,
                    0,
                    2,
                    List.of(" "),
                    CommentSort.NEWEST)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            moderation.updateSettings(
                new CommentSettings(
                    ModerationMode.FIRST_TIME,
                    1000,
                    5,
                    Duration.ofMinutes(-1),
                    0,
                    2,
                    List.of(),
                    CommentSort.NEWEST)));
    assertEquals(current, moderation.settings(), "nothing saved");
  }

  private static CommentSettings withMaxLength(CommentSettings s, int maxLength) {
    return new CommentSettings(
        s.moderation(),
        maxLength,
        s.maxDepth(),
        s.editWindow(),
        s.closeAfterDays(),
        s.maxLinks(),
        s.blockedWords(),
        s.defaultSort());
  }

  // --- Figures -----------------------------------------------------------------------------------

  @Test
  void commentsPerDayListEveryDayOfTheZoneOldestFirstTodayIncluded() {
    ZoneId zone = ZoneId.of("Pacific/Kiritimati"); // UTC+14: far from the server's and from UTC
    List<DailyCount> before = moderation.commentsPerDay(zone, 7);
    long article = article();
    held(article, "Un");
    moderation.moderate(List.of(held(article, "Deux")), CommentStatus.SPAM);
    List<DailyCount> after = moderation.commentsPerDay(zone, 7);

    assertEquals(7, after.size());
    LocalDate today = LocalDate.now(zone);
    assertEquals(today, after.get(6).day());
    for (int i = 0; i < 7; i++) {
      assertEquals(today.minusDays(6 - i), after.get(i).day());
    }
    if (before.get(6).day().equals(today)) {
      assertEquals(before.get(6).count() + 2, after.get(6).count(), "any status counts");
    }
    assertEquals(1, moderation.commentsPerDay(zone, 1).size());
    invalid(() -> moderation.commentsPerDay(zone, 0));
    invalid(() -> moderation.commentsPerDay(zone, 367));
    invalid(() -> moderation.commentsPerDay(null, 7));
  }

  @Test
  void theMostDiscussedArticlesCountApprovedCommentsOnly() {
    long most = article();
    long less = article();
    long mostRoot = approved(most, null, "Racine");
    long lessRoot = approved(less, null, "Racine");
    for (int i = 0; i < 30; i++) {
      staffReply(mostRoot, "Réponse " + i);
      staffReply(lessRoot, "Réponse " + i);
    }
    staffReply(mostRoot, "Une de plus");
    for (int i = 0; i < 3; i++) {
      held(less, "Tenu " + i);
    }

    List<DiscussedArticle> top = moderation.mostDiscussed(1, 50);
    List<Long> order = top.stream().map(DiscussedArticle::articleId).toList();
    assertTrue(order.contains(most) && order.contains(less), () -> order.toString());
    assertTrue(order.indexOf(most) < order.indexOf(less), "most first");
    assertEquals(new DiscussedArticle(most, 32), top.get(order.indexOf(most)));
    assertEquals(new DiscussedArticle(less, 31), top.get(order.indexOf(less)));
    assertEquals(1, moderation.mostDiscussed(1, 1).size());
    invalid(() -> moderation.mostDiscussed(1, 51));
  }

  @Test
  void recentActivityListsTheNewestCommentsOfAnyStatus() {
    long article = article();
    long approved = approved(article, null, "Publié");
    long held = held(article, "Tenu");
    long spam = held(article, "Indésirable");
    moderation.moderate(List.of(spam), CommentStatus.SPAM);

    assertEquals(List.of(spam, held, approved), moderatedIds(moderation.recent(3)));
    invalid(() -> moderation.recent(0));
    invalid(() -> moderation.recent(51));
  }

  // --- Bulk approval and mail --------------------------------------------------------------------

  @Test
  void approvingRepliesInBulkTellsTheSubscribersOnce() throws Exception {
    smtp();
    long article = article();
    String subscriber = email();
    long comment = subscribed(article, subscriber);
    String marker = UUID.randomUUID().toString();
    long reply = post(article, comment, "Marc", email(), "Réponse " + marker).commentId();
    long other = held(article, "Autre");

    assertEquals(2, moderation.moderate(List.of(reply, other), CommentStatus.APPROVED));
    awaitMail(subscriber, marker);
    moderation.moderate(List.of(reply), CommentStatus.SPAM);
    assertEquals(1, moderation.moderate(List.of(reply, other), CommentStatus.APPROVED));

    // The staff mail of a held comment posted last is a sign the earlier mails went out.
    String last = UUID.randomUUID().toString();
    held(article, "Fin " + last);
    awaitMail("moderation@tribune.test", last);
    Thread.sleep(2_000);
    long told = mailsTo(subscriber).stream().filter(m -> contains(m, marker)).count();
    assertEquals(1, told, "told once");
  }

  private static boolean contains(MimeMessage message, String marker) {
    try {
      return (message.getSubject() + "\n" + message.getContent()).contains(marker);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  // --- The editorial team's selection ------------------------------------------------------------

  @Test
  void featuredCommentsMakeTheSelectionTheMostRecentlyChosenFirst() {
    long article = article();
    long first = approved(article, null, "Un premier avis sur la médiathèque.");
    long second = approved(article, null, "Un second avis sur la médiathèque.");
    long reply = approved(article, second, "Une réponse nuancée.");
    approved(article, null, "Un troisième avis, sans plus.");
    long held = held(article, "Pas encore publié.");

    Discussion none = comments.discussion(article, CommentSort.FEATURED, 1, OwnComments.NONE);
    assertEquals(CommentSort.NEWEST, none.sort(), "no selection: newest first");
    assertEquals(0, none.featuredThreadCount());
    assertEquals(3, none.threads().size());

    moderation.feature(first, "redaction@tribune.test");
    moderation.feature(reply, "redaction@tribune.test");
    assertEquals(
        List.of(CommentRejectedException.Reason.COMMENT_NOT_FOUND),
        reasons(() -> moderation.feature(held, "redaction@tribune.test")));

    Discussion selection = comments.discussion(article, CommentSort.FEATURED, 1, OwnComments.NONE);
    assertEquals(CommentSort.FEATURED, selection.sort());
    assertEquals(2, selection.featuredThreadCount());
    assertEquals(3, selection.threadCount());
    assertEquals(List.of(second, first), ids(selection.threads()));
    assertTrue(selection.threads().get(0).replies().get(0).comment().featured());
    assertFalse(selection.threads().get(0).comment().featured());
    assertTrue(seen(first).featured());
    assertEquals(
        comments.pageOf(article, first, CommentSort.NEWEST, OwnComments.NONE),
        comments.pageOf(article, first, CommentSort.FEATURED, OwnComments.NONE));

    moderation.feature(first, "redaction@tribune.test");
    assertEquals(
        List.of(first, second),
        ids(comments.discussion(article, CommentSort.FEATURED, 1, OwnComments.NONE).threads()));
    moderation.unfeature(reply);
    moderation.unfeature(reply);
    moderation.moderate(List.of(first), CommentStatus.TRASH);
    assertEquals(
        0,
        comments
            .discussion(article, CommentSort.NEWEST, 1, OwnComments.NONE)
            .featuredThreadCount());
  }

  // --- Discussion rules of an article and of a section -------------------------------------------

  @Test
  void anArticleOrItsSectionMayModerateOtherwiseAndCloseOnADate() {
    long section = sections.create("Vie locale " + UUID.randomUUID(), "", null);
    long author = authors.create("Claire Dumont " + UUID.randomUUID(), "");
    long article =
        articles.create(
            new ArticleDraft(
                "Le marché de Noël " + UUID.randomUUID(),
                null,
                "",
                BodyFormat.MARKDOWN,
                "Texte.",
                List.of(author),
                section,
                List.of(),
                null,
                null,
                true));
    articles.publish(article, Instant.now().minusSeconds(60));
    String known = knownEmail();

    assertEquals(ModerationMode.FIRST_TIME, discussionOf(article).moderation());
    moderation.setSectionMode(section, ModerationMode.HOLD_ALL);
    assertEquals(Map.of(section, ModerationMode.HOLD_ALL), onlySection(section));
    assertEquals(ModerationMode.HOLD_ALL, discussionOf(article).moderation());
    assertEquals(CommentStatus.PENDING, post(article, null, known, "Avant relecture").status());

    moderation.setArticleRules(article, new DiscussionRules(ModerationMode.APPROVE_ALL, null));
    assertEquals(ModerationMode.APPROVE_ALL, discussionOf(article).moderation());
    assertEquals(CommentStatus.APPROVED, post(article, null, email(), "Publié d’emblée").status());

    Instant closing = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MICROS);
    moderation.setArticleRules(article, new DiscussionRules(null, closing));
    assertEquals(new DiscussionRules(null, closing), moderation.articleRules(article));
    Discussion closed = discussionOf(article);
    assertFalse(closed.open());
    assertEquals(closing, closed.closesAt());
    assertEquals(ModerationMode.HOLD_ALL, closed.moderation(), "the section's again");
    assertEquals(List.of(Reason.CLOSED), reasons(() -> post(article, null, email(), "Trop tard")));

    Instant later = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);
    moderation.setArticleRules(article, new DiscussionRules(null, later));
    assertTrue(discussionOf(article).open());
    assertEquals(later, discussionOf(article).closesAt());

    moderation.setArticleRules(article, DiscussionRules.NONE);
    moderation.setSectionMode(section, null);
    assertEquals(DiscussionRules.NONE, moderation.articleRules(article));
    assertEquals(Map.of(), onlySection(section));
    assertEquals(ModerationMode.FIRST_TIME, discussionOf(article).moderation());
    assertNull(discussionOf(article).closesAt());
  }

  private Discussion discussionOf(long article) {
    return comments.discussion(article, CommentSort.NEWEST, 1, OwnComments.NONE);
  }

  private Map<Long, ModerationMode> onlySection(long section) {
    return moderation.sectionModes().entrySet().stream()
        .filter(e -> e.getKey() == section)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  // --- Quotes
  // --------------------------------------------------------------------------------------

  @Test
  void aSubscribedAuthorHearsWhenAnApprovedCommentQuotesThemOnce() throws Exception {
    smtp();
    long article = article();
    String subscriber = email();
    long quoted = subscribed(article, subscriber);
    long held = held(article, "Pas encore publié.");
    String marker = UUID.randomUUID().toString();
    String author = email();

    long quoting =
        comments
            .post(
                new NewComment(
                    article,
                    null,
                    "Marc",
                    author,
                    null,
                    "> Prévenez-moi\n> — Léa\n\nJe vous réponds ici " + marker,
                    false,
                    List.of(quoted, quoted, held, Long.MAX_VALUE)),
                human())
            .commentId();
    if (seen(quoting).status() != CommentStatus.APPROVED) {
      comments.moderate(quoting, CommentStatus.APPROVED);
    }

    String told = awaitMail(subscriber, marker);
    assertTrue(told.contains("Marc a cité votre commentaire"), told);
    // Moderated again: nobody hears of it twice.
    comments.moderate(quoting, CommentStatus.SPAM);
    comments.moderate(quoting, CommentStatus.APPROVED);
    String last = UUID.randomUUID().toString();
    held(article, "Fin " + last);
    awaitMail("moderation@tribune.test", last);
    Thread.sleep(1_000);
    assertEquals(
        1, mailsTo(subscriber).stream().filter(m -> contains(m, marker)).count(), "told once");
  }

  // --- Sanctions ---------------------------------------------------------------------------------

  @Test
  void aSuspensionForSomeDaysSendsTheAuthorsCommentsToSpamAndTellsThemWhy() throws Exception {
    smtp();
    long article = article();
    String author = knownEmail();
    long comment = approved(article, null, author, "Un commentaire qui a mal tourné.");
    String hash = seen(comment).addressHash();

    List<Ban> made =
        moderation.sanction(
            new Sanction(
                Ban.Effect.SUSPENDED,
                author.toUpperCase(java.util.Locale.ROOT),
                hash,
                Duration.ofDays(7),
                "Injures <répétées>.",
                comment));

    assertEquals(2, made.size());
    Ban byEmail = made.get(0);
    assertAll(
        () -> assertEquals(author, byEmail.email()),
        () -> assertEquals(Ban.Effect.SUSPENDED, byEmail.effect()),
        () -> assertEquals("Injures <répétées>.", byEmail.reason()),
        () ->
            assertTrue(
                Duration.between(Instant.now(), byEmail.expiresAt())
                        .compareTo(Duration.ofDays(7).minusMinutes(1))
                    > 0),
        () -> assertEquals(hash, made.get(1).addressHash()));
    assertEquals(
        CommentStatus.SPAM,
        comments
            .post(new NewComment(article, null, "Léa", author, null, "Encore moi.", false), human())
            .status());
    String told = awaitMail(author, "suspendus");
    assertTrue(told.contains("pendant 7\u00a0jours"), told);
    assertTrue(told.contains("Injures <répétées>."), told);
    assertTrue(moderation.bans().stream().anyMatch(b -> b.id() == byEmail.id()));

    // Expired: their comments are theirs again; the sanction stays on the record.
    sql(
        "UPDATE comments_ban SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' HOUR WHERE id = "
            + byEmail.id()
            + " OR id = "
            + made.get(1).id());
    assertEquals(
        CommentStatus.APPROVED,
        comments
            .post(new NewComment(article, null, "Léa", author, null, "De retour.", false), human())
            .status());
    assertFalse(
        moderation.bans().stream()
            .filter(b -> b.id() == byEmail.id())
            .findFirst()
            .orElseThrow()
            .activeAt(Instant.now()));
  }

  @Test
  void aWatchedAuthorsCommentsWaitForAModeratorAndABanOverridesTheWatch() {
    long article = article();
    String author = knownEmail();
    moderation.sanction(new Sanction(Ban.Effect.HELD, author, null, null, null, null));

    assertEquals(
        CommentStatus.PENDING,
        comments
            .post(new NewComment(article, null, "Léa", author, null, "Je reviens.", false), human())
            .status());
    moderation.banEmail(author);
    assertEquals(
        Ban.Effect.SUSPENDED,
        moderation.bans().stream()
            .filter(b -> author.equals(b.email()))
            .findFirst()
            .orElseThrow()
            .effect());
    assertEquals(
        CommentStatus.SPAM,
        comments
            .post(new NewComment(article, null, "Léa", author, null, "Et encore.", false), human())
            .status());
    assertThrows(
        IllegalArgumentException.class,
        () -> moderation.sanction(new Sanction(Ban.Effect.HELD, null, " ", null, null, null)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            moderation.sanction(
                new Sanction(Ban.Effect.HELD, author, null, Duration.ZERO, null, null)));
    assertEquals(
        List.of(Reason.EMAIL_INVALID),
        reasons(
            () ->
                moderation.sanction(
                    new Sanction(Ban.Effect.HELD, "pas-une-adresse", null, null, null, null))));
  }

  @Test
  void aRemovalWithASuspensionOfThirtyDaysSaysSo() throws Exception {
    smtp();
    long article = article();
    String author = email();
    long comment = approved(article, null, author, "Une publicité déguisée pour un garage.");
    reports.report(spam(article, comment), human());

    reports.decide(
        comment,
        DecisionOutcome.REMOVE_AND_SUSPEND,
        CharterRule.ADVERTISING,
        "Publicité répétée.",
        "mod@tribune.test",
        Duration.ofDays(30));

    Ban ban =
        moderation.bans().stream().filter(b -> author.equals(b.email())).findFirst().orElseThrow();
    assertEquals("Publicité répétée.", ban.reason());
    assertTrue(ban.expiresAt().isAfter(Instant.now().plus(Duration.ofDays(29))));
    String told = awaitMail(author, "Décision de modération");
    assertTrue(told.contains("ne peut plus commenter pendant 30\u00a0jours"), told);
  }

  // ===============================================================================================
  // Reports and decisions (ReportService)
  // ===============================================================================================

  private static final String STAFF = "moderation@tribune.test";

  private static NewReport spam(long article, long comment) {
    return new NewReport(article, comment, ReportReason.SPAM, null, null, null, null, false);
  }

  private static NewReport illicit(long article, long comment, String email, String explanation) {
    return new NewReport(
        article,
        comment,
        ReportReason.ILLICIT,
        IllicitCategory.PRIVACY,
        explanation,
        "Jeanne Martin",
        email,
        true);
  }

  private static List<ReportRejectedException.Reason> refusals(Runnable call) {
    return assertThrows(ReportRejectedException.class, call::run).reasons();
  }

  @Test
  void aReportKeepsTheTextAsReportedAndTellsTheReporterAndTheStaff() throws Exception {
    smtp();
    long article = article();
    String author = email();
    long comment = approved(article, null, author, "Elle habite au 12, rue des Lilas.");
    String reporter = email();
    String marker = UUID.randomUUID().toString();

    ReportReceipt receipt =
        reports.report(
            illicit(article, comment, reporter, "Une adresse privée " + marker), human());
    moderation.editBody(comment, "Texte corrigé par la modération.");

    assertTrue(receipt.reportId() > 0);
    assertFalse(receipt.hidden());
    ReportedComment reported = reports.find(comment).orElseThrow();
    Report report = reported.reports().get(0);
    assertAll(
        () -> assertEquals("Elle habite au 12, rue des Lilas.", report.reportedText()),
        () -> assertEquals(ReportReason.ILLICIT, report.reason()),
        () -> assertEquals(IllicitCategory.PRIVACY, report.category()),
        () -> assertEquals(reporter, report.reporterEmail()),
        () -> assertTrue(report.goodFaith()),
        () -> assertTrue(report.open()),
        () -> assertEquals(1, reported.openReports()),
        () -> assertTrue(reported.illicit()),
        () -> assertEquals(CommentStatus.APPROVED, reported.comment().status()),
        () -> assertEquals("Texte corrigé par la modération.", reported.comment().body()));
    String acknowledgement = awaitMail(reporter, "signalement");
    assertTrue(acknowledgement.contains("Bonjour Jeanne Martin,"), acknowledgement);
    assertTrue(acknowledgement.contains("contenu illicite"), acknowledgement);
    String staff = awaitMail(STAFF, marker);
    assertTrue(staff.contains("atteinte à la vie privée"), staff);
    assertTrue(staff.contains("/admin/reports?comment=" + comment), staff);
    assertTrue(staff.contains("12, rue des Lilas"), staff);
  }

  @Test
  void enoughReportsHideTheCommentUntilAModeratorKeepsIt() throws Exception {
    smtp();
    long article = article();
    String author = email();
    long comment = approved(article, null, author, "Un avis tranché sur le budget municipal.");
    String[] reporters = {email(), email(), email()};
    assertEquals(3, reports.hideAfter());

    assertFalse(reports.report(withEmail(spam(article, comment), reporters[0]), human()).hidden());
    assertFalse(reports.report(withEmail(spam(article, comment), reporters[1]), human()).hidden());
    assertEquals(CommentStatus.APPROVED, seen(comment).status());
    assertTrue(reports.report(withEmail(spam(article, comment), reporters[2]), human()).hidden());

    assertEquals(CommentStatus.PENDING, seen(comment).status());
    assertEquals(
        List.of(ReportRejectedException.Reason.COMMENT_NOT_FOUND),
        refusals(() -> reports.report(spam(article, comment), human())));
    assertTrue(
        reports.queue(1, 100).items().stream().anyMatch(r -> r.commentId() == comment),
        "in the queue");
    long waiting = reports.countOpen();

    Decision decision =
        reports.decide(
            comment,
            DecisionOutcome.KEEP,
            CharterRule.NO_BREACH,
            "Un désaccord n’est pas une faute.",
            "mod@tribune.test");

    assertEquals(CommentStatus.APPROVED, seen(comment).status());
    assertEquals(3, decision.reportCount());
    assertEquals(waiting - 1, reports.countOpen());
    ReportedComment after = reports.find(comment).orElseThrow();
    assertEquals(0, after.openReports());
    assertEquals(List.of(decision), after.decisions());
    assertTrue(after.reports().stream().allMatch(r -> r.decisionId() == decision.id()));
    assertFalse(reports.queue(1, 100).items().stream().anyMatch(r -> r.commentId() == comment));
    String toAuthor = awaitMail(author, "Décision de modération");
    assertTrue(toAuthor.contains("le commentaire reste publié"), toAuthor);
    assertTrue(toAuthor.contains("Un désaccord n’est pas une faute."), toAuthor);
    for (String reporter : reporters) {
      String told = awaitMail(reporter, "Décision de modération");
      assertTrue(told.contains("Vous avez signalé un commentaire de Léa"), told);
    }
    assertEquals(
        List.of(ReportRejectedException.Reason.NOTHING_TO_DECIDE),
        refusals(
            () ->
                reports.decide(
                    comment, DecisionOutcome.REMOVE, CharterRule.HATE, null, "mod@tribune.test")));
  }

  private static NewReport withEmail(NewReport report, String email) {
    return new NewReport(
        report.articleId(),
        report.commentId(),
        report.reason(),
        report.category(),
        report.explanation(),
        report.reporterName(),
        email,
        report.goodFaith());
  }

  @Test
  void aRemovalWithSuspensionTrashesTheCommentAndBansItsAuthor() throws Exception {
    smtp();
    long article = article();
    String author = email();
    long comment = approved(article, null, author, "Un message injurieux envers un voisin.");
    reports.report(illicit(article, comment, email(), "Une injure."), human());

    assertEquals(
        List.of(ReportRejectedException.Reason.RULE_REQUIRED),
        refusals(() -> reports.decide(comment, DecisionOutcome.REMOVE, null, "", "m@t.test")));
    assertEquals(
        List.of(
            ReportRejectedException.Reason.RULE_MISMATCH,
            ReportRejectedException.Reason.STATEMENT_TOO_LONG),
        refusals(
            () ->
                reports.decide(
                    comment,
                    DecisionOutcome.REMOVE,
                    CharterRule.NO_BREACH,
                    "x".repeat(ReportService.STATEMENT_LENGTH + 1),
                    "m@t.test")));
    assertEquals(
        List.of(ReportRejectedException.Reason.RULE_MISMATCH),
        refusals(
            () -> reports.decide(comment, DecisionOutcome.KEEP, CharterRule.HATE, "", "m@t.test")));
    assertEquals(CommentStatus.APPROVED, seen(comment).status());

    Decision decision =
        reports.decide(
            comment,
            DecisionOutcome.REMOVE_AND_SUSPEND,
            CharterRule.INSULT_DEFAMATION,
            "Propos <b>injurieux</b> envers une personne nommée.",
            "mod@tribune.test");

    assertEquals(CommentStatus.TRASH, seen(comment).status());
    assertEquals("Propos <b>injurieux</b> envers une personne nommée.", decision.statement());
    assertEquals("mod@tribune.test", decision.decidedBy());
    assertTrue(moderation.bans().stream().anyMatch(b -> author.equals(b.email())));
    assertTrue(
        moderation.bans().stream()
            .anyMatch(b -> seen(comment).addressHash().equals(b.addressHash())));
    assertEquals(
        CommentStatus.SPAM,
        comments
            .post(new NewComment(article, null, "Léa", author, null, "De retour.", false), human())
            .status());
    String toAuthor = awaitMail(author, "Décision de modération");
    assertTrue(toAuthor.contains("ne peut plus commenter"), toAuthor);
    assertTrue(toAuthor.contains("propos injurieux ou diffamatoires"), toAuthor);
    assertTrue(toAuthor.contains("Propos <b>injurieux</b>"), toAuthor);
  }

  @Test
  void reportsOfHeldDeletedOrOtherArticlesCommentsAndBadFormsAreRefused() {
    long article = article();
    long comment = approved(article, null, "Le marché couvert rouvre samedi.");
    long held = held(article, "En attente de modération.");

    assertEquals(
        List.of(ReportRejectedException.Reason.COMMENT_NOT_FOUND),
        refusals(() -> reports.report(spam(article, held), human())));
    assertEquals(
        List.of(ReportRejectedException.Reason.COMMENT_NOT_FOUND),
        refusals(() -> reports.report(spam(article(), comment), human())));
    assertEquals(
        List.of(ReportRejectedException.Reason.COMMENT_NOT_FOUND),
        refusals(() -> reports.report(spam(article, Long.MAX_VALUE), human())));
    assertEquals(
        List.of(
            ReportRejectedException.Reason.CATEGORY_REQUIRED,
            ReportRejectedException.Reason.EXPLANATION_REQUIRED,
            ReportRejectedException.Reason.NAME_REQUIRED,
            ReportRejectedException.Reason.EMAIL_REQUIRED,
            ReportRejectedException.Reason.GOOD_FAITH_REQUIRED),
        refusals(
            () ->
                reports.report(
                    new NewReport(article, comment, ReportReason.ILLICIT, null, "", "", "", false),
                    human())));
    ReportReceipt robot =
        reports.report(spam(article, comment), new Submission("ip-r", null, HUMAN, true));
    assertEquals(0, robot.reportId());
    assertTrue(reports.find(comment).isEmpty(), "a robot's report is not kept");

    moderation.deleteForGood(List.of(comment));
    assertEquals(
        List.of(ReportRejectedException.Reason.COMMENT_NOT_FOUND),
        refusals(() -> reports.report(spam(article, comment), human())));
  }

  @Test
  void oneReportPerAddressAndCommentAndAFewAnHourPerAddress() {
    long article = article();
    long comment = approved(article, null, "La bibliothèque ouvre le dimanche.");
    Submission same = human();
    reports.report(spam(article, comment), same);

    for (int i = 0; i < 3; i++) {
      assertEquals(
          List.of(ReportRejectedException.Reason.ALREADY_REPORTED),
          refusals(() -> reports.report(spam(article, comment), same)));
    }
    for (int i = 1; i < ReportService.REPORTS_PER_ADDRESS_PER_HOUR; i++) {
      long other = approved(article, null, "Avis numéro " + i);
      reports.report(spam(article, other), same);
    }
    long last = approved(article, null, "Un avis de plus.");
    assertEquals(
        List.of(ReportRejectedException.Reason.RATE_LIMITED),
        refusals(() -> reports.report(spam(article, last), same)));
    assertEquals(1, reports.find(comment).orElseThrow().reports().size());
  }

  @Test
  void theThresholdIsASettingAndTheFiguresCountAPeriod() {
    Instant start = Instant.now();
    reports.updateHideAfter(1);
    assertEquals(1, reports.hideAfter());
    assertThrows(IllegalArgumentException.class, () -> reports.updateHideAfter(0));
    assertThrows(IllegalArgumentException.class, () -> reports.updateHideAfter(101));
    long article = article();
    long first = approved(article, null, "Premier avis sur le festival.");
    long second = approved(article, null, "Second avis sur le festival.");

    assertTrue(reports.report(spam(article, first), human()).hidden());
    reports.report(illicit(article, second, email(), "Contrefaçon d’un texte."), human());
    reports.decide(first, DecisionOutcome.REMOVE, CharterRule.ADVERTISING, null, "m@t.test");
    reports.decide(second, DecisionOutcome.KEEP, CharterRule.NO_BREACH, null, "m@t.test");

    ReportStats stats = reports.stats(start, Instant.now().plusSeconds(1));
    assertAll(
        () -> assertEquals(2, stats.reports()),
        () -> assertEquals(1, stats.reportsByReason().get(ReportReason.SPAM)),
        () -> assertEquals(1, stats.reportsByReason().get(ReportReason.ILLICIT)),
        () -> assertEquals(0, stats.reportsByReason().get(ReportReason.OTHER)),
        () -> assertEquals(1, stats.illicitByCategory().get(IllicitCategory.PRIVACY)),
        () -> assertEquals(1, stats.decisionsByOutcome().get(DecisionOutcome.REMOVE)),
        () -> assertEquals(1, stats.decisionsByOutcome().get(DecisionOutcome.KEEP)),
        () -> assertTrue(stats.medianTimeToDecision().compareTo(Duration.ofMinutes(1)) < 0),
        () -> assertTrue(!stats.longestTimeToDecision().isNegative()));
    assertEquals(0, reports.stats(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600)).reports());
  }

  @Test
  void aReporterCanHaveTheirReportsExportedAndTheirNameErased() {
    long article = article();
    long comment = approved(article, null, "Le pont sera fermé en juin.");
    String reporter = email();
    reports.report(illicit(article, comment, reporter, "Fausse information."), human());

    assertTrue(comments.exportByEmail(reporter).contains("Fausse information."));
    comments.eraseByEmail(reporter);

    Report report = reports.find(comment).orElseThrow().reports().get(0);
    assertNull(report.reporterEmail());
    assertNull(report.reporterName());
    assertEquals(ReportReason.ILLICIT, report.reason());
  }
}
