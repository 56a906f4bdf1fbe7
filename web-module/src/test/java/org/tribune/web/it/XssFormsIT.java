package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Visitor.html;
import static org.tribune.web.it.Visitor.location;
import static org.tribune.web.it.Visitor.status;
import static org.tribune.web.it.Visitor.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tribune.web.persistence.XssSeeding;

/**
 * The payloads of {@code xss-payloads.txt} typed into every field of the site over HTTP, as a
 * visitor and as staff do it, through the pages' own forms; then every page that shows them opened
 * in Chromium, which must run none of them ({@link XssChecks}). {@code persistence.XssIT} writes
 * the same payloads through the services into every field of articles, authors, sections and tags.
 *
 * <ul>
 *   <li>Visitor: the comment form (name, e-mail, website, body in Markdown, the reply's parent, the
 *       hidden sort and page fields), the edit form of one's own comment, the search box, the
 *       Mastodon sharing form, the subscription page's token. Each payload is a comment's name and
 *       body (then, edited, another's body); all of them at once are a comment's body, its edit
 *       form, and each field of refused forms (shown again with everything typed).
 *   <li>Console (signed in as an administrator): settings (name, description), accounts (display
 *       name), taxonomy (section, tag and author names, descriptions and biography), the article
 *       editor (title, standfirst, body, tags, image's text), moderation (a comment edited by a
 *       moderator, the queue's filters), the filters of the article list and the audit log.
 * </ul>
 *
 * Fields too short for all the payloads at once get them in chunks, one form sent per chunk;
 * whatever shows them is opened once, after all the chunks. One server of its own (comments
 * published at once, no rate limit, every thread on one page).
 */
class XssFormsIT {
  private static final Duration PAGE_LOAD = Duration.ofSeconds(20);
  private static final Pattern COMMENT_ANCHOR = Pattern.compile("#comment-(\\d+)$");
  private static final String PASSWORD = "Une phrase de passe pour les tests";

  /**
   * Sections, tags and authors saved through the console's forms, and comments a moderator edits, a
   * chunk of payloads each: every payload reaches those fields through the services in {@code
   * persistence.XssIT} and the visitor's test. Accounts' and the site's names get every payload.
   */
  private static final int CONSOLE_CHUNKS = 8;

  /** One site name in this many is also checked in Chromium; all are read from the HTML. */
  private static final int SITE_NAME_BROWSER_EVERY = 6;

  private static TribuneServer server;
  private static List<String> payloads;

  private Chromium chromium;
  private ChromeDriver driver;

