package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolationException;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.BodyFormat;
import org.tribune.comments.api.CommentNode;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.CommentTransferService;
import org.tribune.comments.api.Discussion;
import org.tribune.comments.api.ExportedComment;
import org.tribune.comments.api.ImportedComment;
import org.tribune.comments.api.ModeratedComment;
import org.tribune.comments.api.ModerationService;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.OwnComments;
import org.tribune.comments.api.PostResult;
import org.tribune.comments.api.Submission;

/**
 * Comments imported from another platform and exported whole, on the real WAR and database: kept as
 * the source had them (status, date, thread however deep, staff flag), their HTML brought down to
 * what a reader types and rendered as readers' comments are, shown to the public as any comment of
 * their status, mailing nobody; an export gives everything back, parents first. One class (one
 * container start): each test makes its own articles and addresses.
 */
@ExtendWith(ArquillianExtension.class)
class CommentTransferIT {
  private static final Duration HUMAN = Duration.ofSeconds(30);

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("tribune.it.war")))
        .addPackage(CommentTransferIT.class.getPackage())
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
  @Inject CommentTransferService transfer;

  /** The request of the Arquillian call running this test: it says where the site answers. */
  @Inject HttpServletRequest request;

  @Resource(lookup = "java:app/jdbc/tribune")
  DataSource dataSource;

  @Resource(lookup = "java:comp/UserTransaction")
  UserTransaction transaction;

  // --- Helpers -----------------------------------------------------------------------------------

  private long article() {
    long author = authors.create("Claire Dumont " + UUID.randomUUID(), "");
    long id =
        articles.create(
            new ArticleDraft(
                "Archives " + UUID.randomUUID(),
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
    articles.publish(id, Instant.parse("2009-02-01T08:00:00Z"));
    return id;
  }

  private static ImportedComment imported(
      long article, Long parent, String body, CommentStatus status, Instant at) {
    return new ImportedComment(
        article,
        parent,
        "Lecteur WordPress",
        "Lecteur-" + UUID.randomUUID() + "@Example.ORG",
        "http://lecteur.example/blog",
        body,
        status,
        at,
        "198.51.100.7",
        "Mozilla/4.0 (compatible; MSIE 7.0)",
        false);
  }

  private long create(long article, Long parent, String body, CommentStatus status, Instant at) {
    return transfer.create(imported(article, parent, body, status, at));
  }

  private static Instant day(int day) {
    return Instant.parse("2009-03-01T10:15:30.123456Z").plus(Duration.ofDays(day));
  }

  private static Submission from(String address) {
    return new Submission(address, "Mozilla/5.0 (test)", HUMAN, false);
  }

  private static String email() {
    return "lecteur-" + UUID.randomUUID() + "@example.org";
  }

  private ModeratedComment seen(long id) {
    return moderation.find(id).orElseThrow();
  }

  private Discussion publicDiscussion(long article) {
    return comments.discussion(article, CommentSort.OLDEST, 1, OwnComments.NONE);
  }

  /** Every comment the public discussion shows, by id, with its depth in the trees. */
  private static Map<Long, Integer> shown(Discussion discussion) {
    Map<Long, Integer> shown = new HashMap<>();
    for (CommentNode thread : discussion.threads()) {
      walk(thread, 0, shown);
    }
    return shown;
  }

  private static void walk(CommentNode node, int depth, Map<Long, Integer> shown) {
    if (!node.removed()) {
      shown.put(node.id(), depth);
    }
    for (CommentNode reply : node.replies()) {
      walk(reply, depth + 1, shown);
    }
  }

  private long number(String sql, long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next(), sql);
        return row.getLong(1);
      }
    }
  }

  // --- Writing -----------------------------------------------------------------------------------

  @Test
  void everyStatusDateAndFieldIsKeptAsTheSourceHadIt() {
    long article = article();
    Map<CommentStatus, Long> ids = new HashMap<>();
    int day = 0;
    for (CommentStatus status : CommentStatus.values()) {
      ids.put(status, create(article, null, "Commentaire " + status, status, day(day++)));
    }
    day = 0;
    for (CommentStatus status : CommentStatus.values()) {
      ModeratedComment comment = seen(ids.get(status));
      assertEquals(status, comment.status());
      assertEquals(day(day++), comment.createdAt(), "kept to the microsecond");
      assertEquals("Commentaire " + status, comment.body());
      assertEquals("<p>Commentaire " + status + "</p>", comment.bodyHtml());
      assertEquals("Lecteur WordPress", comment.authorName());
      assertTrue(comment.authorEmail().endsWith("@example.org"), "lower case");
      assertEquals(comment.authorEmail().toLowerCase(), comment.authorEmail());
      assertEquals("http://lecteur.example/blog", comment.authorUrl());
      assertEquals("Mozilla/4.0 (compatible; MSIE 7.0)", comment.userAgent());
      assertNull(comment.editedAt());
      assertFalse(comment.staff());
    }
    Instant nanos = Instant.parse("2010-01-01T00:00:00.123456789Z");
    long truncated = create(article, null, "Nanosecondes", CommentStatus.APPROVED, nanos);
    assertEquals(Instant.parse("2010-01-01T00:00:00.123456Z"), seen(truncated).createdAt());
  }

  @Test
  void theStaffFlagAWebsiteOnlyIfHttpAndNoAddressAreKept() {
    long article = article();
    long staff =
        transfer.create(
            new ImportedComment(
                article,
                null,
                "La rédaction",
                null,
                "javascript:alert(1)",
                "Merci à tous.",
                CommentStatus.APPROVED,
                day(1),
                null,
                null,
                true));
    ModeratedComment seen = seen(staff);
    assertTrue(seen.staff());
    assertNull(seen.authorUrl(), "only http(s) addresses");
    assertNull(seen.authorEmail());
    assertNull(seen.addressHash());
    assertNull(seen.userAgent());
    assertTrue(
        publicDiscussion(article).threads().get(0).comment().staff(), "readers see the badge");
  }

  @Test
  void anAddressIsHashedAsAVisitorsIsAndNeverStored() throws SQLException {
    long article = article();
    String address = "203.0.113." + (int) (Math.random() * 250);
    long imported =
        transfer.create(
            new ImportedComment(
                article,
                null,
                "Ancien",
                email(),
                null,
                "Importé",
                CommentStatus.APPROVED,
                day(0),
                address,
                null,
                false));
    PostResult visitor =
        comments.post(
            new NewComment(article, null, "Nouveau", email(), null, "Écrit ici", false),
            from(address));

    String hash = seen(imported).addressHash();
    assertEquals(64, hash.length());
    assertEquals(seen(visitor.commentId()).addressHash(), hash, "the same salt and hash");
    assertFalse(hash.contains(address));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM comments_comment WHERE article_id = ? AND (ip_hash = ?"
                    + " OR user_agent = ? OR author_name = ? OR body = ?)")) {
      select.setLong(1, article);
      for (int i = 2; i <= 5; i++) {
        select.setString(i, address);
      }
      try (ResultSet row = select.executeQuery()) {
        row.next();
        assertEquals(0, row.getLong(1));
      }
    }
  }

  @Test
  void aThreadOfTenLevelsIsKeptAsItWasAndShown() throws Exception {
    long article = article();
    List<Long> chain = new ArrayList<>();
    for (int depth = 0; depth < 10; depth++) {
      chain.add(
          create(
              article,
              depth == 0 ? null : chain.get(depth - 1),
              "<p>Niveau " + depth + "</p>",
              CommentStatus.APPROVED,
              day(depth)));
    }
    Map<Long, ExportedComment> exported = new HashMap<>();
    transfer.export(article).forEach(c -> exported.put(c.id(), c));
    for (int depth = 0; depth < 10; depth++) {
      long id = chain.get(depth);
      assertEquals(depth, exported.get(id).depth());
      assertEquals(depth == 0 ? null : chain.get(depth - 1), exported.get(id).parentId());
      assertEquals(chain.get(0), number("SELECT root_id FROM comments_comment WHERE id = ?", id));
    }

    Discussion discussion = publicDiscussion(article);
    assertEquals(10, discussion.approvedCount());
    assertEquals(1, discussion.threadCount());
    Map<Long, Integer> shown = shown(discussion);
    for (int depth = 0; depth < 10; depth++) {
      assertEquals(depth, shown.get(chain.get(depth)), "nested as imported");
    }

    // A reader answering the deepest one hangs under the configured depth (5), as always.
    PostResult answer =
        comments.post(
            new NewComment(article, chain.get(9), "Léa", email(), null, "Et moi ?", false),
            from("ip-" + UUID.randomUUID()));
    assertEquals(chain.get(4), seen(answer.commentId()).parentId());

    // The article's page shows the ten levels.
    String slug = articles.find(article).orElseThrow().slug();
    HttpResponse<String> page =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + request.getLocalPort()
                                + request.getContextPath()
                                + "/articles/"
                                + slug))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    String html = page.body();
    for (int depth = 0; depth < 10; depth++) {
      assertTrue(
          html.contains(
              "<li id=\"comment-" + chain.get(depth) + "\" class=\"comment depth-" + depth + "\">"),
          "comment at depth " + depth);
      assertTrue(html.contains("<p>Niveau " + depth + "</p>"));
    }
  }

  @Test
  void aParentOfAnotherArticleOrUnknownIsRefused() {
    long article = article();
    long other = article();
    long elsewhere = create(other, null, "Ailleurs", CommentStatus.APPROVED, day(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> create(article, elsewhere, "Réponse", CommentStatus.APPROVED, day(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> create(article, Long.MAX_VALUE, "Réponse", CommentStatus.APPROVED, day(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> create(article, null, "<script>alert(1)</script>", CommentStatus.APPROVED, day(1)),
        "nothing left of the text");
    assertThrows(
        ConstraintViolationException.class,
        () -> create(article, null, "  ", CommentStatus.APPROVED, day(1)));
    assertEquals(0, comments.countAll(article));
  }

  @Test
  void aRefusedCommentLeavesTheImportersTransactionToCommit() throws Exception {
    long article;
    List<Long> written = new ArrayList<>();
    transaction.begin();
    try {
      article = article();
      long first = create(article, null, "Premier", CommentStatus.APPROVED, day(0));
      written.add(first);
      assertThrows(
          IllegalArgumentException.class,
          () -> create(article, Long.MAX_VALUE, "Orphelin", CommentStatus.APPROVED, day(1)));
      assertThrows(
          IllegalArgumentException.class,
          () -> create(article, first, "<p> </p>", CommentStatus.APPROVED, day(1)));
      assertThrows(
          ConstraintViolationException.class,
          () -> create(article, first, "", CommentStatus.APPROVED, day(1)));
      written.add(create(article, first, "Réponse", CommentStatus.APPROVED, day(2)));
      transaction.commit();
    } catch (Exception | AssertionError e) {
      if (transaction.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
      throw e;
    }
    assertTrue(articles.find(article).isPresent());
    assertEquals(written, transfer.export(article).stream().map(ExportedComment::id).toList());
  }

  // --- Reading -----------------------------------------------------------------------------------

  @Test
  void thePublicSeesApprovedImportedCommentsOnlyWithTheirCounts() {
    long article = article();
    long approved = create(article, null, "Approuvé", CommentStatus.APPROVED, day(0));
    long pendingReply = create(article, approved, "En attente", CommentStatus.PENDING, day(1));
    long approvedReply = create(article, approved, "Réponse", CommentStatus.APPROVED, day(2));
    long spam = create(article, null, "Indésirable", CommentStatus.SPAM, day(3));
    long trash = create(article, null, "Supprimé", CommentStatus.TRASH, day(4));
    long second = create(article, null, "Deuxième fil", CommentStatus.APPROVED, day(5));

    Discussion discussion = publicDiscussion(article);
    assertEquals(3, discussion.approvedCount());
    assertEquals(2, discussion.threadCount());
    assertEquals(Map.of(approved, 0, approvedReply, 1, second, 0), shown(discussion));
    assertEquals(
        List.of(approvedReply),
        discussion.threads().get(0).replies().stream().map(CommentNode::id).toList(),
        "the pending reply is no placeholder either");
    assertEquals(Map.of(article, 3L), comments.countApproved(List.of(article)));
    assertEquals(6, comments.countAll(article));
    assertEquals(
        List.of(second, approvedReply, approved),
        comments.latest(article, 10).stream().map(c -> c.id()).toList());
    assertEquals(CommentStatus.PENDING, seen(pendingReply).status());
    assertNotEquals(CommentStatus.APPROVED, seen(spam).status());
    assertNotEquals(CommentStatus.APPROVED, seen(trash).status());
  }

  @Test
  void htmlBodiesAreBroughtDownToTextAndRenderedAsReadersAre() {
    long article = article();
    String source =
        "<p onclick=\"alert(1)\">&laquo;&#160;Bien vu&#160;&raquo;, l&#8217;auteur"
            + " &amp;lt;b&amp;gt;<script>alert('x')</script></p>\n"
            + "<blockquote>Citation<br>sur deux lignes</blockquote>"
            + "<p>Voir <a href=\"https://fr.wikipedia.org/wiki/Tribune\" onmouseover=\"x()\">"
            + "Wikipédia</a> et <a href=\"javascript:alert(2)\">ceci</a>.</p>"
            + "<iframe src=\"https://evil.example/\"></iframe>";
    long id = create(article, null, source, CommentStatus.APPROVED, day(0));
    ModeratedComment comment = seen(id);
    assertEquals(
        "«\u00A0Bien vu\u00A0», l’auteur &lt;b&gt;\n\n"
            + "> Citation\n> sur deux lignes\n\n"
            + "Voir Wikipédia (https://fr.wikipedia.org/wiki/Tribune) et ceci.",
        comment.body());
    assertEquals(
        "<p>«\u00A0Bien vu\u00A0», l’auteur &amp;lt;b&amp;gt;</p>"
            + "<blockquote><p>Citation<br>sur deux lignes</p></blockquote>"
            + "<p>Voir Wikipédia (<a href=\"https://fr.wikipedia.org/wiki/Tribune\""
            + " rel=\"nofollow ugc noopener\">https://fr.wikipedia.org/wiki/Tribune</a>) et ceci.</p>",
        comment.bodyHtml());
    assertEquals(1, comment.linkCount());

    String plain = "Première ligne\nseconde ligne\n\nNouveau paragraphe";
    assertEquals(
        "<p>Première ligne<br>seconde ligne</p><p>Nouveau paragraphe</p>",
        seen(create(article, null, plain, CommentStatus.APPROVED, day(1))).bodyHtml(),
        "WordPress's bare newlines");
  }

  // --- Mail --------------------------------------------------------------------------------------

  @Test
  void importingMailsNobodyNotEvenWhenAnImportedReplyIsApprovedLater() throws Exception {
    smtp();
    long article = article();
    String subscriber = email();
    long subscribed = subscribedComment(article, subscriber);
    String marker = UUID.randomUUID().toString();
    long approvedReply =
        create(article, subscribed, "Réponse " + marker, CommentStatus.APPROVED, day(0));
    long heldReply = create(article, subscribed, "Tenue " + marker, CommentStatus.PENDING, day(1));
    long spamReply = create(article, approvedReply, "Spam " + marker, CommentStatus.SPAM, day(2));
    moderation.moderate(List.of(heldReply, spamReply), CommentStatus.APPROVED);
    comments.moderate(approvedReply, CommentStatus.PENDING);
    comments.moderate(approvedReply, CommentStatus.APPROVED);

    // The staff mail of a held comment posted last is a sign the earlier mails went out.
    String last = UUID.randomUUID().toString();
    comments.post(
        new NewComment(article, null, "Léa", email(), null, "Fin " + last, false),
        from("ip-" + UUID.randomUUID()));
    awaitMail("moderation@tribune.test", last);
    Thread.sleep(2_000);
    for (MimeMessage message : smtp().getReceivedMessages()) {
      assertFalse(contains(message, marker), "an import mails nobody: " + message.getSubject());
    }
    assertTrue(mailsTo(subscriber).stream().noneMatch(m -> contains(m, marker)));
  }

  /** A reader's approved comment whose author subscribed (confirmed) to its replies. */
  private long subscribedComment(long article, String subscriber) throws SQLException {
    long first =
        comments
            .post(
                new NewComment(article, null, "Léa", subscriber, null, "Bonjour", false),
                from("ip-" + UUID.randomUUID()))
            .commentId();
    comments.moderate(first, CommentStatus.APPROVED);
    long comment =
        comments
            .post(
                new NewComment(article, null, "Léa", subscriber, null, "Prévenez-moi", true),
                from("ip-" + UUID.randomUUID()))
            .commentId();
    assertEquals(CommentStatus.APPROVED, seen(comment).status());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT token FROM comments_subscription WHERE comment_id = ?")) {
      select.setLong(1, comment);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        assertTrue(comments.confirmSubscription(row.getString(1)));
      }
    }
    return comment;
  }

  // --- Export ------------------------------------------------------------------------------------

  @Test
  void anExportHasEveryCommentWithTombstonesParentsBeforeReplies() {
    long article = article();
    long first = create(article, null, "Premier", CommentStatus.APPROVED, day(5));
    // A reply dated before its parent (another platform's clock): still after it.
    long early = create(article, first, "Réponse datée avant", CommentStatus.APPROVED, day(1));
    long second = create(article, null, "Deuxième", CommentStatus.PENDING, day(2));
    long spam = create(article, second, "Spam", CommentStatus.SPAM, day(3));
    long erased = create(article, null, "Effacé", CommentStatus.APPROVED, day(4));
    long underErased = create(article, erased, "Sous l'effacé", CommentStatus.APPROVED, day(6));
    long trash = create(article, first, "Corbeille", CommentStatus.TRASH, day(7));
    moderation.deleteForGood(List.of(erased));
    create(article(), null, "Autre article", CommentStatus.APPROVED, day(0));

    List<ExportedComment> export = transfer.export(article);
    assertEquals(
        Set.of(first, early, second, spam, erased, underErased, trash),
        Set.copyOf(export.stream().map(ExportedComment::id).toList()));
    assertEquals(7, export.size());
    Set<Long> before = new HashSet<>();
    for (ExportedComment comment : export) {
      assertTrue(
          comment.parentId() == null || before.contains(comment.parentId()),
          comment.id() + " after its parent");
      before.add(comment.id());
      assertEquals(article, comment.articleId());
    }
    assertEquals(
        List.of(second, spam, erased, first, early, underErased, trash),
        export.stream().map(ExportedComment::id).toList(),
        "oldest first otherwise");

    ExportedComment tombstone =
        export.stream().filter(c -> c.id() == erased).findFirst().orElseThrow();
    assertEquals(CommentStatus.TRASH, tombstone.status());
    assertEquals("", tombstone.authorName());
    assertEquals("", tombstone.body());
    assertNull(tombstone.email());
    ExportedComment reply = export.stream().filter(c -> c.id() == early).findFirst().orElseThrow();
    assertEquals(first, reply.parentId());
    assertEquals(1, reply.depth());
    assertEquals("Réponse datée avant", reply.body());
    assertEquals("<p>Réponse datée avant</p>", reply.bodyHtml());
    assertEquals(day(1), reply.createdAt());
    assertEquals("http://lecteur.example/blog", reply.website());
    assertEquals(CommentStatus.SPAM, export.get(1).status());
    assertEquals(List.of(), transfer.export(Long.MAX_VALUE));
  }

  // --- Mail helpers ------------------------------------------------------------------------------

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

  private static void awaitMail(String address, String marker) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : mailsTo(address)) {
        if (contains(message, marker)) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail to " + address + " containing " + marker);
  }
}
