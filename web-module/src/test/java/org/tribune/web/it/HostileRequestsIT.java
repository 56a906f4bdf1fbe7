package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Visitor.html;
import static org.tribune.web.it.Visitor.status;
import static org.tribune.web.it.Visitor.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile requests (issue 8) against the console's server ({@link ConsoleServer}, shared with the
 * console tests, so the suite boots nothing more):
 *
 * <ul>
 *   <li>CSRF: every button of every form of every console page, sent without its view state, with a
 *       forged one and with another session's, changes nothing and answers the French 403 page; the
 *       list of commands is checked against the views, so that a new one cannot be forgotten. The
 *       visitor's POSTs (comment, vote, edit, delete, subscriptions, imports) without their token,
 *       with another visitor's, or as a GET, change nothing either;
 *   <li>SQL and LIKE metacharacters in every search and filter: no error, and {@code %} and {@code
 *       _} match themselves;
 *   <li>oversized bodies, headers, field counts and addresses: refused before the body is read, and
 *       the server answers normally afterwards;
 *   <li>huge, negative and malformed numbers in every address that carries one: a French 400 or
 *       404, never a 500.
 * </ul>
 */
@ExtendWith(ConsoleServer.class)
class HostileRequestsIT {
  private static final ResourceBundle MESSAGES =
      ResourceBundle.getBundle("org.tribune.web.i18n.messages", Locale.ROOT);

  private static final String VIEW_STATE = "jakarta.faces.ViewState";

  /**
   * Every command of the console's views ({@code action} of a button, {@code listener} of an Ajax
   * behaviour), by view file, and the address whose forms the sweep sends. A command added to a
   * view without being added here fails {@link #everyConsoleCommandIsInTheSweep}.
   */
  private static final Map<String, List<String>> CONSOLE_COMMANDS =
      Map.ofEntries(
          Map.entry(
              "admin/appearance/menus.xhtml",
              List.of(
                  "menusBacking.up(status.index)",
                  "menusBacking.down(status.index)",
                  "menusBacking.indent(status.index)",
                  "menusBacking.outdent(status.index)",
                  "menusBacking.remove(status.index)",
                  "menusBacking.add",
                  "menusBacking.save",
                  "menusBacking.reset")),
          Map.entry("admin/appearance/home.xhtml", List.of("homeLayoutBacking.save")),
          Map.entry("admin/pages.xhtml", List.of("pagesBacking.draftLegal")),
          Map.entry("admin/pages/legal.xhtml", List.of("legalNoticeBacking.save")),
          Map.entry(
              "admin/appearance.xhtml",
              List.of(
                  "appearanceBacking.searchLogo",
                  "appearanceBacking.pickLogo(r.id())",
                  "appearanceBacking.removeLogo",
                  "appearanceBacking.save")),
          Map.entry(
              "admin/accounts.xhtml",
              List.of(
                  "accountsBacking.edit(account.id())",
                  "accountsBacking.save",
                  "accountsBacking.startNew")),
          Map.entry(
              "admin/articles/edit.xhtml",
              List.of(
                  "articleEditBacking.refreshPreview",
                  "articleEditBacking.save",
                  "articleEditBacking.submit",
                  "articleEditBacking.publishNow",
                  "articleEditBacking.schedule",
                  "articleEditBacking.unpublish",
                  "articleEditBacking.archive",
                  "articleEditBacking.trash",
                  "articleEditBacking.restore",
                  "articleEditBacking.deleteForGood",
                  "articleEditBacking.restoreRevision(r.number())",
                  "articleEditBacking.showDiff",
                  "articleEditBacking.searchMedia",
                  "articleEditBacking.pickMedia(r.id())",
                  "articleEditBacking.insertMedia(r.id())",
                  "articleEditBacking.removeMedia",
                  "frontPageBacking.save")),
          Map.entry(
              "admin/media/edit.xhtml",
              List.of(
                  "mediaEditBacking.save",
                  "mediaEditBacking.delete",
                  "mediaEditBacking.deleteEvenIfUsed",
                  "mediaEditBacking.cancelDelete")),
          Map.entry(
              "admin/taxonomy.xhtml",
              List.of(
                  "taxonomyBacking.editSection(s.id())",
                  "taxonomyBacking.deleteSection(s.id())",
                  "taxonomyBacking.saveSection",
                  "taxonomyBacking.editTag(t.tag().id())",
                  "taxonomyBacking.deleteTag(t.tag().id())",
                  "taxonomyBacking.saveTag",
                  "taxonomyBacking.mergeTags",
                  "taxonomyBacking.editAuthor(a.author().id())",
                  "taxonomyBacking.deleteAuthor(a.author().id())",
                  "taxonomyBacking.saveAuthor")),
          Map.entry(
              "admin/settings.xhtml",
              List.of(
                  "settingsBacking.save",
                  "settingsBacking.saveDiscussions",
                  "settingsBacking.removeDemoContent")),
          Map.entry("admin/password.xhtml", List.of("passwordBacking.change")),
          Map.entry("admin/backups.xhtml", List.of("backupBacking.take")),
          Map.entry(
              "admin/comments.xhtml",
              List.of(
                  "commentsBacking.approveSelected",
                  "commentsBacking.spamSelected",
                  "commentsBacking.trashSelected",
                  "commentsBacking.deleteSelected",
                  "commentsBacking.decideOne(c.id(), 'APPROVED')",
                  "commentsBacking.decideOne(c.id(), 'SPAM')",
                  "commentsBacking.decideOne(c.id(), 'TRASH')",
                  "commentsBacking.startEdit(c.id())",
                  "commentsBacking.startReply(c.id())",
                  "commentsBacking.feature(c.id(), true)",
                  "commentsBacking.feature(c.id(), false)",
                  "commentsBacking.startSanction(c.id())",
                  "commentsBacking.saveEdit",
                  "commentsBacking.cancelPanel",
                  "commentsBacking.sendReply",
                  "commentsBacking.applySanction",
                  "commentsBacking.unban(b.id())",
                  "commentsBacking.addEmailBan",
                  "commentsBacking.exportPersonalData",
                  "commentsBacking.erasePersonalData")),
          Map.entry(
              "admin/reports.xhtml",
              List.of("reportsBacking.decide(card.id())", "reportsBacking.saveHideAfter")),
          Map.entry("admin/login.xhtml", List.of("loginBacking.signIn")),
          Map.entry("WEB-INF/templates/console.xhtml", List.of("staff.signOut")),
          Map.entry("WEB-INF/errors/expired.xhtml", List.of("consoleErrors.forbidden")));