  @BeforeAll
  static void startServer() {
    Chromium.requireInstalled();
    payloads = XssSeeding.payloads();
    server =
        TribuneServer.onTestDatabase("xss-forms")
            .withEnvironment("TRIBUNE_ADMIN_PASSWORD", ConsoleServer.ADMIN_PASSWORD)
            .withEnvironment("TRIBUNE_COMMENTS_MODERATION", "approve-all")
            .withEnvironment("TRIBUNE_COMMENTS_MIN_FORM_SECONDS", "0")
            .withEnvironment("TRIBUNE_COMMENTS_RATE_LIMIT", "100000")
            .withEnvironment("TRIBUNE_COMMENTS_MAX_LINKS", "1000")
            .withEnvironment("TRIBUNE_COMMENTS_THREADS_PER_PAGE", "500")
            .start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    chromium = Chromium.start();
    driver = chromium.driver();
    driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
    XssChecks.watch(driver);
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void noPayloadTypedByAVisitorRunsOnThePagesThatShowIt() throws Exception {
    assertTrue(payloads.size() >= 110, "only " + payloads.size() + " payloads");
    long started = System.nanoTime();
    String mark = "xss-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, List<String>> failures = new LinkedHashMap<>();
    int accepted = 0;
    String path;
    try (Visitor visitor = Console.visitor(server)) {
      path = firstArticle(visitor);
      String token = Visitor.formToken(visitor.open(path));
      // Each payload as a comment's name, body and website (when the site takes it as one).
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < payloads.size(); i++) {
        String payload = payloads.get(i);
        Map<String, String> fields = new HashMap<>();
        fields.put("form-token", token);
        fields.put("name", fit(payload, 100));
        fields.put("email", "xss-" + i + "@example.org");
        fields.put("body", payload + "\n\n" + mark + " n° " + i);
        fields.put("sort", "newest");
        fields.put("cpage", "1");
        // Every fifth a reply, to the comment before.
        fields.put("parent", i % 5 == 4 ? Long.toString(ids.get(i - 1)) : "");
        fields.put("website", "https://example.org/" + payload);
        Page posted = visitor.post(path + "/comments", fields, Map.of());
        if (status(posted) == 400) {
          fields.put("website", "");
          posted = visitor.post(path + "/comments", fields, Map.of());
        } else {
          accepted++;
        }
        ids.add(commentId(posted));
        // Edited at once by its author (the site remembers a visitor's latest comments only):
        // the next payload as its body.
        Page edited =
            visitor.post(
                path + "/comments/" + ids.get(i) + "/edit",
                Map.of(
                    "form-token",
                    token,
                    "body",
                    payloads.get((i + 1) % payloads.size()) + "\n\n" + mark + " modifié " + i,
                    "sort",
                    "newest",
                    "cpage",
                    "1"),
                Map.of());
        assertEquals(303, status(edited), () -> text(edited));
      }
      // All of them in one body.
      ids.add(
          commentId(
              visitor.post(
                  path + "/comments",
                  Map.of(
                      "form-token", token,
                      "name", "Toutes",
                      "email", "xss-all@example.org",
                      "body", mark + "\n\n" + String.join("\n\n", payloads),
                      "sort", "newest",
                      "cpage", "1"),
                  Map.of())));
    }
    check(failures, "article with the comments edited", path, XssChecks.PUBLIC_PAGE, mark);

    // In the browser, a visitor's own comment: its edit form, then refused forms shown again.
    String all = String.join("\n", payloads);
    driver.get(server.uri(path).toString());
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("name", all); // longer than a name may be: refused
    refused.put("email", all);
    refused.put("website", all);
    refused.put("body", all);
    refused.put("sort", all);
    refused.put("cpage", all);
    submit("comment-form", refused);
    failures.putAll(inspected("comment form refused", XssChecks.PUBLIC_PAGE, null));
    Map<String, String> own = new LinkedHashMap<>();
    own.put("name", "Moi");
    own.put("email", "xss-own@example.org");
    own.put("body", mark + " à modifier");
    driver.get(server.uri(path).toString());
    submit("comment-form", own);
    String ownId = driver.getCurrentUrl().replaceAll("^.*#comment-", "");
    assertTrue(ownId.matches("\\d+"), () -> "not posted: " + driver.getCurrentUrl());
    driver.get(server.uri(path + "?edit=" + ownId).toString());
    submitEdit(ownId, String.join("\n\n", payloads));
    failures.putAll(inspected("own comment saved", XssChecks.PUBLIC_PAGE, mark));
    check(
        failures,
        "edit form of one's own comment",
        path + "?edit=" + ownId,
        XssChecks.PUBLIC_PAGE,
        null);
    submitEdit(ownId, all + all);
    failures.putAll(inspected("edit form refused (too long)", XssChecks.PUBLIC_PAGE, null));
    driver.get(server.uri(path + "?replyto=" + ownId).toString());
    Map<String, String> reply = new LinkedHashMap<>(refused);
    reply.put("parent", all);
    submit("reply-" + ownId + "-form", reply);
    failures.putAll(inspected("reply form refused", XssChecks.PUBLIC_PAGE, null));

    // The search box, the Mastodon sharing form, the subscription page: what they echo.
    int pages = 0;
    for (String query : chunks(480)) {
      check(failures, "search", "/search?q=" + encode(query), XssChecks.PUBLIC_PAGE, null);
      pages++;
    }
    for (String shared : chunks(600)) {
      check(
          failures,
          "Mastodon sharing",
          "/share/mastodon?text=" + encode(shared) + "&instance=" + encode(shared),
          XssChecks.PUBLIC_PAGE,
          null);
      pages++;
    }
    for (String action : List.of("confirm", "cancel")) {
      check(
          failures,
          "subscription",
          "/comments/subscriptions/" + action + "?token=" + encode(chunks(100).get(0)),
          XssChecks.PUBLIC_PAGE,
          null);
    }
    assertFeedIsXml("/feed.atom");
    System.out.printf(
        "XssFormsIT: %d payloads as %d comments (%d with a website), %d edits, 6 article pages,"
            + " %d search and sharing pages in %d s%n",
        payloads.size(),
        payloads.size() + 2,
        accepted,
        payloads.size() + 1,
        pages,
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
    assertTrue(failures.isEmpty(), () -> report(failures));
  }

  @Test
  void noPayloadTypedInTheConsoleRunsInTheConsoleNorOnThePublicSite() {
    long started = System.nanoTime();
    String mark = "xss-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, List<String>> failures = new LinkedHashMap<>();
    List<Long> articles = new ArrayList<>();
    String all = String.join("\n\n", payloads);
    int forms = 0;
    try (Visitor admin = Console.admin(server);
        Visitor reader = Console.visitor(server)) {
      // Accounts: display names, the first given to a new account, the others to it in turn
      // through its edit form (a password is hashed once: PBKDF2, about 0.7 s on a test server).
      // Every name is read back as text from the page that saved it; one in every
      // SITE_NAME_BROWSER_EVERY is also opened in Chromium (and the last one).
      signIn();
      List<String> accountNames = chunks(100);
      String email = Console.uniqueEmail("xss");
      HtmlPage created =
          Console.createAccount(admin, email, accountNames.get(0), "MODERATOR", PASSWORD);
      assertEquals(Console.text("accounts.created", email), Console.messages(created));
      forms++;
      for (int i = 1; i < accountNames.size(); i++) {
        String name = accountNames.get(i);
        HtmlElement edit =
            admin
                .open("/admin/accounts")
                .querySelector(
                    "input[type=submit][aria-label='"
                        + Console.text("accounts.edit")
                        + " "
                        + email
                        + "']");
        assertNotNull(edit, () -> "no edit button for " + email);
        HtmlPage saved =
            admin.send(
                html(admin.click(edit)),
                "accounts",
                Map.of("accounts:name", name),
                "accounts:save");
        assertEquals(Console.text("accounts.changed", email), Console.messages(saved), name);
        forms++;
        if (!visible(saved.asNormalizedText()).contains(visible(name))) {
          failures.put("account name " + i, List.of("the name is not in the page's text"));
        }
        if (i % SITE_NAME_BROWSER_EVERY == 0 || i == accountNames.size() - 1) {
          check(
              failures, "accounts with name " + i, "/admin/accounts", XssChecks.CONSOLE_PAGE, null);
        }
      }
      // Taxonomy: sections (the first ones in every public page's menu), tags, authors.
      List<String> names = chunks(200);
      List<String> descriptions = chunks(1900);
      // Every payload reaches these fields through the services in persistence.XssIT; here the
      // forms themselves are tried with the first chunks.
      for (int i = 0; i < Math.min(CONSOLE_CHUNKS, names.size()); i++) {
        String description = descriptions.get(i % descriptions.size());
        saveTaxonomy(
            admin,
            "sections",
            "section-name",
            names.get(i),
            "section-description",
            description,
            "save-section");
        saveTaxonomy(
            admin, "tags", "tag-name", names.get(i), "tag-description", description, "save-tag");
        saveTaxonomy(
            admin,
            "authors",
            "author-name",
            names.get(i),
            "author-bio",
            description,
            "save-author");
        forms += 3;
      }
      // The editor: every payload in titles, standfirsts, images' texts; all in each body.
      List<String> titles = chunks(280);
      List<String> standfirsts = chunks(950);
      List<String> alts = chunks(280);
      for (int i = 0; i < Math.min(2, titles.size()); i++) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", titles.get(i) + " " + mark);
        fields.put("standfirst", standfirsts.get(i % standfirsts.size()));
        fields.put("body", mark + "\n\n" + all);
        fields.put("image", "https://example.org/image.png");
        fields.put("image-alt", alts.get(i % alts.size()));
        fields.put("tags", "mot " + i);
        long id = Editor.create(admin, fields);
        Page published = Editor.press(admin, Editor.open(admin, id), Map.of(), "publish");
        assertTrue(status(published) < 400, () -> text(published));
        articles.add(id);
        forms += 2;
      }
      // Settings: the site's name and description, a chunk each (each shown on every page).
      List<String> siteNames = chunks(90);
      List<String> siteDescriptions = chunks(290);
      for (int i = 0; i < siteNames.size(); i++) {
        HtmlPage saved =
            admin.send(
                admin.open("/admin/settings"),
                "site-settings",
                Map.of(
                    "site-settings:name",
                    "Tribune " + siteNames.get(i),
                    "site-settings:description",
                    siteDescriptions.get(i % siteDescriptions.size())),
                "site-settings:save");
        assertEquals(Console.text("settings.saved"), Console.messages(saved));
        forms++;
        // Every name is read back from the page's HTML (as text, where the page shows it); one in
        // every SITE_NAME_BROWSER_EVERY is also opened in Chromium (and the last one): a page
        // load per name was a minute of CI for the same template.
        String expected = "Tribune " + siteNames.get(i);
        List<String> problems = shownAsText(text(reader.get("/")), expected);
        if (!problems.isEmpty()) {
          failures.put("home with site name " + i, problems);
        }
        if (i % SITE_NAME_BROWSER_EVERY == 0 || i == siteNames.size() - 1) {
          check(failures, "home with site name " + i, "/", XssChecks.PUBLIC_PAGE, null);
        }
      }
      // A moderator's edit: a visitor's comment, all payloads as its new body.
      String path = "/articles/" + Editor.field(Editor.open(admin, articles.get(0)), "slug");
      String token = Visitor.formToken(reader.open(path));
      List<String> commentNames = chunks(100);
      long comment = 0;
      for (int i = 0; i < Math.min(CONSOLE_CHUNKS, commentNames.size()); i++) {
        comment =
            commentId(
                reader.post(
                    path + "/comments",
                    Map.of(
                        "form-token",
                        token,
                        "name",
                        commentNames.get(i),
                        "email",
                        "xss-console-" + i + "@example.org",
                        "body",
                        chunks(1900).get(i % chunks(1900).size()) + "\n\n" + mark,
                        "sort",
                        "newest",
                        "cpage",
                        "1"),
                    Map.of()));
      }
      HtmlPage queue = admin.open("/admin/comments?status=APPROVED");
      HtmlElement edit =
          queue.querySelector(
              "input[aria-label='" + Console.text("moderation.edit") + " #" + comment + "']");
      assertNotNull(edit, "no edit button for the comment " + comment);
      HtmlPage editing = html(admin.click(edit));
      HtmlPage saved =
          admin.send(
              editing,
              "queue",
              Map.of("queue:edited-body", mark + "\n\n" + all),
              "queue:save-edit");
      assertEquals(200, saved.getWebResponse().getStatusCode());
      forms += 2;
      check(failures, "article with the moderated comment", path, XssChecks.PUBLIC_PAGE, mark);
    }

    // The console in the browser, signed in (above).
    String chunk = chunks(190).get(0);
    for (String page :
        List.of(
            "/admin/dashboard",
            "/admin/accounts",
            "/admin/taxonomy",
            "/admin/articles",
            "/admin/comments?status=APPROVED",
            "/admin/audit",
            "/admin/settings")) {
      check(failures, "console", page, XssChecks.CONSOLE_PAGE, null);
    }
    for (long id : articles.subList(0, Math.min(3, articles.size()))) {
      check(failures, "editor", "/admin/articles/edit?id=" + id, XssChecks.CONSOLE_PAGE, mark);
    }
    // The filters echo what they were given.
    for (String[] filter :
        List.of(
            new String[] {"/admin/articles", "articles:text", "articles:filter"},
            new String[] {"/admin/audit", "audit:text", "audit:filter"},
            new String[] {"/admin/audit", "audit:actor", "audit:filter"},
            new String[] {"/admin/comments?status=APPROVED", "queue:text", "queue:filter"},
            new String[] {"/admin/comments?status=APPROVED", "queue:author", "queue:filter"})) {
      driver.get(server.uri(filter[0]).toString());
      driver.executeScript(
          "document.getElementById(arguments[0]).value = arguments[1];"
              + " document.getElementById(arguments[2]).click();",
          filter[1],
          chunk,
          filter[2]);
      pause();
      failures.putAll(inspected("filter " + filter[1], XssChecks.CONSOLE_PAGE, null));
    }
    // The public pages: home (the sections in its menu), the articles.
    check(failures, "home", "/", XssChecks.PUBLIC_PAGE, mark);
    for (long id : articles) {
      driver.get(server.uri("/admin/articles/edit?id=" + id).toString());
      String slug =
          (String) driver.executeScript("return document.getElementById('editor:slug').value");
      check(failures, "article " + id, "/articles/" + slug, XssChecks.PUBLIC_PAGE, mark);
    }
    System.out.printf(
        "XssFormsIT: %d payloads through %d console forms, %d articles, in %d s%n",
        payloads.size(),
        forms,
        articles.size(),
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
    assertTrue(failures.isEmpty(), () -> report(failures));
  }

  // --- Helpers -----------------------------------------------------------------------------------

  private static String visible(String text) {
    return text.replaceAll("[\\p{Cc}\\p{Cf}\\p{Z}\\s]+", "");
  }

  /**
   * What the home page's HTML does with the site's name: shown as that very text (not read as
   * markup) in the title and the header, no script but the JSON-LD (which must be JSON naming it),
   * no event handler anywhere.
   */
  private static List<String> shownAsText(String html, String name) {
    List<String> problems = new ArrayList<>();
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
    // Compared without spaces and invisible characters, which the site may take out or fold.
    String visible = visible(name);
    if (!visible(page.title()).contains(visible)) {
      problems.add("the title is " + page.title());
    }
    if (!visible(page.body().text()).contains(visible)) {
      problems.add("the name is not in the page's text");
    }
    for (org.jsoup.nodes.Element script : page.select("script")) {
      if (!script.attr("type").equals("application/ld+json")) {
        if (!script.attr("src").matches("/assets/[a-z-]+\\.[0-9a-f]{10}\\.js")) {
          problems.add("a script: " + script.outerHtml());
        }
        continue;
      }
      try (jakarta.json.JsonReader reader =
          jakarta.json.Json.createReader(new java.io.StringReader(script.data()))) {
        if (!reader.readValue().toString().contains("\"name\"")) {
          problems.add("JSON-LD without a name: " + script.data());
        }
      } catch (RuntimeException e) {
        problems.add("JSON-LD that is not JSON: " + script.data());
      }
    }
    for (org.jsoup.nodes.Element element : page.getAllElements()) {
      for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
        if (attribute.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on")) {
          problems.add("an event handler: " + element.outerHtml());
        }
      }
    }
    return problems;
  }

