package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.validation.ConstraintViolationException;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.tribune.comments.api.Ban;
import org.tribune.comments.api.CommentNode;
import org.tribune.comments.api.CommentRejectedException;
import org.tribune.comments.api.CommentRejectedException.Reason;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentSettings;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.DailyCount;
import org.tribune.comments.api.DiscussedArticle;
import org.tribune.comments.api.ModeratedComment;
import org.tribune.comments.api.ModerationFilter;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.api.ModerationPage;
import org.tribune.comments.api.ModerationService;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.OwnComments;
import org.tribune.comments.api.PostResult;
import org.tribune.comments.api.Submission;

/**
 * The console's moderation API on the real WAR and database. Each test makes its own articles and
 * authors; the figures that the whole database shares (counts, activity) are compared before and
 * after. Settings saved by a test are removed after it, so that every test, and the test classes
 * that run later on the same database, start from the configuration.
 */
@ExtendWith(ArquillianExtension.class)
class ModerationIT {
  private static final Duration HUMAN = Duration.ofSeconds(30);

  /** The rows of comments_setting that the console's settings are stored in. */
  private static final List<String> SETTING_ROWS =
      List.of(
          "moderation",
          "max-length",
          "max-depth",
          "edit-window",
          "close-after-days",
          "max-links",
          "blocked-words");

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("tribune.it.war")))
        .addPackage(ModerationIT.class.getPackage())
        // GreenMail, to receive the mails in the container (its JUnit helpers need JUnit 4).
        .addPackages(
            true,
            Filters.exclude(".*/junit[0-9]*/.*"),
            GreenMail.class.getPackage().getName().replace(".util", ""));
  }

  @Inject ArticleService articles;
  @Inject AuthorService authors;
  @Inject CommentService comments;
  @Inject ModerationService moderation;

  @Resource(lookup = "java:app/jdbc/tribune")
  DataSource dataSource;

  @BeforeEach
  @AfterEach
  void configurationOnly() throws SQLException {
    sql("DELETE FROM comments_setting WHERE name IN ('" + String.join("', '", SETTING_ROWS) + "')");
  }

  // --- Helpers -----------------------------------------------------------------------------------

  private long article() {
    return article(Instant.now().minusSeconds(60));
  }

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

  private static String email() {
    return "lecteur-" + UUID.randomUUID() + "@example.org";
  }

  private static Submission human() {
    return new Submission("ip-" + UUID.randomUUID(), "Mozilla/5.0 (test)", HUMAN, false);
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

  private long approved(long article, Long parent, String body) {
    long id = post(article, parent, "Léa", email(), body).commentId();
    comments.moderate(id, CommentStatus.APPROVED);
    return id;
  }

  private long staffReply(long parent, String body) {
    return moderation.replyAsStaff(parent, "La rédaction", "redaction@tribune.test", body);
  }

  private ModeratedComment seen(long id) {
    return moderation.find(id).orElseThrow();
  }

  private static List<Reason> reasons(Runnable call) {
    return assertThrows(CommentRejectedException.class, call::run).reasons();
  }

  private static void invalid(Runnable call) {
    assertThrows(ConstraintViolationException.class, call::run);
  }

  private static List<Long> ids(List<ModeratedComment> list) {
    return list.stream().map(ModeratedComment::id).toList();
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(statement);
    }
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
    assertEquals(List.of(backslash, thousand, percent), ids(all.items()), "newest first");
    assertEquals(3, all.total());

    assertEquals(List.of(percent), ids(filtered(article, tag + " remise de 100%", null, null)));
    assertEquals(List.of(percent), ids(filtered(article, null, "N_P", null)));
    assertEquals(List.of(backslash), ids(filtered(article, "C:\\TEMP\\n", null, null)));
    assertEquals(List.of(percent), ids(filtered(null, null, null, "  " + email.toUpperCase())));
    assertEquals(
        List.of(elsewhere, backslash, thousand, percent),
        ids(filtered(null, tag, null, null)),
        "every article");
    assertEquals(List.of(), ids(filtered(article, "ailleurs", null, null)));
    assertEquals(
        3,
        moderation
            .queue(new ModerationFilter(CommentStatus.PENDING, article, " ", "", null), 1, 10)
            .total(),
        "blank is no filter");
    assertEquals(
        List.of(),
        ids(
            moderation
                .queue(
                    new ModerationFilter(CommentStatus.APPROVED, article, null, null, null), 1, 10)
                .items()));

    ModerationPage first = moderation.queue(pendingHere, 1, 2);
    ModerationPage second = moderation.queue(pendingHere, 2, 2);
    ModerationPage past = moderation.queue(pendingHere, 3, 2);
    assertEquals(List.of(backslash, thousand), ids(first.items()));
    assertEquals(List.of(percent), ids(second.items()));
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
        new CommentSettings(ModerationMode.FIRST_TIME, 200, 5, Duration.ZERO, 0, 2, List.of()));
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
            ModerationMode.HOLD_ALL, 10_000, 5, Duration.ofMinutes(15), 0, 0, List.of("merci")));

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
            ModerationMode.FIRST_TIME, 10_000, 5, Duration.ofMinutes(15), 0, 2, List.of()),
        moderation.settings());
    assertEquals(10_000, comments.maxLength());
  }

  @Test
  void savedSettingsTakeEffectAtOnce() {
    CommentSettings saved =
        new CommentSettings(
            ModerationMode.APPROVE_ALL, 200, 1, Duration.ofHours(1), 2, 0, List.of("casino"));
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
                    ModerationMode.FIRST_TIME, 1000, 0, Duration.ZERO, 0, 2, List.of())));
    invalid(
        () ->
            moderation.updateSettings(
                new CommentSettings(
                    ModerationMode.FIRST_TIME, 1000, 5, Duration.ZERO, 0, 2, List.of(" "))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            moderation.updateSettings(
                new CommentSettings(
                    ModerationMode.FIRST_TIME, 1000, 5, Duration.ofMinutes(-1), 0, 2, List.of())));
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
        s.blockedWords());
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

    assertEquals(List.of(spam, held, approved), ids(moderation.recent(3)));
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

  /**
   * The SMTP server of the container, started by the first test that needs it and left running
   * until the container stops; tests look only at mails to addresses of their own.
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
        if (contains(message, marker)) {
          return (message.getSubject() + "\n" + message.getContent()).replace("\r\n", "\n");
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail to " + address + " containing " + marker);
  }
}