  /**
   * The console addresses whose forms the sweep sends (every view above; the editor with a demo
   * article, the moderation queue holding a comment; the sign-out form is on every page). Filters
   * (audit, articles) are forms too and are swept as well.
   */
  private static final List<String> SWEPT_PAGES =
      List.of(
          "/admin/",
          "/admin/accounts",
          "/admin/articles",
          "/admin/articles/edit?id=%ARTICLE%",
          "/admin/media/edit?id=%MEDIA%",
          "/admin/taxonomy",
          "/admin/settings",
          "/admin/appearance",
          "/admin/appearance/menus",
          "/admin/appearance/home",
          "/admin/pages",
          "/admin/pages/legal",
          "/admin/password",
          "/admin/comments?status=SPAM",
          "/admin/comments?status=PENDING",
          "/admin/audit",
          "/admin/backups",
          "/admin/reports");

  /** Faces behaviours and view actions: not something a POST triggers on its own. */
  private static final Pattern COMMAND =
      Pattern.compile(
          "<(?:h|p):command\\w+[^>]*?\\baction=\"#\\{([^}]+)}\"|listener=\"#\\{([^}]+)}\"");

  // --- CSRF: the console
  // --------------------------------------------------------------------------

  @Test
  void everyConsoleCommandIsInTheSweep() throws IOException {
    Path webapp = Path.of("src/main/webapp");
    Map<String, Set<String>> found = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(webapp)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
        Matcher m = COMMAND.matcher(Files.readString(file));
        while (m.find()) {
          String view = webapp.relativize(file).toString().replace('\\', '/');
          if (view.startsWith("WEB-INF/views/")) {
            continue; // public pages: plain forms, swept below as the discussion's addresses
          }
          found
              .computeIfAbsent(view, v -> new TreeSet<>())
              .add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    Map<String, Set<String>> declared = new LinkedHashMap<>();
    CONSOLE_COMMANDS.forEach((view, commands) -> declared.put(view, new TreeSet<>(commands)));
    assertEquals(
        new TreeSet<>(declared.keySet()),
        new TreeSet<>(found.keySet()),
        "views with commands: add the new one to CONSOLE_COMMANDS and its page to SWEPT_PAGES");
    found.forEach(
        (view, commands) ->
            assertEquals(
                declared.get(view),
                commands,
                () -> view + ": a command is missing from CONSOLE_COMMANDS (and from the sweep)"));
  }

  @Test
  void everyConsoleButtonWithoutItsViewStateChangesNothingAndAnswersTheFrench403(
      TribuneServer server) throws IOException {
    try (Visitor admin = Console.admin(server);
        Visitor other = Console.admin(server)) {
      heldComment(server, admin);
      String article = firstArticleId(admin);
      String media = String.valueOf(MediaIT.uploadedId(server, admin, "balayage.png"));
      String otherState = viewState(other.open("/admin/settings"));
      String auditBefore = newestAuditEntry(admin);
      int sent = 0;
      List<String> failures = new ArrayList<>();
      for (String template : SWEPT_PAGES) {
        String path = template.replace("%ARTICLE%", article).replace("%MEDIA%", media);
        HtmlPage page = admin.open(path);
        String before = content(page);
        List<HtmlForm> forms = page.getForms();
        assertFalse(forms.isEmpty(), () -> path + " has no form");
        for (HtmlForm form : forms) {
          if (form.getAttribute("method").equalsIgnoreCase("get") || form.getId().isEmpty()) {
            continue;
          }
          List<HtmlElement> buttons = buttons(form);
          if (!form.getId().equals("sign-out") || path.equals("/admin/")) {
            assertFalse(
                buttons.isEmpty(), () -> path + ": form " + form.getId() + " has no button");
          }
          String action = form.getAttribute("action");
          for (HtmlElement button : buttons) {
            for (String forgery : List.of("absent", "forged", otherState)) {
              Map<String, String> fields = Console.formFields(form);
              fields.put(button.getAttribute("name"), button.getAttribute("value"));
              switch (forgery) {
                case "absent" -> fields.remove(VIEW_STATE);
                case "forged" -> fields.put(VIEW_STATE, "-4242424242424242424:4242424242424242424");
                default -> fields.put(VIEW_STATE, forgery);
              }
              Page answer = admin.post(action, fields, Map.of());
              sent++;
              String what = path + " " + button.getAttribute("name") + " (" + forgery + ")";
              if (status(answer) != 403
                  || !text(answer).contains(Console.text("error.expired.title"))) {
                failures.add(what + " answered " + status(answer));
              }
            }
          }
        }
        String after = content(admin.open(path));
        if (!before.equals(after)) {
          failures.add(path + " changed:\n" + before + "\n---\n" + after);
        }
      }
      int requests = sent;
      System.out.printf("CSRF sweep of the console: %d forged posts%n", requests);
      assertAll(
          () -> assertEquals(List.of(), failures),
          () -> assertTrue(requests > 100, () -> "only " + requests + " posts sent"),
          () -> assertEquals(auditBefore, newestAuditEntry(admin), "something was written"),
          () -> assertEquals(200, status(admin.get("/admin/accounts")), "signed out"));
    }
  }

  @Test
  void aSignInFormWithAForgedViewStateSignsNobodyIn(TribuneServer server) {
    try (Visitor stranger = Console.visitor(server)) {
      HtmlPage login = stranger.open("/admin/login");
      Map<String, String> fields = Console.formFields(login.getHtmlElementById("login"));
      fields.put("login:email", ConsoleServer.ADMIN_EMAIL);
      fields.put("login:password", ConsoleServer.ADMIN_PASSWORD);
      fields.put("login:submit", "Se connecter");
      fields.put(VIEW_STATE, "-1:1");
      Page answer = stranger.post("/admin/login", fields, Map.of());
      assertAll(
          () -> assertEquals(403, status(answer), () -> text(answer)),
          () -> Console.assertSentToSignIn(stranger.get("/admin/settings")));
    }
  }

  // --- CSRF: the visitor's POSTs
  // -------------------------------------------------------------------

  @Test
  void aVoteAnEditOrADeletionWithoutTheVisitorsTokenChangesNothing(TribuneServer server) {
    try (Visitor admin = Console.admin(server);
        Visitor author = Console.visitor(server);
        Visitor stranger = Console.visitor(server)) {
      String path = author.articlePath(DemoArticles.titlesNewestFirst().get(1));
      String body = "Texte à garder " + System.nanoTime();
      long id = approvedComment(admin, author, path, body);
      String strangersToken = Visitor.formToken(stranger.open(path));
      String authorsToken = Visitor.formToken(author.open(path));
      List<String> failures = new ArrayList<>();
      for (String action : List.of("vote", "edit", "delete")) {
        String address = path + "/comments/" + id + "/" + action;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("direction", "up");
        fields.put("body", "Texte forgé");
        for (String forgery : List.of("none", "stranger", "cross-site", "get")) {
          Page answer =
              switch (forgery) {
                case "none" -> author.post(address, fields, Map.of());
                case "stranger" ->
                    author.post(address, withToken(fields, strangersToken), Map.of());
                case "cross-site" ->
                    // The author's own page token but sent by another browser (no cookie).
                    stranger.post(
                        address,
                        withToken(fields, authorsToken),
                        Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
                default -> author.get(address + "?form-token=" + authorsToken + "&body=x");
              };
          int status = status(answer);
          if (status >= 500 || status < 400) {
            failures.add(action + " (" + forgery + ") answered " + status);
          }
        }
      }
      HtmlPage after = author.open(path);
      DomElement comment = after.getElementById("comment-" + id);
      assertAll(
          () -> assertEquals(List.of(), failures),
          () -> assertNotNull(comment, "the comment was deleted"),
          () -> assertTrue(comment.getTextContent().contains(body), "the comment was edited"),
          () -> assertEquals("0", score(comment), "a vote was counted"));
    }
  }

  @Test
  void aCommentPostedAsAGetOrWithoutTokenIsNotPublished(TribuneServer server) {
    try (Visitor reader = Console.visitor(server)) {
      String path = reader.articlePath(DemoArticles.titlesNewestFirst().get(2));
      String body = "Publié par un autre site " + System.nanoTime();
      Map<String, String> fields =
          Map.of("name", "Pirate", "email", "pirate@example.org", "body", body);
      Page post = reader.post(path + "/comments", fields, Map.of("Origin", "https://evil.example"));
      Page get =
          reader.get(
              path + "/comments?name=Pirate&email=pirate%40example.org&body=" + body.length());
      assertAll(
          () -> assertEquals(403, status(post), () -> text(post)),
          () -> assertTrue(text(post).contains(MESSAGES.getString("discussion.error.confirm"))),
          () -> assertTrue(status(get) < 300 || status(get) == 404, () -> "GET: " + status(get)),
          () -> assertFalse(reader.open(path).asXml().contains(body), "published"));
    }
  }

  @Test
  void subscriptionsAndImportsRefuseForgedRequestsCleanly(TribuneServer server) {
    try (Visitor admin = Console.admin(server);
        Visitor stranger = Console.visitor(server)) {
      String auditBefore = newestAuditEntry(admin);
      List<Page> answers = new ArrayList<>();
      answers.add(stranger.post("/comments/subscriptions/confirm", Map.of("token", "x"), Map.of()));
      answers.add(stranger.post("/comments/subscriptions/cancel", Map.of(), Map.of()));
      answers.add(stranger.get("/comments/subscriptions/cancel?token=%27%20OR%20%271%27%3D%271"));
      // A form of another site can send only form, multipart or text types: refused (415).
      answers.add(admin.post("/api/admin/import/wxr", Map.of("x", "<rss/>"), Map.of()));
      // The console's upload without the page's token (as a cross-site form would send it).
      answers.add(admin.post("/admin/transfer/upload", Map.of("format", "wxr"), Map.of()));
      // The console's restore without the page's token, and a restore by a form of another site.
      answers.add(admin.post("/admin/transfer/restore", Map.of("replace", "replace"), Map.of()));
      answers.add(
          admin.post(
              "/api/admin/import/json?replace=true",
              Map.of("export", "{}"),
              Map.of("Origin", "https://evil.example")));
      for (Page answer : answers) {
        int status = status(answer);
        assertTrue(
            status >= 400 && status < 500,
            () -> answer.getUrl() + " answered " + status + ": " + text(answer));
      }
      assertEquals(auditBefore, newestAuditEntry(admin), "something was imported");
    }
  }

  // --- Metacharacters --------------------------------------------------------------------------

  private static final List<String> METACHARACTERS =
      List.of(
          "'",
          "\"",
          "\\",
          "%",
          "_",
          "' OR '1'='1",
          "%' --",
          "'; DROP TABLE console_audit; --",
          ";",
          "!",
          "!%",
          "[a-z]*",
          "$1 ${x} #{x}",
          "\u00e9t\u00e9 \u202e\u0645\u0631\u062d\u0628\u0627 \ud83d\ude00",
          "a".repeat(5_000));

  @Test
  void metacharactersInEverySearchAndFilterGiveANormalPage(TribuneServer server) {
    try (Visitor admin = Console.admin(server)) {
      List<String> failures = new ArrayList<>();
      for (String typed : METACHARACTERS) {
        String shown = typed.length() > 20 ? typed.length() + " characters" : typed;
        Page search =
            admin.get("/search?q=" + java.net.URLEncoder.encode(typed, StandardCharsets.UTF_8));
        check(failures, "search " + shown, search);
        check(
            failures,
            "articles " + shown,
            filter(admin, "/admin/articles", "articles", Map.of("articles:text", cut(typed, 200))));
        check(
            failures,
            "moderation " + shown,
            filter(
                admin,
                "/admin/comments",
                "queue",
                Map.of(
                    "queue:text", cut(typed, 200),
                    "queue:author", cut(typed, 200),
                    "queue:email", cut(typed, 254))));
        check(
            failures,
            "audit " + shown,
            filter(
                admin,
                "/admin/audit",
                "audit",
                Map.of("audit:actor", cut(typed, 254), "audit:text", cut(typed, 200))));
      }
      assertEquals(List.of(), failures);
    }
  }

  @Test
  void wildcardsMatchThemselvesInTheConsolesFilters(TribuneServer server) {
    try (Visitor admin = Console.admin(server)) {
      String serial = Long.toString(System.nanoTime(), 36);
      // Two accounts whose addresses differ where the filter has a wildcard.
      String percent = "a100%" + serial + "@example.org";
      String underscore = "a_b" + serial + "@example.org";
      Console.createdAccount(
          admin, "a100x" + serial + "@example.org", "AUTHOR", "Un mot de passe long");
      Console.createdAccount(
          admin, "axb" + serial + "@example.org", "AUTHOR", "Un mot de passe long");
      assertAll(
          () -> assertEquals(0, auditMatches(admin, percent), "% matched any text"),
          () -> assertEquals(0, auditMatches(admin, underscore), "_ matched any character"),
          () -> assertTrue(auditMatches(admin, "a100x" + serial) > 0, "the filter finds nothing"));
      Console.createdAccount(admin, underscore, "AUTHOR", "Un mot de passe long");
      assertTrue(auditMatches(admin, underscore) > 0, "a literal _ is not found");
      assertEquals(0, articleMatches(admin, "%" + serial), "% matched an article title");
      assertEquals(0, moderationMatches(admin, "_" + serial), "_ matched a comment");
    }
  }

  // --- Oversized requests ------------------------------------------------------------------------

  @Test
  void aTwentyMegabyteCommentIsRefusedBeforeItIsRead(TribuneServer server) throws IOException {
    try (Visitor reader = Console.visitor(server)) {
      String path = reader.articlePath(DemoArticles.titlesNewestFirst().get(0));
      Raw answer = Raw.send(server, "POST", path + "/comments", Map.of(), 20 << 20);
      assertRefusedEarly(answer, 413, "error.too-large.title");
      assertHealthy(server);
    }
  }

  @Test
  void aTwentyMegabyteConsoleFormIsRefusedBeforeItIsRead(TribuneServer server) throws IOException {
    try (Visitor admin = Console.admin(server)) {
      // Every cookie of the session (its id and Payara's JSESSIONIDVERSION), as a browser sends.
      String cookie = admin.cookieHeader();
      Raw answer = Raw.send(server, "POST", "/admin/settings", Map.of("Cookie", cookie), 20 << 20);
      assertRefusedEarly(answer, 413, "error.too-large.title");
      Raw chunked =
          Raw.send(
              server,
              "POST",
              "/admin/settings",
              Map.of("Cookie", cookie, "Transfer-Encoding", "chunked"),
              -1);
      assertEquals(411, chunked.status, chunked::toString);
      assertHealthy(server);
    }
  }

  @Test
  void twentyThousandFieldsAreRefusedWith400(TribuneServer server) throws IOException {
    StringBuilder form = new StringBuilder("form-token=x");
    for (int i = 0; i < 20_000; i++) {
      form.append("&f").append(i).append("=1");
    }
    try (Visitor reader = Console.visitor(server)) {
      String path = reader.articlePath(DemoArticles.titlesNewestFirst().get(0));
      Page answer = reader.postEncoded(path + "/comments", form.toString());
      assertAll(
          () -> assertEquals(400, status(answer), () -> text(answer)),
          () ->
              assertTrue(text(answer).contains(MESSAGES.getString("error.too-many-fields.title"))));
      Page query = reader.get("/search?" + "q=a&".repeat(1_100));
      assertEquals(400, status(query));
    }
    assertHealthy(server);
  }

  @Test
  void hugeHeadersAndAddressesAreRefusedByTheServer(TribuneServer server) throws IOException {
    List<Raw> answers =
        List.of(
            Raw.send(server, "GET", "/", Map.of("X-Big", "a".repeat(64 * 1024)), 0),
            Raw.send(server, "GET", "/search?q=" + "a".repeat(20_000), Map.of(), 0),
            Raw.send(server, "GET", "/" + "a/".repeat(10_000), Map.of(), 0),
            Raw.send(server, "GET", "/", manyHeaders(200), 0));
    for (Raw answer : answers) {
      assertTrue(
          answer.status == -1 || (answer.status >= 400 && answer.status < 500), answer::toString);
    }
    assertHealthy(server);
  }

  // --- Huge and negative numbers -----------------------------------------------------------------

  private static final List<String> NUMBERS =
      List.of(
          "-1",
          "0",
          "9223372036854775807",
          "9223372036854775808",
          "99999999999999999999",
          "1e9",
          "0x10",
          "%201",
          "",
          "1.5",
          "%EF%BC%91"); // a full-width digit one

  @Test
  void hugeNegativeAndMalformedNumbersGiveAFrench400Or404(TribuneServer server) {
    try (Visitor admin = Console.admin(server);
        Visitor reader = Console.visitor(server)) {
      String path = reader.articlePath(DemoArticles.titlesNewestFirst().get(0));
      String token = Visitor.formToken(reader.open(path));
      List<String> failures = new ArrayList<>();
      int sent = 0;
      for (String n : NUMBERS) {
        List<String> readerGets =
            List.of(
                "/?page=" + n,
                "/search?q=march%C3%A9&page=" + n,
                path + "?cpage=" + n,
                path + "?replyto=" + n,
                path + "?edit=" + n,
                path + "/comments/" + n,
                path + "/comments/" + n + "/report",
                path + "/comments?cpage=" + n,
                "/archives/" + n + "/01",
                "/archives/2026/" + n,
                "/comments/legacy/" + n + "?article=x",
                "/comments/subscriptions/confirm?token=" + n);
        for (String address : readerGets) {
          sent++;
          checkNumber(failures, address, reader.get(address));
        }
        for (String action : List.of("vote", "edit", "delete", "report")) {
          sent++;
          String address = path + "/comments/" + n + "/" + action;
          checkNumber(
              failures,
              "POST " + address,
              reader.post(
                  address,
                  Map.of("form-token", token, "direction", "up", "reason", "SPAM"),
                  Map.of()));
        }
        for (String address :
            List.of(
                "/admin/articles/edit?id=" + n,
                "/admin/comments?article=" + n,
                "/admin/comments?status=" + n,
                "/admin/articles?status=" + n,
                "/admin/transfer?job=" + n)) {
          sent++;
          checkNumber(failures, address, admin.get(address));
        }
      }
      System.out.printf("Numbers: %d requests%n", sent);
      assertEquals(List.of(), failures);
    }
  }

  // --- Helpers -----------------------------------------------------------------------------------

  private static void checkNumber(List<String> failures, String address, Page answer) {
    int status = status(answer);
    String body = text(answer);
    if (status >= 500) {
      failures.add(address + " answered " + status);
    } else if ((status == 400 || status == 404)
        && !(body.contains(MESSAGES.getString("error.not-found.title"))
            || body.contains(MESSAGES.getString("error.bad-request.title"))
            || body.contains(MESSAGES.getString("comments.error.comment.not.found"))
            || body.contains(MESSAGES.getString("reports.error.comment-not-found"))
            || body.contains(Console.text("error.expired.title")))) {
      failures.add(address + " answered " + status + " without a French page: " + cut(body, 300));
    } else if (status == 403
        && !body.contains(MESSAGES.getString("discussion.error.expired"))
        && !body.contains(MESSAGES.getString("comments.error.edit.not.allowed"))) {
      failures.add(address + " answered 403: " + cut(body, 300));
    }
  }

  private static void check(List<String> failures, String what, Page answer) {
    int status = status(answer);
    String body = text(answer);
    if (status >= 500 || (status != 200 && status != 400)) {
      failures.add(what + " answered " + status);
    }
    for (String sign :
        List.of("SQLException", "syntax error", "JdbcSQL", "PSQLException", "at org.")) {
      if (body.contains(sign)) {
        failures.add(what + " shows " + sign);
      }
    }
  }

  /** Sends a console filter form and returns the answer. */
  private static Page filter(
      Visitor admin, String path, String formId, Map<String, String> fields) {
    HtmlPage page = admin.open(path);
    return admin.submit(page.getHtmlElementById(formId), fields, formId + ":filter");
  }

  private static int auditMatches(Visitor admin, String text) {
    return rows(
        html(filter(admin, "/admin/audit", "audit", Map.of("audit:text", text))), "audit:entries");
  }

  private static int articleMatches(Visitor admin, String text) {
    return rows(
        html(filter(admin, "/admin/articles", "articles", Map.of("articles:text", text))),
        "articles:rows");
  }

  private static int moderationMatches(Visitor admin, String text) {
    return rows(
        html(filter(admin, "/admin/comments?status=SPAM", "queue", Map.of("queue:text", text))),
        "queue:rows");
  }

  private static int rows(HtmlPage page, String tableId) {
    DomElement table = page.getElementById(tableId);
    assertNotNull(table, () -> "no table " + tableId + " in " + page.asNormalizedText());
    int n = 0;
    for (DomNode row : table.querySelectorAll("tbody tr")) {
      if (!((DomElement) row).getAttribute("class").contains("ui-datatable-empty-message")) {
        n++;
      }
    }
    return n;
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  /** A comment posted on {@code path} (held: first-time moderation) and approved by staff. */
  private static long approvedComment(Visitor admin, Visitor author, String path, String body) {
    pauseLikeAHuman();
    long id =
        author.postComment(
            path, Map.of("name", "Claire", "email", "claire@example.org", "body", body));
    for (String status : List.of("PENDING", "SPAM")) {
      HtmlPage queue = admin.open("/admin/comments?status=" + status);
      HtmlElement approve = queue.querySelector("input[aria-label='Approuver #" + id + "']");
      if (approve != null) {
        admin.click(approve);
        return id;
      }
    }
    throw new AssertionError("comment " + id + " is in no moderation queue");
  }

  /** Makes sure the moderation queues hold a comment, so that their row buttons are swept. */
  private static void heldComment(TribuneServer server, Visitor admin) {
    try (Visitor reader = Console.visitor(server)) {
      String path = reader.articlePath(DemoArticles.titlesNewestFirst().get(3));
      HtmlPage page = reader.open(path);
      reader.submit(
          page.getHtmlElementById("comment-form"),
          Map.of("name", "Léa", "email", "lea@example.org", "body", "Un avis à modérer"));
    }
  }

  /** The form is refused as spam when sent sooner than {@code min-form-seconds} (3 s). */
  private static void pauseLikeAHuman() {
    try {
      Thread.sleep(3_100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String firstArticleId(Visitor admin) {
    HtmlPage list = admin.open("/admin/articles");
    DomNode link = list.querySelector("a[href*='/admin/articles/edit?id=']");
    assertNotNull(link, "no article in the console's list");
    Matcher id = Pattern.compile("id=(\\d+)").matcher(((DomElement) link).getAttribute("href"));
    assertTrue(id.find());
    return id.group(1);
  }

  private static String newestAuditEntry(Visitor admin) {
    DomElement table = admin.open("/admin/audit").getElementById("audit:entries");
    DomNode row = table.querySelector("tbody tr");
    return row == null ? "" : row.getTextContent().strip();
  }

  private static String viewState(HtmlPage page) {
    HtmlInput state = page.querySelector("input[name='" + VIEW_STATE + "']");
    assertNotNull(state, "no view state");
    return state.getValue();
  }

  /** What a page shows, without what changes at each rendering (view state, token, time). */
  private static String content(HtmlPage page) {
    DomNode main = page.querySelector("main");
    return (main == null ? page.asNormalizedText() : main.asNormalizedText())
        .replaceAll("\\s+", " ");
  }

  private static List<HtmlElement> buttons(HtmlForm form) {
    List<HtmlElement> buttons = new ArrayList<>();
    for (DomNode node :
        form.querySelectorAll("input[type=submit], button[type=submit], button:not([type])")) {
      HtmlElement button = (HtmlElement) node;
      if (!button.getAttribute("name").isEmpty()) {
        buttons.add(button);
      }
    }
    return buttons;
  }

  private static Map<String, String> withToken(Map<String, String> fields, String token) {
    Map<String, String> with = new LinkedHashMap<>(fields);
    with.put("form-token", token);
    return with;
  }

  private static String score(DomElement comment) {
    DomNode score = comment.querySelector(".score");
    assertNotNull(score, () -> "no score in " + comment.asXml());
    // "Score : 0", "Score : +2", "Score : −1"
    String text = score.getTextContent().strip();
    return text.substring(text.lastIndexOf(' ') + 1).replace("+", "").replace("−", "-");
  }

  private static Map<String, String> manyHeaders(int count) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      headers.put("X-H" + i, "v");
    }
    return headers;
  }

  /** Refused with its French page before 8 of the 20 MB were sent (sockets buffer a few MB). */
  private static void assertRefusedEarly(Raw answer, int status, String titleKey) {
    assertAll(
        () -> assertEquals(status, answer.status, answer::toString),
        () -> assertTrue(answer.body.contains(MESSAGES.getString(titleKey)), answer::toString),
        () ->
            assertTrue(
                answer.bytesSent < 8 << 20,
                () -> "answered only after " + answer.bytesSent + " bytes were sent"));
  }

  private static void assertHealthy(TribuneServer server) {
    assertEquals(200, server.status("/"), "the server no longer answers normally");
    assertEquals(200, server.status("/health"), "the server is not healthy");
  }

  /**
   * One request over a socket of its own, written as a hostile client does: headers as given, then
   * a body of {@code length} bytes (form-encoded filler; -1: chunked, 20 MB), sent in 64 KB pieces
   * while watching for an early answer.
   */
  private record Raw(int status, String head, String body, long bytesSent) {
    static Raw send(
        TribuneServer server,
        String method,
        String target,
        Map<String, String> headers,
        long length)
        throws IOException {
      int port = server.uri("/").getPort();
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        StringBuilder head =
            new StringBuilder(
                method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        boolean chunked = length < 0;
        if (!method.equals("GET")) {
          head.append("Content-Type: application/x-www-form-urlencoded\r\n");
          if (!chunked) {
            head.append("Content-Length: ").append(length).append("\r\n");
          }
        }
        head.append("Connection: close\r\n\r\n");
        long sent = 0;
        try {
          out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          long total = chunked ? 20 << 20 : length;
          byte[] piece = new byte[64 * 1024];
          Arrays.fill(piece, (byte) 'a');
          while (sent < total && in.available() == 0) {
            int n = (int) Math.min(piece.length, total - sent);
            if (chunked) {
              out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(piece, 0, n);
            if (chunked) {
              out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            sent += n;
            if (sent % (1 << 20) == 0) {
              pause(); // gives an early answer time to arrive
            }
          }
          if (chunked && sent >= total) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.flush();
        } catch (IOException e) {
          // The server closed the connection while we were still sending: read its answer.
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
          // Until the connection closes or the answer is whole: the server need not close it.
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            answer.write(buffer, 0, n);
            if (whole(answer)) {
              break;
            }
          }
        } catch (SocketTimeoutException e) {
          if (answer.size() == 0) {
            throw new AssertionError("no answer within 15 s to " + method + " " + cut(target, 80));
          }
        } catch (IOException e) {
          // reset after the answer: keep what came
        }
        String text = answer.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String responseHead = end < 0 ? text : text.substring(0, end);
        Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(responseHead);
        return new Raw(
            status.find() ? Integer.parseInt(status.group(1)) : -1,
            responseHead,
            end < 0 ? "" : text.substring(end + 4),
            sent);
      }
    }

    /** Whether the answer read so far has its head and all of its body. */
    private static boolean whole(ByteArrayOutputStream answer) {
      String text = answer.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        return false;
      }
      Matcher length =
          Pattern.compile("(?im)^content-length: *(\\d+)").matcher(text.substring(0, end));
      if (length.find()) {
        return text.length() - end - 4 >= Integer.parseInt(length.group(1));
      }
      return text.endsWith("0\r\n\r\n");
    }

    private static void pause() {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException(e));
      }
    }

    @Override
    public String toString() {
      return status + " after " + bytesSent + " bytes sent:\n" + head + "\n" + cut(body, 500);
    }
  }
}