  /** The payloads, in order, packed into texts of at most {@code length} characters. */
  private static List<String> chunks(int length) {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String payload : payloads) {
      String piece = fit(payload, length);
      if (chunk.length() > 0 && chunk.length() + 1 + piece.length() > length) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
      }
      chunk.append(chunk.length() > 0 ? " " : "").append(piece);
    }
    if (chunk.length() > 0) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }

  private static void saveTaxonomy(
      Visitor admin,
      String form,
      String nameField,
      String name,
      String descriptionField,
      String description,
      String button) {
    HtmlPage saved =
        admin.send(
            admin.open("/admin/taxonomy"),
            form,
            Map.of(form + ":" + nameField, name, form + ":" + descriptionField, description),
            form + ":" + button);
    assertTrue(
        saved.querySelectorAll(".field-error, .ui-messages-error").isEmpty(),
        () -> form + " refused " + name + ": " + Console.messages(saved));
  }

  private void check(
      Map<String, List<String>> failures, String what, String path, String checks, String mark) {
    List<String> problems = XssChecks.open(driver, server.uri(path).toString(), checks, mark);
    if (!problems.isEmpty()) {
      failures.put(what + " " + path, problems);
    }
  }

  private Map<String, List<String>> inspected(String what, String checks, String mark) {
    List<String> problems = XssChecks.inspect(driver, checks, mark);
    return problems.isEmpty() ? Map.of() : Map.of(what + " " + driver.getCurrentUrl(), problems);
  }

  /**
   * Fills a form of the page by script (no length or type check) and sends it. A reader coming to
   * the form makes the page's script fetch its token first: so does this.
   */
  private void submit(String formId, Map<String, String> fields) {
    driver.executeScript(
        "document.getElementById(arguments[0])"
            + ".dispatchEvent(new FocusEvent('focusin', {bubbles: true}))",
        formId);
    new WebDriverWait(driver, PAGE_LOAD)
        .until(
            d ->
                !""
                    .equals(
                        driver.executeScript(
                            "const t = document.getElementById(arguments[0]).elements['form-token'];"
                                + " return t ? t.value : 'none';",
                            formId)));
    driver.executeScript(
        """
        const form = document.getElementById(arguments[0]);
        for (const [name, value] of Object.entries(arguments[1])) {
          form.elements[name].value = value;
        }
        window.__sent = true;
        HTMLFormElement.prototype.submit.call(form);
        """,
        formId,
        fields);
    awaitNewPage();
  }

  private void submitEdit(String id, String body) {
    driver.executeScript(
        """
        const area = document.getElementById('edit-' + arguments[0]);
        area.value = arguments[1];
        window.__sent = true;
        HTMLFormElement.prototype.submit.call(area.form);
        """,
        id,
        body);
    awaitNewPage();
  }

  private void awaitNewPage() {
    new WebDriverWait(driver, PAGE_LOAD)
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((ChromeDriver) d)
                        .executeScript(
                            "return window.__sent === undefined"
                                + " && document.readyState === 'complete'")));
  }

  private void pause() {
    try {
      Thread.sleep(700);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void signIn() {
    driver.get(server.uri("/admin/login").toString());
    driver.findElement(By.id("login:email")).sendKeys(ConsoleServer.ADMIN_EMAIL);
    driver.findElement(By.id("login:password")).sendKeys(ConsoleServer.ADMIN_PASSWORD);
    driver.findElement(By.id("login:submit")).click();
    new WebDriverWait(driver, PAGE_LOAD).until(d -> d.getCurrentUrl().contains("/admin/dashboard"));
  }

  private void assertFeedIsXml(String path) throws Exception {
    try (Visitor reader = new Visitor(server)) {
      Page feed = reader.get(path);
      assertEquals(200, status(feed));
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory
          .newDocumentBuilder()
          .parse(
              new java.io.ByteArrayInputStream(
                  feed.getWebResponse().getContentAsStream().readAllBytes()));
    }
  }

  private static String firstArticle(Visitor visitor) {
    DomElement link = visitor.open("/").querySelector("h2.article-title a");
    assertNotNull(link, "no article on the home page");
    return java.net.URI.create(link.getAttribute("href")).getPath();
  }

  private static long commentId(Page posted) {
    assertEquals(303, status(posted), () -> "not posted:\n" + fit(text(posted), 3000));
    Matcher anchor = COMMENT_ANCHOR.matcher(location(posted));
    assertTrue(anchor.find(), () -> "not a comment's anchor: " + location(posted));
    return Long.parseLong(anchor.group(1));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String fit(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  private static String report(Map<String, List<String>> failures) {
    StringBuilder text = new StringBuilder(failures.size() + " pages let a payload through:");
    failures.forEach(
        (page, problems) ->
            text.append("\n")
                .append(page)
                .append("\n    ")
                .append(String.join("\n    ", problems)));
    return text.toString();
  }
}
