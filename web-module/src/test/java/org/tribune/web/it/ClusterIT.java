package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tribune.web.it.Visitor.html;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara Micro nodes clustered by their data grid on one PostgreSQL database, as the README's
 * cluster runs them: what is changed on one shows on the other within a second, although the other
 * keeps rendered pages and copies of authors in memory. Runs when the suite runs on PostgreSQL (an
 * H2 file belongs to one process).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  /** Issue 8's bound: a change made on one node is visible on the others within 1 s. */
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);

  private static final DemoArticles.DemoArticle ARTICLE =
      DemoArticles.named("bibliotheque-nuit.md");

  private static TribuneServer first;
  private static TribuneServer second;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startTwoNodes() {
    String url = System.getProperty("tribune.it.db.url");
    assumeTrue(url != null && !url.isBlank(), "a cluster shares a PostgreSQL database");
    String cluster = "tribune-it-" + Long.toHexString(System.nanoTime());
    int gridPort = TribuneServer.freePortIn(26900, 27899);
    first = node(TribuneServer.onTestDatabase("cluster-a"), cluster, gridPort);
    // The first node writes the demo content; the second starts on the same database after it.
    first.start();
    second =
        node(TribuneServer.onDatabaseUrl("cluster-b", first.databaseUrl()), cluster, gridPort)
            .withEnvironment("TRIBUNE_DEMO_CONTENT", "false")
            .start();
  }

  /** The S3-compatible server both nodes keep their media in, or empty (then not tested). */
  private static final String S3 = System.getProperty("tribune.it.s3.endpoint", "");

  /** This run's own corner of the bucket. */
  private static final String S3_PREFIX = "it-" + Long.toHexString(System.nanoTime()) + "/";

  private static TribuneServer node(TribuneServer server, String cluster, int gridPort) {
    if (!S3.isBlank()) {
      // The credentials and bucket of cluster/s3proxy (which .ci/run starts).
      server =
          server
              .withEnvironment("TRIBUNE_MEDIA_STORAGE", "s3")
              .withEnvironment("TRIBUNE_MEDIA_S3_ENDPOINT", S3)
              .withEnvironment("TRIBUNE_MEDIA_S3_BUCKET", "tribune-media")
              .withEnvironment("TRIBUNE_MEDIA_S3_ACCESS_KEY", "tribune")
              .withEnvironment("TRIBUNE_MEDIA_S3_SECRET_KEY", "tribune-secret")
              .withEnvironment("TRIBUNE_MEDIA_S3_PREFIX", S3_PREFIX);
    }
    return server
        .inCluster(cluster, gridPort)
        .withEnvironment("TRIBUNE_ADMIN_PASSWORD", ConsoleServer.ADMIN_PASSWORD)
        .withEnvironment("TRIBUNE_COMMENTS_MODERATION", "approve-all")
        .withEnvironment("TRIBUNE_COMMENTS_MIN_FORM_SECONDS", "0");
  }

  @AfterAll
  static void stopBoth() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  @Test
  @Order(60) // both nodes still up (from 100 on, one is killed)
  void anImageUploadedOnOneNodeIsServedByTheOtherFromTheSharedStore() throws Exception {
    assumeTrue(!S3.isBlank(), "the nodes share an object store only with TRIBUNE_TEST_S3_ENDPOINT");
    String name = "Vue du port " + Long.toHexString(System.nanoTime()) + ".jpg";
    Path folder = Files.createTempDirectory("cluster-media");
    Path file = folder.resolve(name);
    Files.write(file, MediaIT.jpeg(1500, 1000));
    List<String> paths = new ArrayList<>();
    try (Visitor admin = Console.admin(first)) {
      long id = MediaIT.idOf(MediaIT.upload(admin, file.toFile()), name);
      HtmlPage item = admin.open("/admin/media/edit?id=" + id);
      java.util.regex.Matcher rendition =
          java.util.regex.Pattern.compile("/media/[0-9a-f]{64}-\\d+\\.jpg").matcher(item.asXml());
      while (rendition.find()) {
        if (!paths.contains(rendition.group())) {
          paths.add(rendition.group());
        }
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(folder);
    }
    assertEquals(
        5, paths.size(), () -> "renditions 320, 640, 960, 1280 and its own 1500: " + paths);
    for (String path : paths) {
      HttpResponse<byte[]> image =
          HTTP.send(
              HttpRequest.newBuilder(second.uri(path)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, image.statusCode(), () -> path + " on the second node");
      assertNotNull(
          javax.imageio.ImageIO.read(new ByteArrayInputStream(image.body())), path + " decodes");
    }
  }

  @Test
  void bothNodesAreInOneCluster() {
    for (TribuneServer node : new TribuneServer[] {first, second}) {
      assertTrue(
          node.log().contains("Cluster: 2 node(s)") || node == first,
          () -> node + " did not join the other node:\n" + node.log());
    }
    assertTrue(
        first.log().contains("changes are shared on the topic"),
        () -> "the first node has no topic:\n" + first.log());
  }

  @Test
  @Order(2)
  void aCommentPostedOnOneNodeShowsOnTheOtherWithinASecond() throws Exception {
    String path;
    try (Visitor reader = new Visitor(second)) {
      path = reader.articlePath(ARTICLE.title());
    }
    // The second node keeps the page for anonymous readers.
    String etag = anonymousGet(second, path).headers().firstValue("ETag").orElse("");
    assertFalse(etag.isEmpty(), "the page is not kept on the second node");
    assertEquals(etag, anonymousGet(second, path).headers().firstValue("ETag").orElse(""));

    String body = "Ouverte jusqu'à minuit, enfin (" + System.nanoTime() + ")";
    long id;
    try (Visitor writer = new Visitor(first)) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("name", "Lucie Garnier");
      fields.put("email", "lucie.garnier." + System.nanoTime() + "@example.org");
      fields.put("body", body);
      id = writer.postComment(path, fields);
    }
    long posted = System.nanoTime();
    String marker = "id=\"comment-" + id + "\"";
    Duration seen =
        untilTrue("new comment", () -> body(anonymousGet(second, path)).contains(marker));
    assertTrue(
        seen.compareTo(VISIBLE_WITHIN) <= 0,
        () ->
            "the comment approved on the first node showed on the second after "
                + Duration.ofNanos(System.nanoTime() - posted).toMillis()
                + " ms");
  }

  @Test
  @Order(3)
  void siteSettingsAndAuthorsChangedOnOneNodeApplyOnTheOtherWithinASecond() throws Exception {
    String path;
    String author;
    try (Visitor reader = new Visitor(second)) {
      path = reader.articlePath(ARTICLE.title());
      author = reader.open(path).querySelector("a[rel=author]").getTextContent().strip();
    }
    anonymousGet(second, "/");
    anonymousGet(second, path);

    try (Visitor admin = Console.admin(first)) {
      String name = "Tribune du quartier " + (System.nanoTime() % 100_000);
      HtmlPage saved =
          admin.send(
              admin.open("/admin/settings"),
              "site-settings",
              Map.of("site-settings:name", name),
              "site-settings:save");
      assertFalse(Console.messages(saved).isEmpty(), "no message after saving the settings");
      Duration seen = untilTrue("site name", () -> body(anonymousGet(second, "/")).contains(name));
      assertTrue(
          seen.compareTo(VISIBLE_WITHIN) <= 0,
          () -> "the site's new name showed on the second node after " + seen.toMillis() + " ms");

      String renamed = author + " (" + (System.nanoTime() % 1000) + ")";
      HtmlPage taxonomy = admin.open("/admin/taxonomy");
      HtmlElement edit =
          taxonomy.querySelector(
              "#authors input[type=submit][aria-label='"
                  + Console.text("accounts.edit")
                  + " "
                  + author
                  + "']");
      assertNotNull(edit, () -> "no edit button for " + author);
      HtmlPage renamedPage =
          admin.send(
              html(admin.click(edit)),
              "authors",
              Map.of("authors:author-name", renamed),
              "authors:save-author");
      assertTrue(
          renamedPage.asNormalizedText().contains(renamed),
          () -> "the author was not renamed:\n" + renamedPage.asNormalizedText());
      Duration shown =
          untilTrue(
              "author's name", () -> body(anonymousGet(second, path)).contains(">" + renamed));
      assertTrue(
          shown.compareTo(VISIBLE_WITHIN) <= 0,
          () ->
              "the author's new name showed on the second node after " + shown.toMillis() + " ms");
    }
  }

  /**
   * A visitor's rights travel with their cookie, not with a node: the author of a comment posted on
   * the first node edits it on the second; a vote given on the first node is known on the second
   * (the same vote again changes nothing there).
   */
  @Test
  @Order(40)
  void aVisitorsEditRightAndVoteHoldOnEitherNode() {
    try (Visitor author = new Visitor(first);
        Visitor voter = new Visitor(first)) {
      String path = author.articlePath(ARTICLE.title());
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("name", "Noé Vasseur");
      fields.put("email", "noe.vasseur." + System.nanoTime() + "@example.org");
      fields.put("body", "Horaires notés, merci (" + System.nanoTime() + ")");
      long id = author.postComment(path, fields);

      HtmlPage onSecond = author.follow(author.get(onSecond(path + "/comments/" + id)));
      DomElement edit = onSecond.querySelector("#comment-" + id + " a.edit");
      assertNotNull(edit, "the second node offers its author no edit link");
      HtmlPage editing = author.open(onSecond(edit.getAttribute("href")));
      HtmlForm form = editing.querySelector("#comment-" + id + " form.comment-edit");
      assertNotNull(form, "the second node gives its author no edit form");
      String edited = "Horaires notés, et vérifiés (" + System.nanoTime() + ")";
      Page saved = author.submit(form, Map.of("body", edited));
      assertEquals(303, Visitor.status(saved), () -> Visitor.text(saved));
      assertTrue(
          Visitor.text(author.follow(saved)).contains(edited), "the edit did not show on node B");

      HtmlPage page = voter.follow(voter.get(path + "/comments/" + id));
      HtmlPage voted = voter.follow(voter.press(voteButton(page, id)));
      assertEquals("Score\u00a0: 1", score(voted, id), "the vote on the first node");
      HtmlPage again = voter.follow(voter.get(onSecond(path + "/comments/" + id)));
      HtmlPage votedAgain = voter.follow(voter.press(voteButton(again, id)));
      assertEquals(
          "Score\u00a0: 1", score(votedAgain, id), "the same vote counted again on node B");
    }
  }

  /** The second node's address for a path of the site. */
  private static String onSecond(String path) {
    return second.uri(path).toString();
  }

  private static HtmlButton voteButton(HtmlPage page, long id) {
    HtmlButton button = page.querySelector("#comment-" + id + " .vote button[value=up]");
    assertNotNull(button, () -> "no vote button for comment " + id);
    return button;
  }

  private static String score(HtmlPage page, long id) {
    DomElement score = page.querySelector("#comment-" + id + " .score");
    assertNotNull(score, () -> "no score for comment " + id);
    return score.getTextContent().strip();
  }

  /**
   * Password guesses spread over both nodes are counted together (the failures are counted in the
   * audit log, which both read): after five wrong passwords for one account, tried alternately on
   * each node from five different addresses, even the right one is refused on either node, and the
   * audit log says so.
   */
  @Test
  @Order(50)
  void passwordGuessesSpreadOverBothNodesAreCountedTogether() {
    String email = Console.uniqueEmail("grappe");
    try (Visitor admin = Console.admin(first)) {
      Console.createdAccount(admin, email, "AUTHOR", ConsoleServer.ADMIN_PASSWORD);
    }
    List<Visitor> guessers = new ArrayList<>();
    try {
      for (int attempt = 1; attempt <= 6; attempt++) {
        guessers.add(Console.visitor(attempt % 2 == 1 ? first : second));
      }
      // Each opens its sign-in page first, so that the last two attempts follow each other closely.
      List<HtmlPage> pages = guessers.stream().map(g -> g.open("/admin/login")).toList();
      for (int attempt = 1; attempt <= 5; attempt++) {
        Page answer =
            Console.signInOn(
                guessers.get(attempt - 1), pages.get(attempt - 1), email, "essai " + attempt);
        int tried = attempt;
        assertEquals(401, Visitor.status(answer), () -> "attempt " + tried);
        assertEquals(
            Console.text("login.failed"), Console.messages(html(answer)), "attempt " + tried);
      }

      Page sixth =
          Console.signInOn(guessers.get(5), pages.get(5), email, ConsoleServer.ADMIN_PASSWORD);

      assertEquals(401, Visitor.status(sixth), "the right password, on the second node, let in");
      assertEquals(Console.text("login.delayed", 1), Console.messages(html(sixth)));
    } finally {
      guessers.forEach(Visitor::close);
    }
    try (Visitor admin = Console.admin(second)) {
      List<String> actions =
          Console.auditRows(admin, email).stream().map(row -> row.get(2)).toList();
      assertEquals(
          List.of(
              Console.text("audit.action.SIGN_IN_DELAYED"),
              Console.text("audit.action.SIGN_IN_FAILED"),
              Console.text("audit.action.SIGN_IN_FAILED"),
              Console.text("audit.action.SIGN_IN_FAILED"),
              Console.text("audit.action.SIGN_IN_FAILED"),
              Console.text("audit.action.SIGN_IN_FAILED")),
          actions.subList(0, Math.min(6, actions.size())));
    }
  }

  /**
   * A staff member signed in through the first node goes on working on the second when the first
   * dies: the session, kept in the data grid, holds who they are. Last: it kills the first node.
   */
  @Test
  @Order(100)
  void aConsoleSessionSurvivesTheLossOfTheNodeThatServedIt() {
    try (Visitor admin = Console.admin(first)) {
      HtmlPage settings = admin.open("/admin/settings");
      assertNotNull(settings.getElementById("site-settings"), "signed in on the first node");
      first.kill();

      HtmlPage onSecond = admin.open(second.uri("/admin/settings").toString());
      assertNotNull(
          onSecond.getElementById("site-settings"),
          () -> "the session was lost with its node:\n" + onSecond.asNormalizedText());
      String name = "Tribune après la panne " + (System.nanoTime() % 100_000);
      HtmlPage saved =
          admin.send(
              onSecond, "site-settings", Map.of("site-settings:name", name), "site-settings:save");
      assertEquals(Console.text("settings.saved"), Console.messages(saved));
    }
  }

  /**
   * Scheduled publishing goes on on the node left once the other died (each period one node takes
   * the job's lock; a dead node's lock lapses): an article scheduled on the second node a few
   * seconds ahead is published within its time, the job's period and the lock's margin. After the
   * first node was killed.
   */
  @Test
  @Order(101)
  void scheduledPublishingGoesOnOnTheNodeLeftAfterTheOtherDied() throws Exception {
    String slug;
    try (Visitor admin = Console.admin(second)) {
      long id =
          Editor.create(
              admin,
              Map.of(
                  "title", Editor.uniqueTitle("Le nœud restant publie"), "body", "Texte prévu."));
      String soon =
          LocalDateTime.now(ZoneId.of("Europe/Paris"))
              .plusSeconds(10)
              .truncatedTo(ChronoUnit.SECONDS)
              .toString();
      // To the second (HtmlUnit's date field keeps minutes only): sent as the form's fields.
      HtmlForm form = Editor.open(admin, id).getHtmlElementById("editor");
      Map<String, String> fields = Console.sentFields(form);
      fields.put("editor:schedule", soon);
      fields.put("editor:schedule-button", Console.text("editor.schedule"));
      Page answer = admin.post("/admin/articles/edit?id=" + id, fields, Map.of());
      assertEquals(
          302,
          Visitor.status(answer),
          () ->
              soon
                  + ": "
                  + Console.messages(html(answer))
                  + " / "
                  + Editor.fieldError(html(answer), "schedule")
                  + " / "
                  + html(answer).querySelectorAll(".field-error").stream()
                      .map(e -> e.getTextContent().strip())
                      .toList());
      HtmlPage scheduled = admin.follow(answer);
      String said = Console.text("editor.scheduled", "§").split("§")[0];
      assertTrue(
          Console.messages(scheduled).startsWith(said),
          () -> soon + ": " + Console.messages(scheduled));
      slug = Editor.field(scheduled, "slug");
    }
    Duration published =
        untilTrue(
            "scheduled article",
            () -> statusOf(second, "/articles/" + slug) == 200,
            Duration.ofSeconds(60));
    assertTrue(published.compareTo(Duration.ofSeconds(60)) < 0, published::toString);
  }

  private static int statusOf(TribuneServer server, String path) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(server.uri(path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * How long until the condition held, checking every 20 ms; fails after 10 s (a node that never
   * hears of a change would otherwise show it only when its kept page expires).
   */
  private static Duration untilTrue(String what, Check condition) throws Exception {
    return untilTrue(what, condition, Duration.ofSeconds(10));
  }

  private static Duration untilTrue(String what, Check condition, Duration limit) throws Exception {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not seen within " + limit.toSeconds() + " s");
      }
      Thread.sleep(20);
    }
    Duration taken = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf("ClusterIT: %s after %d ms%n", what, taken.toMillis());
    return taken;
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }

  private static HttpResponse<byte[]> anonymousGet(TribuneServer server, String path)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri(path)).header("Accept-Encoding", "gzip").build();
    HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), () -> "GET " + path + " on " + server);
    return response;
  }

  private static String body(HttpResponse<byte[]> response) throws IOException {
    if (!"gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
      return new String(response.body(), StandardCharsets.UTF_8);
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
