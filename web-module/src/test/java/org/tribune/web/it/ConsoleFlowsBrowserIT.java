package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Console.admin;
import static org.tribune.web.it.Console.text;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tribune.web.it.DemoArticles.DemoArticle;

/**
 * The console's editorial and moderation flows in Chromium, with PrimeFaces and the console's
 * script: writing with the live preview and scheduling a publication, a save refused because
 * someone saved first, moderating held comments one by one and in bulk, hostile text in every
 * field, and axe-core (WCAG 2.0/2.1 A and AA, zero violations) on the article list, the editor, the
 * moderation queue, the dashboard and the taxonomy page; and an article's video embed, which makes
 * no request to another host until the reader clicks its button (Chromium's own log of requests).
 * Screenshots go to {@code target/screenshots/console-flows-*.png}.
 *
 * <p>On the server of {@link ConsoleFlowsServer} (comments held until an address has one approved),
 * shared with {@link ConsoleFlowsIT}. What only sets the scene (an article to edit, a comment to
 * moderate) is done over HTTP, which is quicker than typing.
 */
@ExtendWith(ConsoleFlowsServer.class)
class ConsoleFlowsBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final ZoneId SITE_ZONE = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter LOCAL_INPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  /** The demo article the comments of these tests are written under. */
  private static final DemoArticle DISCUSSED = DemoArticles.named("comete.md");

  private static final AtomicInteger SERIAL = new AtomicInteger();

  private Chromium chromium;
  private ChromeDriver driver;

  @BeforeAll
  static void requireChromium() {
    Chromium.requireInstalled();
  }

  @BeforeEach
  void openBrowser() {
    chromium = Chromium.start();
    driver = chromium.driver();
  }

  /** Every test ends by checking that the console's Content-Security-Policy refused nothing. */
  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      try {
        assertEquals(List.of(), chromium.refusedByPolicy(), "refused by the page's policy");
      } finally {
        chromium.close();
      }
    }
  }

  // --- Writing and scheduling --------------------------------------------------------------------

  @Test
  void aScheduledArticleReachesThePublicSiteOnlyWhenItsTimeHasCome(TribuneServer server)
      throws InterruptedException {
    signIn(server);
    driver.get(server.uri("/admin/articles/edit").toString());
    String title = Editor.uniqueTitle("À paraître bientôt");
    driver.findElement(By.id("editor:title")).sendKeys(title);
    driver
        .findElement(By.id("editor:body"))
        .sendKeys("Un texte **important** et un lien.\n\n<script>alert('preview')</script>");
    // The preview is rendered again by each Ajax answer: found anew each time.
    waitFor(
        d ->
            d.findElement(By.id("editor:preview"))
                .getText()
                .contains("<script>alert('preview')</script>"));
    chromium.screenshot("console-flows-preview.png");
    assertAll(
        () ->
            assertEquals(
                "important",
                driver.findElement(By.cssSelector("#editor\\:preview strong")).getText()),
        () ->
            assertTrue(
                driver.findElements(By.cssSelector("#editor\\:preview script")).isEmpty(),
                "a script element in the preview"),
        () -> assertNoAlert());
    driver.findElement(By.cssSelector("input[name='editor:authors']")).click();
    driver.findElement(By.id("editor:save")).click();
    waitFor(d -> d.getCurrentUrl().contains("id="));
    String slug = driver.findElement(By.id("editor:slug")).getAttribute("value");
    String path = "/articles/" + slug;

    // 12 s ahead, to the second (the field takes seconds): time enough to send the form.
    ZonedDateTime at = ZonedDateTime.now(SITE_ZONE).plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
    setValue("editor:schedule", LOCAL_INPUT.format(at));
    driver.findElement(By.id("editor:schedule-button")).click();
    String scheduled = text("editor.scheduled", "").replace(" .", "").strip();
    waitFor(d -> messages().startsWith(scheduled));
    chromium.screenshot("console-flows-scheduled.png");
    String statusShown = driver.findElement(By.cssSelector("#editor .badge")).getText();

    Instant due = at.toInstant();
    int before = 0;
    int status = server.status(path);
    Instant firstSeen = null;
    boolean listedEarly = false;
    Instant deadline = due.plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      Instant asked = Instant.now();
      status = server.status(path);
      if (status == 200) {
        firstSeen = asked;
        break;
      }
      if (homeTitles(server).contains(title)) {
        listedEarly = true;
      }
      before++;
      Thread.sleep(1_000);
    }
    Instant seen = firstSeen;
    boolean early = listedEarly;
    int polls = before;
    assertAll(
        () -> assertEquals(text("status.SCHEDULED"), statusShown),
        () -> assertTrue(polls > 0, "the article was readable at once"),
        () -> assertEquals(200, server.status(path), "never published"),
        () -> assertFalse(seen.isBefore(due.minusSeconds(1)), () -> "readable at " + seen),
        () -> assertFalse(early, "listed on the home page before its time"),
        () -> assertTrue(awaitOnHomePage(server, title), "not on the home page after its time"));
  }

  @Test
  void leavingTheEditorWithUnsavedChangesAsksFirstAndSavingDoesNot(TribuneServer server) {
    signIn(server);
    driver.get(server.uri("/admin/articles/edit").toString());
    boolean askedUntouched = leavingAsks();
    driver.findElement(By.id("editor:title")).sendKeys(Editor.uniqueTitle("Pas encore enregistré"));
    boolean askedTyped = leavingAsks();
    driver.findElement(By.cssSelector("input[name='editor:authors']")).click();
    driver.findElement(By.id("editor:save")).click();
    waitFor(d -> d.getCurrentUrl().contains("id="));
    boolean askedSaved = leavingAsks();
    assertAll(
        () -> assertFalse(askedUntouched, "asks before anything was typed"),
        () -> assertTrue(askedTyped, "does not ask with unsaved changes"),
        () -> assertFalse(askedSaved, "still asks once saved"));
  }

  /** Whether the page would ask before being left: what the browser does with beforeunload. */
  private boolean leavingAsks() {
    return (Boolean)
        driver.executeScript(
            "const e = new Event('beforeunload', {cancelable: true});"
                + " window.dispatchEvent(e); return e.defaultPrevented;");
  }

  // --- Conflicts ---------------------------------------------------------------------------------

  @Test
  void aSaveAfterSomeoneElsesIsRefusedInFrenchAndKeepsWhatWasTyped(TribuneServer server) {
    String title = Editor.uniqueTitle("Disputé");
    long id;
    try (Visitor other = admin(server)) {
      id = Editor.create(other, Map.of("title", title, "body", "Version de départ."));
      signIn(server);
      driver.get(server.uri("/admin/articles/edit?id=" + id).toString());
      WebElement body = driver.findElement(By.id("editor:body"));
      body.clear();
      body.sendKeys("Ma version, tapée dans le navigateur.");

      HtmlPage saved =
          Editor.pressForPage(
              other, Editor.open(other, id), Map.of("body", "La version de l'autre."), "save");
      long version = Editor.version(saved);
      driver.findElement(By.id("editor:save")).click();
      waitFor(d -> !messages().isEmpty());
      chromium.screenshot("console-flows-conflict.png");

      String typed = driver.findElement(By.id("editor:body")).getAttribute("value");
      HtmlPage after = Editor.open(other, id);
      assertAll(
          () ->
              assertEquals(
                  Console.shown("editor.conflict", ConsoleServer.ADMIN_EMAIL, version), messages()),
          () -> assertEquals("Ma version, tapée dans le navigateur.", typed),
          () -> assertEquals("La version de l'autre.", Editor.field(after, "body")),
          () -> assertEquals(title, Editor.field(after, "title")),
          () -> assertEquals(version, Editor.version(after)));
    }
  }

  // --- Moderation --------------------------------------------------------------------------------

  @Test
  void aHeldCommentApprovedInTheConsoleAppearsUnderTheArticle(TribuneServer server) {
    String path = articlePath(server);
    String body = unique("Un premier commentaire, à modérer");
    long id = postComment(server, path, body);
    try (Visitor reader = new Visitor(server)) {
      assertTrue(reader.open(path).getElementById("comment-" + id) == null, "shown before");
    }
    signIn(server);
    driver.get(server.uri("/admin/comments?status=PENDING").toString());
    int pending = count("PENDING");
    int approved = count("APPROVED");
    By row = By.cssSelector("tr[data-rk='" + id + "']");
    assertTrue(
        driver.findElement(row).getText().contains(body), "the held comment is not in the queue");

    driver
        .findElement(
            By.cssSelector("input[aria-label='" + text("moderation.approve") + " #" + id + "']"))
        .click();
    waitFor(d -> d.findElements(row).isEmpty());
    driver.navigate().refresh();
    int pendingAfter = count("PENDING");
    int approvedAfter = count("APPROVED");

    try (Visitor reader = new Visitor(server)) {
      HtmlPage article = reader.open(path);
      assertAll(
          () -> assertEquals(pending - 1, pendingAfter, "pending count"),
          () -> assertEquals(approved + 1, approvedAfter, "approved count"),
          () -> assertTrue(article.getElementById("comment-" + id) != null, "not published"),
          () ->
              assertEquals(
                  body,
                  article
                      .querySelector("#comment-" + id + " .comment-body")
                      .getTextContent()
                      .strip()));
    }
  }

  @Test
  void severalHeldCommentsGoToSpamInOneClickAndTheCountsFollow(TribuneServer server) {
    String path = articlePath(server);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(postComment(server, path, unique("Achetez des montres")));
    }
    long kept = postComment(server, path, unique("Un vrai commentaire, lui"));
    signIn(server);
    driver.get(server.uri("/admin/comments?status=PENDING").toString());
    int pending = count("PENDING");
    int spam = count("SPAM");

    for (long id : ids) {
      driver.findElement(By.cssSelector("tr[data-rk='" + id + "'] .ui-chkbox-box")).click();
    }
    chromium.screenshot("console-flows-bulk-selected.png");
    driver.findElement(By.id("queue:bulk-spam")).click();
    waitFor(d -> ids.stream().allMatch(id -> d.findElements(rowOf(id)).isEmpty()));
    chromium.screenshot("console-flows-bulk-done.png");
    boolean keptStays = !driver.findElements(rowOf(kept)).isEmpty();
    int pendingShown = count("PENDING");
    driver.get(server.uri("/admin/comments?status=SPAM").toString());
    boolean allInSpam = ids.stream().allMatch(id -> !driver.findElements(rowOf(id)).isEmpty());

    assertAll(
        () -> assertTrue(keptStays, "the comment not ticked left the queue"),
        () -> assertEquals(pending - 3, pendingShown, "pending count after the click"),
        () -> assertEquals(pending - 3, count("PENDING"), "pending count"),
        () -> assertEquals(spam + 3, count("SPAM"), "spam count"),
        () -> assertTrue(allInSpam, "not in the spam tab"));
  }

  // --- Hostile text ------------------------------------------------------------------------------

  @Test
  void hostileTextRunsNoScriptInTheConsoleNorOnThePublicPage(TribuneServer server) {
    String payload = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";
    String title = Editor.uniqueTitle(payload);
    String path;
    long id;
    try (Visitor admin = admin(server)) {
      id =
          Editor.create(
              admin,
              Map.of(
                  "title", title,
                  "standfirst", payload,
                  "body", payload,
                  "image", "https://example.org/i.png",
                  "image-alt", payload,
                  "tags", "x " + payload.substring(0, 30)));
      path =
          Editor.publicPath(
              admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "publish")));
    }
    signIn(server);
    List<Executable> checks = new ArrayList<>();
    for (String page : List.of("/admin/articles/edit?id=" + id, "/admin/articles", path)) {
      driver.get(server.uri(page).toString());
      checks.add(this::assertNoAlert);
      Object pwned =
          driver.executeScript("return window.pwned === undefined ? null : window.pwned");
      checks.add(() -> assertEquals(null, pwned, page + " ran the payload"));
    }
    chromium.screenshot("console-flows-hostile-public.png");
    String shown = driver.findElement(By.cssSelector("main h1")).getText();
    checks.add(() -> assertEquals(title, shown));
    assertAll(checks);
  }

  // --- Accessibility -----------------------------------------------------------------------------

  @Test
  void theEditorialAndModerationPagesPassWcagAa(TribuneServer server) {
    String path = articlePath(server);
    long queued = postComment(server, path, unique("Un commentaire dans la file"));
    long id;
    // A sanction in the list, with a long reason (by e-mail address only: the readers of these
    // tests share one address); its author's history shows it too.
    String email = "sanctionne-" + System.nanoTime() + "@example.org";
    try (Visitor admin = admin(server)) {
      HtmlPage sanctioned =
          admin.send(
              admin.open("/admin/comments"),
              "bans",
              Map.of(
                  "bans:ban-email",
                  email,
                  "bans:ban-effect",
                  "HELD",
                  "bans:ban-length",
                  "DAY",
                  "bans:ban-reason",
                  "Hors sujet, ".repeat(40) + "sans-espace-".repeat(20)),
              "bans:add-ban");
      assertTrue(
          sanctioned.querySelectorAll("#bans li.sanction .sanctioned-address").stream()
              .anyMatch(who -> who.getTextContent().strip().equals(email)),
          () -> "not sanctioned: " + Console.messages(sanctioned));
      id =
          Editor.create(
              admin,
              Map.of(
                  "title",
                  Editor.uniqueTitle("Audité"),
                  "body",
                  "Premier **jet**.",
                  "tags",
                  "audit"));
      Editor.pressForPage(admin, Editor.open(admin, id), Map.of("body", "Second jet."), "save");
    }
    signIn(server);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("articles", "/admin/articles");
    pages.put("editor", "/admin/articles/edit?id=" + id);
    pages.put("new-article", "/admin/articles/edit");
    pages.put("comments", "/admin/comments?status=PENDING");
    pages.put("dashboard", "/admin/dashboard");
    pages.put("taxonomy", "/admin/taxonomy");
    pages.put("author", "/admin/comments/author?email=" + email);
    List<Executable> checks = new ArrayList<>();
    pages.forEach(
        (name, page) -> {
          driver.get(server.uri(page).toString());
          if (name.equals("comments")) {
            boolean empty =
                driver.findElements(By.cssSelector("#queue\\:rows tr[data-rk]")).isEmpty();
            checks.add(() -> assertFalse(empty, "the queue is empty"));
            // The sanction panel open under the queue, as a moderator sees it.
            driver
                .findElement(
                    By.cssSelector(
                        "input[aria-label='" + text("moderation.sanction") + " #" + queued + "']"))
                .click();
            waitFor(d -> !d.findElements(By.id("queue:sanction-reason")).isEmpty());
          }
          if (name.equals("editor")) {
            driver.findElement(By.id("editor:show-diff")).click();
            waitFor(d -> !d.findElements(By.cssSelector("pre.diff")).isEmpty());
            int removedAt =
                driver.findElement(By.cssSelector("pre.diff .diff-removed")).getRect().getY();
            int addedAt =
                driver.findElement(By.cssSelector("pre.diff .diff-added")).getRect().getY();
            checks.add(
                () ->
                    assertTrue(addedAt > removedAt, "the diff's lines are not one under another"));
          }
          checks.add(audit("console-flows-" + name, page));
          if (List.of("comments", "editor", "new-article", "taxonomy", "author").contains(name)) {
            checks.addAll(phone("console-flows-" + name + "-phone", page));
          }
        });
    assertAll(checks);
  }

  // --- Moving a site in -------------------------------------------------------------------------

  @Test
  void anImportFromTheConsoleShowsItsProgressThenItsReport(TribuneServer server)
      throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("import", ".xml");
    try (java.io.InputStream in = getClass().getResourceAsStream("/transfer/wxr-1.1-https.xml")) {
      java.nio.file.Files.write(file, in.readAllBytes());
    }
    long size = java.nio.file.Files.size(file);
    try {
      signIn(server);
      driver.get(server.uri("/admin/transfer").toString());
      Executable before = audit("console-transfer", "/admin/transfer");
      // Keeps the upload's progress events across the page change that follows.
      driver.executeScript(
          "const send = XMLHttpRequest.prototype.send;"
              + "XMLHttpRequest.prototype.send = function (body) {"
              + "  this.upload.addEventListener('progress', function (e) {"
              + "    sessionStorage.setItem('progress', e.loaded + '/' + e.total); });"
              + "  return send.call(this, body); };");
      driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
      driver.findElement(By.id("import-start")).click();
      waitFor(d -> d.getCurrentUrl().contains("/admin/transfer?job="));
      assertEquals(
          size + "/" + size,
          driver.executeScript("return sessionStorage.getItem('progress');"),
          "the progress bar followed the upload to its end");
      String report = driver.findElement(By.id("report-title")).getText();
      assertEquals(Console.text("transfer.report"), report);
      assertTrue(
          driver
              .findElement(By.tagName("main"))
              .getText()
              .contains(Console.text("transfer.progress.done")));
      Executable after = audit("console-transfer-report", "/admin/transfer?job=");
      assertAll(before, after);
      try (Visitor reader = new Visitor(server)) {
        assertEquals(200, Visitor.status(reader.get("/articles/crue-de-la-riviere")));
      }
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  // --- Helpers -----------------------------------------------------------------------------------

  // --- Embeds on the public page -----------------------------------------------------------------

  @Test
  void aVideoEmbedContactsNoOtherHostUntilTheReaderClicks(TribuneServer server) {
    String path;
    try (Visitor admin = admin(server)) {
      long id =
          Editor.create(
              admin,
              Map.of(
                  "title",
                  Editor.uniqueTitle("Vidéo intégrée"),
                  "body",
                  "Regardez.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nFin."));
      HtmlPage published =
          admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "publish"));
      path = Editor.publicPath(published);
    }
    chromium.close();
    chromium = Chromium.startRecordingRequests();
    driver = chromium.driver();
    String site = server.uri("/").getAuthority();

    driver.get(server.uri(path).toString());
    WebElement play = waitFor(d -> d.findElement(By.cssSelector("figure.embed-video .embed-play")));
    List<String> before = chromium.requestedUrls();
    List<Object> resources =
        List.copyOf(
            (List<?>)
                driver.executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)"));
    Executable accessible = audit("embed-video", path);
    assertAll(
        () -> assertFalse(before.isEmpty(), "no request recorded"),
        () ->
            assertEquals(
                List.of(),
                before.stream().filter(url -> !isOn(url, site)).toList(),
                "requests to other hosts before the click"),
        () ->
            assertEquals(
                List.of(),
                resources.stream().map(String::valueOf).filter(url -> !isOn(url, site)).toList(),
                "resources from other hosts before the click"),
        () ->
            assertEquals(
                "Lire la vidéo (YouTube recevra votre adresse IP)", play.getText().strip()),
        accessible);

    play.click();
    WebElement frame = waitFor(d -> d.findElement(By.cssSelector("figure.embed-video iframe")));
    String player = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1";
    List<String> after = new ArrayList<>();
    waitFor(
        d -> {
          after.addAll(chromium.requestedUrls());
          return after.contains(player);
        });
    assertAll(
        () -> assertEquals(player, frame.getAttribute("src")),
        () ->
            assertEquals(
                List.of(),
                after.stream()
                    .filter(
                        url ->
                            !isOn(url, site)
                                && !url.startsWith("https://www.youtube-nocookie.com/"))
                    .toList(),
                "after the click, only the privacy-enhanced player"));
  }

  /**
   * Whether a request stays on the site: its own address, or no network at all ({@code data:},
   * {@code blob:}, and the browser's internal {@code chrome://} pages of its empty first tab).
   */
  private static boolean isOn(String url, String authority) {
    return url.startsWith("http://" + authority + "/")
        || url.startsWith("https://" + authority + "/")
        || !(url.startsWith("http:") || url.startsWith("https:") || url.startsWith("ws"));
  }

  private void signIn(TribuneServer server) {
    driver.get(server.uri("/admin/login").toString());
    driver.findElement(By.id("login:email")).sendKeys(ConsoleServer.ADMIN_EMAIL);
    driver.findElement(By.id("login:password")).sendKeys(ConsoleServer.ADMIN_PASSWORD);
    driver.findElement(By.id("login:submit")).click();
    waitFor(d -> d.getCurrentUrl().contains("/admin/dashboard"));
  }

  private Executable audit(String name, String what) {
    Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(driver);
    assertFalse(results.isErrored(), () -> "axe-core failed: " + results.getErrorMessage());
    assertFalse(results.getPasses().isEmpty(), "axe-core checked nothing");
    long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            Chromium.WIDTH,
            "height",
            (int) Math.min(height, 16_000),
            "deviceScaleFactor",
            1,
            "mobile",
            false));
    chromium.screenshot(name + ".png");
    chromium.desktop();
    return () ->
        assertTrue(
            results.getViolations().isEmpty(),
            () ->
                what
                    + " has accessibility violations:\n"
                    + AccessibilityIT.describe(results.getViolations()));
  }

  /**
   * The current page at phone width (390 px): nothing sticks out sideways, and axe-core finds no
   * violation there either (a screenshot of the whole page).
   */
  private List<Executable> phone(String name, String what) {
    chromium.phone(390, 844);
    try {
      // The layout viewport's width: on a phone, innerWidth grows with a page that is too wide
      // (the browser zooms out to show it whole), so it would hide the overflow it should reveal.
      long inner = (Long) driver.executeScript("return document.documentElement.clientWidth");
      long scroll = (Long) driver.executeScript("return document.documentElement.scrollWidth");
      Object widest =
          driver.executeScript(
              "const w = arguments[0]; return [...document.querySelectorAll('body *')]"
                  + ".filter(e => e.getBoundingClientRect().right > w && !e.closest('.table-scroll'))"
                  + ".slice(0, 5)"
                  + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                  + " + (e.className ? '.' + e.className : '')).join(', ')",
              inner);
      Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(driver);
      long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of(
              "width",
              390,
              "height",
              (int) Math.min(height, 16_000),
              "deviceScaleFactor",
              1,
              "mobile",
              true));
      chromium.screenshot(name + ".png");
      return List.of(
          () ->
              assertTrue(
                  scroll <= inner,
                  () -> what + " is " + scroll + " px wide on a " + inner + " px phone: " + widest),
          () ->
              assertTrue(
                  results.getViolations().isEmpty(),
                  () ->
                      what
                          + " (phone) has accessibility violations:\n"
                          + AccessibilityIT.describe(results.getViolations())));
    } finally {
      chromium.desktop();
    }
  }

  private String articlePath(TribuneServer server) {
    try (Visitor visitor = new Visitor(server)) {
      return visitor.articlePath(DISCUSSED.title());
    }
  }

  /** Posts a comment through the article's public form, from an address never approved. */
  private static long postComment(TribuneServer server, String path, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", "Lecteur " + SERIAL.incrementAndGet());
    fields.put("email", "lecteur-" + SERIAL.get() + "-" + System.nanoTime() + "@example.org");
    fields.put("body", body);
    try (Visitor visitor = new Visitor(server)) {
      return visitor.postComment(path, fields);
    }
  }

  private static By rowOf(long id) {
    return By.cssSelector("tr[data-rk='" + id + "']");
  }

  /** The count a moderation tab shows. */
  private int count(String status) {
    return Integer.parseInt(
        driver
            .findElement(By.cssSelector("nav.tabs a[href*='status=" + status + "'] .badge"))
            .getText()
            .strip());
  }

  private List<String> homeTitles(TribuneServer server) {
    try (Visitor reader = new Visitor(server)) {
      return reader.open("/").querySelectorAll("h2.article-title a").stream()
          .map(link -> link.getTextContent().strip())
          .toList();
    }
  }

  private boolean awaitOnHomePage(TribuneServer server, String title) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (homeTitles(server).contains(title)) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }

  private String messages() {
    List<WebElement> box = driver.findElements(By.id("page-messages"));
    return box.isEmpty() ? "" : box.get(0).getText().strip().replaceAll("\\s+", " ");
  }

  private void setValue(String id, String value) {
    driver.executeScript(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
            + "e.dispatchEvent(new Event('change', {bubbles: true}));",
        id,
        value);
  }

  private void assertNoAlert() {
    try {
      String alert = driver.switchTo().alert().getText();
      driver.switchTo().alert().dismiss();
      throw new AssertionError("a script ran: alert " + alert);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  /**
   * Waits for the condition; an element replaced while it was read (Ajax re-renders the page's
   * messages) is read again at the next try.
   */
  private <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  private static String unique(String text) {
    return text + " (n° " + SERIAL.incrementAndGet() + "-" + System.nanoTime() + ")";
  }
}
