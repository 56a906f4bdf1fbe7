package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Console.admin;
import static org.tribune.web.it.Console.assertSentToSignIn;
import static org.tribune.web.it.Console.auditRows;
import static org.tribune.web.it.Console.createAccount;
import static org.tribune.web.it.Console.createdAccount;
import static org.tribune.web.it.Console.messages;
import static org.tribune.web.it.Console.rows;
import static org.tribune.web.it.Console.signIn;
import static org.tribune.web.it.Console.signInOn;
import static org.tribune.web.it.Console.signedIn;
import static org.tribune.web.it.Console.uniqueEmail;
import static org.tribune.web.it.Console.visitor;
import static org.tribune.web.it.ConsoleServer.ADMIN_EMAIL;
import static org.tribune.web.it.ConsoleServer.ADMIN_PASSWORD;
import static org.tribune.web.it.Visitor.headers;
import static org.tribune.web.it.Visitor.html;
import static org.tribune.web.it.Visitor.location;
import static org.tribune.web.it.Visitor.status;
import static org.tribune.web.it.Visitor.text;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The administrators' console over HTTP without JavaScript (HtmlUnit, see {@link Visitor}), on a
 * server of its own whose first administrator has a known password ({@link ConsoleServer}): signing
 * in and out, the slowing down of password guessing, what each role may open, accounts, one's own
 * password, the site's settings, forged forms, the console's headers and hostile text.
 *
 * <p>Tests share the server, so each creates the accounts it changes (unique addresses, see {@link
 * Console#uniqueEmail}) and its clients connect from addresses of their own. Only the first
 * administrator is an administrator: no test creates another one, so that it stays the last.
 */
@ExtendWith(ConsoleServer.class)
class ConsoleIT {
  /** PrimeFaces' script nonce field of console forms. */
  private static final String NONCE = "primefaces.nonce";

  private static final String SESSION = "JSESSIONID";
  private static final String PASSWORD = "Mot de passe de test assez long";
  private static final Duration SETTINGS_DELAY = Duration.ofSeconds(5);

  // --- Signing in and out ------------------------------------------------------------------------

  @Test
  void aWrongPasswordIsRefusedWith401AndAFrenchMessage(TribuneServer server) {
    try (Visitor visitor = visitor(server)) {
      Page refused = signIn(visitor, ADMIN_EMAIL, "pas le bon mot de passe");

      assertAll(
          () -> assertEquals(401, status(refused)),
          () -> assertEquals(Console.text("login.failed"), messages(html(refused))),
          () -> assertEquals("Adresse e-mail ou mot de passe incorrect.", messages(html(refused))),
          () -> assertSentToSignIn(visitor.get("/admin/dashboard")));
    }
  }

  @Test
  void anUnknownAccountGetsTheSameAnswerAsAWrongPassword(TribuneServer server) {
    try (Visitor visitor = visitor(server)) {
      Page refused = signIn(visitor, uniqueEmail("personne"), PASSWORD);

      assertAll(
          () -> assertEquals(401, status(refused)),
          () -> assertEquals(Console.text("login.failed"), messages(html(refused))));
    }
  }

  @Test
  void signingInShowsTheDashboardUnderANewSessionCookie(TribuneServer server) {
    try (Visitor visitor = visitor(server)) {
      visitor.open("/admin/login");
      String before = visitor.cookie(SESSION).orElse(null);

      Page answer = signIn(visitor, ADMIN_EMAIL, ADMIN_PASSWORD);
      String after = visitor.cookie(SESSION).orElse(null);
      List<String> cookies =
          headers(answer, "Set-Cookie").stream().filter(c -> c.startsWith(SESSION + "=")).toList();

      assertEquals(302, status(answer), () -> text(answer));
      assertTrue(location(answer).endsWith("/admin/dashboard"), location(answer));
      HtmlPage dashboard = visitor.follow(answer);
      assertAll(
          () -> assertNotNull(before, "the sign-in page gave no session cookie"),
          () -> assertNotNull(after, "no session cookie after signing in"),
          () -> assertNotEquals(before, after, "the session id survived signing in (fixation)"),
          () -> assertEquals(1, cookies.size(), () -> "session cookies set: " + cookies),
          () -> assertTrue(attributes(cookies.get(0)).contains("httponly"), cookies::toString),
          () -> assertTrue(attributes(cookies.get(0)).contains("samesite=lax"), cookies::toString),
          () -> assertEquals("Tableau de bord", heading(dashboard)),
          () -> assertTrue(userLine(dashboard).contains("(administrateur)"), userLine(dashboard)));
    }
  }

  @Test
  void aConsolePageAskedForBeforeSigningInIsShownAfterSigningIn(TribuneServer server) {
    try (Visitor visitor = visitor(server)) {
      Page asked = visitor.get("/admin/password");
      assertSentToSignIn(asked);

      HtmlPage login = visitor.follow(asked);
      Page answer =
          visitor.submit(
              login.getHtmlElementById("login"),
              Map.of("login:email", ADMIN_EMAIL, "login:password", ADMIN_PASSWORD),
              "login:submit");
      assertEquals(302, status(answer), () -> text(answer));
      assertTrue(location(answer).endsWith("/admin/password"), location(answer));
      assertEquals(Console.text("password.title"), heading(visitor.follow(answer)));
    }
  }

  @Test
  void signingOutEndsTheSession(TribuneServer server) {
    try (Visitor visitor = admin(server)) {
      HtmlPage dashboard = visitor.open("/admin/dashboard");
      HtmlForm signOut = dashboard.getHtmlElementById("sign-out");

      Page answer = visitor.click(signOut.querySelector("input[type=submit]"));

      assertEquals(302, status(answer), () -> text(answer));
      HtmlPage login = visitor.follow(answer);
      assertAll(
          () -> assertEquals(Console.text("login.title"), heading(login)),
          () -> assertTrue(login.asNormalizedText().contains(Console.shown("login.signed-out"))),
          () -> assertSentToSignIn(visitor.get("/admin/dashboard")));
    }
  }

  // --- Slowing down password guessing ------------------------------------------------------------

  @Test
  void afterFiveWrongPasswordsEvenTheRightOneMustWaitAndTheAuditLogSaysSo(TribuneServer server) {
    String email = uniqueEmail("devine");
    try (Visitor admin = admin(server)) {
      createdAccount(admin, email, "AUTHOR", PASSWORD);
    }
    try (Visitor guesser = visitor(server)) {
      HtmlPage page = guesser.open("/admin/login");
      for (int attempt = 1; attempt <= 4; attempt++) {
        Page answer = signInOn(guesser, page, email, "essai numéro " + attempt);
        int tried = attempt;
        assertEquals(401, status(answer), () -> "attempt " + tried);
        assertEquals(Console.text("login.failed"), messages(html(answer)), "attempt " + attempt);
        page = html(answer);
      }

      // The fifth failure was recorded after this instant; the wait it imposes is one second.
      long fifthSent = System.nanoTime();
      Page fifth = signInOn(guesser, page, email, "essai numéro 5");
      assertEquals(Console.text("login.failed"), messages(html(fifth)), "attempt 5");
      Page sixth = signInOn(guesser, html(fifth), email, PASSWORD);
      Duration took = Duration.ofNanos(System.nanoTime() - fifthSent);

      assertEquals(
          401,
          status(sixth),
          () -> "the sixth attempt was let in, " + took.toMillis() + " ms after the fifth");
      String message = messages(html(sixth));
      assertTrue(
          message.equals(Console.text("login.delayed", 1)),
          () -> "not the message of a one-second wait: " + message);
      assertTrue(message.startsWith("Trop de tentatives"), message);
    }
    try (Visitor admin = admin(server)) {
      List<List<String>> entries = auditRows(admin, email);
      List<String> actions = entries.stream().map(row -> row.get(2)).toList();
      assertAll(
          () ->
              assertEquals(
                  5,
                  actions.stream()
                      .filter(Console.text("audit.action.SIGN_IN_FAILED")::equals)
                      .count(),
                  actions::toString),
          () ->
              assertEquals(
                  1,
                  actions.stream()
                      .filter(Console.text("audit.action.SIGN_IN_DELAYED")::equals)
                      .count(),
                  actions::toString),
          () -> assertEquals(Console.text("audit.action.SIGN_IN_DELAYED"), actions.get(0)));
    }
  }

  @Test
  void fiveFailuresFromOneAddressSlowDownEveryAccountFromThereButNotFromElsewhere(
      TribuneServer server) {
    String email = uniqueEmail("voisin");
    try (Visitor admin = admin(server)) {
      createdAccount(admin, email, "AUTHOR", PASSWORD);
    }
    try (Visitor guesser = visitor(server);
        Visitor colleague = visitor(server)) {
      HtmlPage page = guesser.open("/admin/login");
      for (int attempt = 1; attempt <= 5; attempt++) {
        Page answer = signInOn(guesser, page, uniqueEmail("inconnu"), PASSWORD);
        assertEquals(Console.text("login.failed"), messages(html(answer)), "attempt " + attempt);
        page = html(answer);
      }

      Page fromThere = signInOn(guesser, page, email, PASSWORD);

      assertAll(
          () -> assertEquals(401, status(fromThere), () -> text(fromThere)),
          () -> assertTrue(messages(html(fromThere)).startsWith("Trop de tentatives")),
          () -> signedIn(colleague, email, PASSWORD));
    }
  }

  // --- Roles -------------------------------------------------------------------------------------

  @Test
  void anAuthorIsRefusedEveryPageButItsOwnAndSeesOnlyItsMenuEntries(TribuneServer server) {
    String email = uniqueEmail("auteur");
    try (Visitor admin = admin(server)) {
      createdAccount(admin, email, "AUTHOR", PASSWORD);
    }
    try (Visitor author = visitor(server)) {
      HtmlPage dashboard = signedIn(author, email, PASSWORD);
      assertAll(
          () ->
              assertEquals(
                  List.of("/admin/dashboard", "/admin/articles", "/admin/media"),
                  menu(dashboard),
                  "menu"),
          () -> assertTrue(userLine(dashboard).contains("(auteur)"), userLine(dashboard)),
          () -> assertForbidden(author, "/admin/comments"),
          () -> assertForbidden(author, "/admin/comments/42"),
          () -> assertForbidden(author, "/admin/reports"),
          () -> assertForbidden(author, "/admin/reports/transparency.csv"),
          () -> assertForbidden(author, "/admin/taxonomy"),
          () -> assertForbidden(author, "/admin/accounts"),
          () -> assertForbidden(author, "/admin/settings"),
          () -> assertForbidden(author, "/admin/appearance"),
          () -> assertForbidden(author, "/admin/audit"),
          () -> assertForbidden(author, "/admin/transfer"),
          () -> assertEquals(200, status(author.get("/admin/password"))));
    }
  }

  @Test
  void aModeratorIsRefusedArticlesAndAccountsAndSeesOnlyItsMenuEntries(TribuneServer server) {
    String email = uniqueEmail("moderateur");
    try (Visitor admin = admin(server)) {
      createdAccount(admin, email, "MODERATOR", PASSWORD);
    }
    try (Visitor moderator = visitor(server)) {
      HtmlPage dashboard = signedIn(moderator, email, PASSWORD);
      assertAll(
          () ->
              assertEquals(
                  List.of("/admin/dashboard", "/admin/comments", "/admin/reports"),
                  menu(dashboard),
                  "menu"),
          () -> assertEquals(200, status(moderator.get("/admin/reports"))),
          () -> assertEquals(200, status(moderator.get("/admin/reports/transparency"))),
          () -> assertForbidden(moderator, "/admin/articles"),
          () -> assertForbidden(moderator, "/admin/articles/new"),
          () -> assertForbidden(moderator, "/admin/taxonomy"),
          () -> assertForbidden(moderator, "/admin/accounts"),
          () -> assertForbidden(moderator, "/admin/settings"),
          () -> assertForbidden(moderator, "/admin/appearance"),
          () -> assertForbidden(moderator, "/admin/audit"),
          () -> assertForbidden(moderator, "/admin/transfer"),
          () -> assertForbidden(moderator, "/admin/media"),
          () -> assertForbidden(moderator, "/admin/transfer/export/json"));
    }
  }

  @Test
  void anEditorMayAlsoWriteButNotAdminister(TribuneServer server) {
    String email = uniqueEmail("editeur");
    try (Visitor admin = admin(server)) {
      createdAccount(admin, email, "EDITOR", PASSWORD);
    }
    try (Visitor editor = visitor(server)) {
      HtmlPage dashboard = signedIn(editor, email, PASSWORD);
      assertAll(
          () ->
              assertEquals(
                  List.of(
                      "/admin/dashboard",
                      "/admin/articles",
                      "/admin/pages",
                      "/admin/media",
                      "/admin/taxonomy"),
                  menu(dashboard),
                  "menu"),
          () -> assertNotEquals(403, status(editor.get("/admin/articles")), "articles"),
          () -> assertForbidden(editor, "/admin/comments"),
          () -> assertForbidden(editor, "/admin/reports"),
          () -> assertForbidden(editor, "/admin/accounts"),
          () -> assertForbidden(editor, "/admin/appearance"));
    }
  }

  @Test
  void anAdministratorSeesEveryMenuEntryAndOpensEveryPage(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      List<String> pages =
          List.of(
              "/admin/dashboard",
              "/admin/articles",
              "/admin/pages",
              "/admin/media",
              "/admin/comments",
              "/admin/reports",
              "/admin/taxonomy",
              "/admin/appearance",
              "/admin/settings",
              "/admin/accounts",
              "/admin/audit",
              "/admin/transfer",
              "/admin/backups");
      assertEquals(pages, menu(admin.open("/admin/dashboard")));
      for (String page : pages) {
        assertNotEquals(403, status(admin.get(page)), page);
      }
      for (String page :
          List.of(
              "/admin/appearance",
              "/admin/settings",
              "/admin/accounts",
              "/admin/audit",
              "/admin/transfer",
              "/admin/backups")) {
        assertEquals(200, status(admin.get(page)), page);
      }
    }
  }

  @Test
  void aSignedOutVisitorIsSentToSignInFromEveryConsolePage(TribuneServer server) {
    try (Visitor visitor = visitor(server)) {
      for (String page :
          List.of("/admin/dashboard", "/admin/accounts", "/admin/comments", "/admin/password")) {
        assertSentToSignIn(visitor.get(page));
      }
      assertSentToSignIn(visitor.get("/admin/"));
    }
  }

  @Test
  void theConsoleRootLeadsToTheDashboard(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      for (String root : List.of("/admin", "/admin/")) {
        HtmlPage page = admin.open(root);
        assertEquals("/admin/dashboard", page.getUrl().getPath(), root);
      }
    }
  }

  // --- Accounts ----------------------------------------------------------------------------------

  @Test
  void theLastActiveAdministratorCannotBeDemoted(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      HtmlPage editing = editAccount(admin, ADMIN_EMAIL);
      assertEquals(ADMIN_EMAIL, ((HtmlInput) editing.getElementById("accounts:email")).getValue());

      HtmlPage refused =
          html(
              admin.submit(
                  editing.getHtmlElementById("accounts"),
                  Map.of("accounts:role", "EDITOR"),
                  "accounts:save"));

      assertAll(
          () -> assertEquals(Console.text("accounts.last-admin"), messages(refused)),
          () -> assertEquals("administrateur", accountRow(admin, ADMIN_EMAIL).get(2)),
          () -> assertEquals(200, status(admin.get("/admin/settings")), "no longer admin"));
    }
  }

  @Test
  void theLastActiveAdministratorCannotBeDisabled(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      HtmlPage editing = editAccount(admin, ADMIN_EMAIL);

      HtmlPage refused =
          html(
              admin.submit(
                  editing.getHtmlElementById("accounts"),
                  Map.of("accounts:active", ""),
                  "accounts:save"));

      assertAll(
          () -> assertEquals(Console.text("accounts.last-admin"), messages(refused)),
          () -> assertEquals("actif", accountRow(admin, ADMIN_EMAIL).get(4)));
    }
  }

  @Test
  void anEmailAddressAlreadyUsedIsRefusedWhateverItsCase(TribuneServer server) {
    String email = uniqueEmail("double");
    try (Visitor admin = admin(server)) {
      createdAccount(admin, email, "AUTHOR", PASSWORD);

      HtmlPage refused =
          createAccount(
              admin, email.toUpperCase(Locale.ROOT), "Un autre nom", "MODERATOR", PASSWORD);

      List<String> row = accountRow(admin, email);
      assertAll(
          () -> assertEquals(Console.text("accounts.email.taken"), messages(refused)),
          () -> assertEquals("Compte author", row.get(1)),
          () -> assertEquals("auteur", row.get(2)),
          () ->
              assertEquals(
                  1,
                  accountRows(admin).stream().filter(r -> r.get(0).equals(email)).count(),
                  "accounts with that address"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"court", "         ", "neuf-abcd"})
  void aPasswordShorterThanTenCharactersIsRefusedAndNoAccountIsCreated(
      String password, TribuneServer server) {
    String email = uniqueEmail("court");
    try (Visitor admin = admin(server)) {
      HtmlPage refused = createAccount(admin, email, "Mot de passe court", "AUTHOR", password);

      assertAll(
          () -> assertEquals(Console.text("password.too-short", 10, 200), messages(refused)),
          () ->
              assertTrue(
                  accountRows(admin).stream().noneMatch(r -> r.get(0).equals(email)),
                  "the account was created"));
    }
  }

  // --- One's own password ------------------------------------------------------------------------

  @Test
  void aNewPasswordReplacesTheOldOneOnlyWithTheRightCurrentPassword(TribuneServer server) {
    String email = uniqueEmail("change");
    String chosen = "Nouveau mot de passe bien long";
    try (Visitor admin = admin(server)) {
      createdAccount(admin, email, "EDITOR", PASSWORD);
    }
    try (Visitor staff = visitor(server)) {
      signedIn(staff, email, PASSWORD);
      HtmlPage wrong =
          changePassword(staff, Map.of("current", "pas le mot de passe", "chosen", chosen));
      assertEquals(Console.text("password.wrong-current"), messages(wrong));

      HtmlPage mismatch =
          changePassword(
              staff, Map.of("current", PASSWORD, "chosen", chosen, "repeated", chosen + "x"));
      assertEquals(Console.text("password.mismatch"), messages(mismatch));

      Page changed = changePasswordAnswer(staff, Map.of("current", PASSWORD, "chosen", chosen));
      assertEquals(302, status(changed), () -> text(changed));
      HtmlPage dashboard = staff.follow(changed);
      assertEquals(Console.text("password.changed"), messages(dashboard));
    }
    try (Visitor later = visitor(server)) {
      assertEquals(401, status(signIn(later, email, PASSWORD)), "the old password still works");
      signedIn(later, email, chosen);
    }
    try (Visitor admin = admin(server)) {
      List<String> actions = auditRows(admin, email).stream().map(row -> row.get(2)).toList();
      assertTrue(
          actions.contains(Console.text("audit.action.PASSWORD_CHANGED")), actions::toString);
    }
  }

  /**
   * The audit log reads as French: a created article is « article n° N », linked to its editor; a
   * new account's role is named, not « AUTHOR »; a refused sign-in is a visitor's, not the «
   * système »'s.
   */
  @Test
  void theAuditLogNamesObjectsRolesAndVisitorsInFrench(TribuneServer server) {
    String email = uniqueEmail("journal");
    try (Visitor admin = admin(server);
        Visitor guesser = visitor(server)) {
      long article = Editor.create(admin, Map.of("title", Editor.uniqueTitle("Journal lisible")));
      createdAccount(admin, email, "AUTHOR", PASSWORD);
      signIn(guesser, email, "pas le bon mot de passe");

      HtmlPage audit = admin.open("/admin/audit");
      HtmlPage filtered =
          html(
              admin.submit(
                  audit.getHtmlElementById("audit"),
                  Map.of("audit:text", "article " + article),
                  "audit:filter"));
      DomElement link = filtered.querySelector("#audit\\:entries td.audit-target a");
      List<List<String>> accountRows = auditRows(admin, email);
      String created = Console.text("audit.action.ACCOUNT_CREATED");
      String refused = Console.text("audit.action.SIGN_IN_FAILED");
      assertAll(
          () -> assertNotNull(link, "no link to the article"),
          () ->
              assertEquals(
                  Console.text("audit.target.article", Long.toString(article)),
                  link.getTextContent().strip()),
          () ->
              assertTrue(
                  link.getAttribute("href").endsWith("/admin/articles/edit?id=" + article),
                  () -> link.getAttribute("href")),
          () ->
              assertTrue(
                  accountRows.stream()
                      .anyMatch(row -> row.get(2).equals(created) && row.get(4).equals("auteur")),
                  accountRows::toString),
          () ->
              assertTrue(
                  accountRows.stream()
                      .anyMatch(
                          row ->
                              row.get(2).equals(refused)
                                  && row.get(1).equals(Console.text("audit.visitor"))),
                  accountRows::toString),
          () ->
              assertTrue(
                  accountRows.stream().flatMap(List::stream).noneMatch(c -> c.equals("AUTHOR")),
                  accountRows::toString));
    }
  }

  // --- Forged forms ------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"forged", "absent", "another nonce", "garbled nonce", "no nonce"})
  void anAccountFormWithoutItsViewStateOrNonceIsRefusedAndCreatesNothing(
      String viewState, TribuneServer server) {
    String email = uniqueEmail("csrf");
    try (Visitor admin = admin(server)) {
      HtmlPage accounts = admin.open("/admin/accounts");
      Map<String, String> fields = formFields(accounts.getHtmlElementById("accounts"));
      fields.put("accounts:email", email);
      fields.put("accounts:name", "Pirate");
      fields.put("accounts:role", "AUTHOR");
      fields.put("accounts:password", PASSWORD);
      fields.put("accounts:save", "Enregistrer");
      forgeViewState(fields, viewState);

      Page answer = admin.post("/admin/accounts", fields, Map.of());

      assertAll(
          () -> assertEquals(403, status(answer), () -> text(answer)),
          () -> assertTrue(text(answer).contains(Console.text("error.expired.title")), "page"),
          () ->
              assertTrue(
                  accountRows(admin).stream().noneMatch(r -> r.get(0).equals(email)),
                  "the account was created"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"forged", "absent", "another nonce", "garbled nonce", "no nonce"})
  void aSettingsFormWithoutItsViewStateOrNonceIsRefusedAndChangesNothing(
      String viewState, TribuneServer server) {
    String name = "Titre forgé " + uniqueEmail("x");
    try (Visitor admin = admin(server)) {
      HtmlPage settings = admin.open("/admin/settings");
      Map<String, String> fields = formFields(settings.getHtmlElementById("site-settings"));
      fields.put("site-settings:name", name);
      fields.put("site-settings:save", "Enregistrer les réglages");
      forgeViewState(fields, viewState);

      Page answer = admin.post("/admin/settings", fields, Map.of());

      assertAll(
          () -> assertEquals(403, status(answer), () -> text(answer)),
          () -> assertTrue(text(answer).contains(Console.text("error.expired.title")), "page"),
          () -> assertNotEquals(name, settingsField(admin, "name"), "the name was saved"));
    }
  }

  /**
   * Spellings of the console's addresses that a path check could miss (case, path parameters, dot
   * segments, encoded and double-encoded characters, doubled slashes, a file extension): none shows
   * a console page to someone not signed in. Sent as written, without the normalisation a browser
   * would do.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/admin/settings",
        "/ADMIN/settings",
        "/Admin/Settings",
        "/admin;x/settings",
        "/admin/settings;x",
        "/admin;jsessionid=0/settings",
        "/admin/./settings",
        "/./admin/settings",
        "/x/../admin/settings",
        "/admin//settings",
        "//admin/settings",
        "/admin/%2e/settings",
        "/x/%2e%2e/admin/settings",
        "/%61dmin/settings",
        "/%2561dmin/settings",
        "/admin%2fsettings",
        "/admin/settings.xhtml",
        "/admin/settings%00",
        "/admin/settings%20",
        "/admin/settings/"
      })
  void noSpellingOfAConsoleAddressShowsItToAStranger(String path, TribuneServer server)
      throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    int code = answer.statusCode();
    String location = answer.headers().firstValue("Location").orElse("");
    assertAll(
        path,
        () -> assertTrue(code < 500, () -> path + " answered " + code),
        () ->
            assertFalse(
                answer.body().contains("site-settings"),
                () -> path + " showed the settings (" + code + ")"),
        () ->
            assertTrue(
                code != 302 || location.contains("/admin/login") || !location.contains("/admin"),
                () -> path + " sent to " + location));
  }

  // --- Headers -----------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"/admin/login", "/admin/dashboard", "/admin/accounts", "/admin/nope"})
  void consoleAnswersAreNeitherStoredNorFramed(String path, TribuneServer server) {
    try (Visitor admin = path.equals("/admin/login") ? visitor(server) : admin(server)) {
      Page page = admin.get(path);
      assertAll(
          () -> assertEquals(List.of("no-store"), headers(page, "Cache-Control")),
          () -> assertEquals(List.of("DENY"), headers(page, "X-Frame-Options")),
          () -> assertEquals(1, headers(page, "Content-Security-Policy").size(), "policies"),
          () ->
              assertTrue(
                  String.join(",", headers(page, "Content-Security-Policy"))
                      .contains("frame-ancestors 'none'"),
                  () -> headers(page, "Content-Security-Policy").toString()),
          () ->
              assertTrue(
                  String.join(",", headers(page, "Content-Security-Policy"))
                      .matches(".*script-src 'self'( 'nonce-[A-Za-z0-9+/=]{20,}')?$"),
                  () -> headers(page, "Content-Security-Policy").toString()),
          () ->
              assertFalse(
                  String.join(",", headers(page, "Content-Security-Policy")).contains("unsafe"),
                  () -> headers(page, "Content-Security-Policy").toString()),
          () -> assertEquals(List.of("nosniff"), headers(page, "X-Content-Type-Options")));
    }
  }

  @Test
  void publicPagesCarryNoPrimeFaces(TribuneServer server) {
    try (Visitor reader = visitor(server)) {
      Page home = reader.get("/");
      assertEquals(200, status(home));
      assertFalse(text(home).toLowerCase(Locale.ROOT).contains("primefaces"), "PrimeFaces");
      assertTrue(
          headers(home, "Set-Cookie").isEmpty(), () -> "cookies: " + headers(home, "Set-Cookie"));
    }
  }

  // --- Settings ----------------------------------------------------------------------------------

  @Test
  void aNewSiteTitleIsShownOnThePublicSiteAndAudited(TribuneServer server)
      throws InterruptedException {
    String title = "La Gazette " + Long.toHexString(System.nanoTime());
    try (Visitor admin = admin(server);
        Visitor reader = visitor(server)) {
      HtmlPage saved = saveSettings(admin, Map.of("site-settings:name", title));
      assertEquals(Console.text("settings.saved"), messages(saved));

      assertEquals(title, publicSiteName(reader, title));
      List<List<String>> entries = auditRows(admin, "site");
      assertTrue(
          entries.stream()
              .anyMatch(
                  row ->
                      row.get(2).equals(Console.text("audit.action.SETTINGS_CHANGED"))
                          && row.get(4).contains("site.name")),
          entries::toString);
    }
  }

  @Test
  void anOverlongSiteTitleIsRefusedAndNothingIsSaved(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      String before = settingsField(admin, "name");
      HtmlPage settings = admin.open("/admin/settings");
      // maxlength stops a person typing, not a client.
      settings.getHtmlElementById("site-settings:name").removeAttribute("maxlength");

      HtmlPage refused =
          html(
              admin.submit(
                  settings.getHtmlElementById("site-settings"),
                  Map.of("site-settings:name", "x".repeat(101)),
                  "site-settings:save"));

      assertAll(
          () -> assertEquals(Console.text("settings.name.invalid", 100), messages(refused)),
          () -> assertEquals(before, settingsField(admin, "name")));
    }
  }

  /**
   * The accounts page names the roles as a French newsroom does (the editor role is « rédacteur en
   * chef », not « éditeur », which reads as the publisher) and says what each one may do.
   */
  @Test
  void theAccountsPageNamesAndExplainsEachRole(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      HtmlPage accounts = admin.open("/admin/accounts");
      List<String> names =
          accounts.querySelectorAll(".role-guide dt").stream()
              .map(n -> n.getTextContent().strip())
              .toList();
      List<String> explanations =
          accounts.querySelectorAll(".role-guide dd").stream()
              .map(n -> n.getTextContent().strip())
              .toList();
      List<String> options =
          ((HtmlSelect) accounts.getHtmlElementById("accounts:role"))
              .getOptions().stream().map(HtmlOption::getText).toList();
      assertAll(
          () ->
              assertEquals(
                  List.of("administrateur", "rédacteur en chef", "auteur", "modérateur"), names),
          () -> assertEquals(4, explanations.size()),
          () -> assertEquals(Console.text("accounts.roles.EDITOR"), explanations.get(1)),
          () -> assertTrue(explanations.stream().noneMatch(String::isBlank)),
          () -> assertTrue(options.contains("rédacteur en chef"), options::toString),
          () -> assertFalse(options.contains("éditeur"), "the publisher's word"));
    }
  }

  /**
   * The time zones are offered by part of the world, named in French with their country and offset
   * (« Paris (France) — UTC+1 »), not as the 517 raw identifiers of the platform.
   */
  @Test
  void theTimeZonesAreOfferedByPartOfTheWorldAndNamedInFrench(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      HtmlPage settings = admin.open("/admin/settings");
      HtmlSelect zones = settings.getHtmlElementById("site-settings:zone");
      List<String> groups =
          zones.querySelectorAll("optgroup").stream()
              .map(g -> ((DomElement) g).getAttribute("label"))
              .toList();
      HtmlOption paris = zones.getOptionByValue("Europe/Paris");
      assertAll(
          () ->
              assertEquals(
                  Console.text("settings.zone.region.UNIVERSAL"), groups.get(0), "UTC first"),
          () -> assertTrue(groups.contains(Console.text("settings.zone.region.EUROPE")), "groups"),
          () -> assertEquals("optgroup", paris.getParentNode().getNodeName()),
          () -> assertTrue(paris.getText().startsWith("Paris (France) — UTC+"), paris.getText()),
          () -> assertTrue(zones.getOptions().size() < 450, () -> zones.getOptions().size() + ""),
          () ->
              assertTrue(
                  zones.getOptions().stream().noneMatch(o -> o.getText().contains("/")),
                  "a raw identifier is shown"));
    }
  }

  @Test
  void aTimeZoneNotInTheListIsRefusedInFrenchAndNothingIsSaved(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      String before = settingsField(admin, "zone");
      HtmlPage settings = admin.open("/admin/settings");
      HtmlSelect zones = settings.getHtmlElementById("site-settings:zone");
      HtmlOption mars = (HtmlOption) settings.createElement("option");
      mars.setAttribute("value", "Mars/Olympus_Mons");
      zones.appendChild(mars);
      String name = "Jamais enregistré " + Long.toHexString(System.nanoTime());

      HtmlPage refused =
          html(
              admin.submit(
                  settings.getHtmlElementById("site-settings"),
                  Map.of("site-settings:zone", "Mars/Olympus_Mons", "site-settings:name", name),
                  "site-settings:save"));

      // Faces refuses a value not in the list with its own French message, naming the field.
      String message = refused.getElementById("site-settings:zone-message").getTextContent();
      assertAll(
          () -> assertTrue(message.startsWith(Console.text("settings.zone")), message),
          () -> assertTrue(message.contains("incorrecte"), () -> "not in French: " + message),
          () -> assertEquals(before, settingsField(admin, "zone")),
          () -> assertNotEquals(name, settingsField(admin, "name")));
    }
  }

  // --- Hostile text ------------------------------------------------------------------------------

  @Test
  void aDisplayNameWithMarkupIsShownAsText(TribuneServer server) {
    String email = uniqueEmail("script");
    String name = "<script>alert(1)</script>";
    try (Visitor admin = admin(server)) {
      HtmlPage created = createAccount(admin, email, name, "MODERATOR", PASSWORD);
      assertEquals(Console.text("accounts.created", email), messages(created));
      assertEquals(name, accountRow(admin, email).get(1));
      assertNoScriptSaying(admin.open("/admin/accounts"), "alert(1)");
    }
    try (Visitor staff = visitor(server)) {
      HtmlPage dashboard = signedIn(staff, email, PASSWORD);
      assertAll(
          () -> assertTrue(userLine(dashboard).contains(name), userLine(dashboard)),
          () -> assertNoScriptSaying(dashboard, "alert(1)"));
    }
  }

  @Test
  void aSiteTitleWithMarkupIsShownAsTextInTheConsoleAndOnThePublicSite(TribuneServer server)
      throws InterruptedException {
    String title = "<b>Gras</b> & <img src=x onerror=alert(2)> " + System.nanoTime();
    try (Visitor admin = admin(server);
        Visitor reader = visitor(server)) {
      assertEquals(
          Console.text("settings.saved"),
          messages(saveSettings(admin, Map.of("site-settings:name", title))));

      assertEquals(title, publicSiteName(reader, title));
      HtmlPage home = reader.open("/");
      HtmlPage console = admin.open("/admin/dashboard");
      assertAll(
          () -> assertTrue(home.getTitleText().contains(title), home.getTitleText()),
          () -> assertTrue(home.querySelectorAll("header b, header img").isEmpty(), "markup"),
          () ->
              assertEquals(
                  title,
                  home.<DomElement>querySelector("meta[property='og:site_name']")
                      .getAttribute("content")),
          () -> assertTrue(console.getTitleText().contains(title), console.getTitleText()),
          () ->
              assertTrue(
                  console.querySelector(".console-brand").getTextContent().contains(title),
                  "brand"),
          () -> assertTrue(console.querySelectorAll("header b, header img").isEmpty(), "markup"));
    }
  }

  // --- Helpers -----------------------------------------------------------------------------------

  /** A Set-Cookie's attributes, lower case (their names and SameSite's values ignore case). */
  private static List<String> attributes(String setCookie) {
    return Arrays.stream(setCookie.split(";"))
        .skip(1)
        .map(attribute -> attribute.strip().toLowerCase(Locale.ROOT))
        .toList();
  }

  private static String heading(HtmlPage page) {
    return page.querySelector("main h1").getTextContent().strip();
  }

  private static String userLine(HtmlPage page) {
    DomNode user = page.querySelector(".console-user span");
    return user == null ? "" : user.getTextContent().strip();
  }

  /** The addresses of the console's menu, in order. */
  private static List<String> menu(HtmlPage page) {
    List<String> links = new ArrayList<>();
    for (DomNode link : page.querySelectorAll("header nav a")) {
      links.add(((DomElement) link).getAttribute("href"));
    }
    return links;
  }

  private static void assertForbidden(Visitor visitor, String path) {
    Page answer = visitor.get(path);
    assertEquals(403, status(answer), () -> path + " answered " + status(answer));
  }

  /** The rows of the accounts list: e-mail, name, role, author, state, created. */
  private static List<List<String>> accountRows(Visitor admin) {
    return rows(admin.open("/admin/accounts"), "accounts:list");
  }

  private static List<String> accountRow(Visitor admin, String email) {
    return accountRows(admin).stream()
        .filter(row -> row.get(0).equals(email))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no account " + email + " in the list"));
  }

  /** Presses "Modifier" on an account's row; returns the page with the account in the form. */
  private static HtmlPage editAccount(Visitor admin, String email) {
    HtmlPage accounts = admin.open("/admin/accounts");
    HtmlElement edit = accounts.querySelector("input[aria-label='Modifier " + email + "']");
    assertNotNull(edit, "no edit button for " + email);
    return html(admin.click(edit));
  }

  private static HtmlPage changePassword(Visitor staff, Map<String, String> values) {
    return html(changePasswordAnswer(staff, values));
  }

  private static Page changePasswordAnswer(Visitor staff, Map<String, String> values) {
    HtmlPage page = staff.open("/admin/password");
    Map<String, String> fields = new LinkedHashMap<>();
    values.forEach((key, value) -> fields.put("password:" + key, value));
    fields.putIfAbsent("password:repeated", values.get("chosen"));
    return staff.submit(page.getHtmlElementById("password"), fields, "password:save");
  }

  private static HtmlPage saveSettings(Visitor admin, Map<String, String> fields) {
    HtmlPage settings = admin.open("/admin/settings");
    return html(
        admin.submit(settings.getHtmlElementById("site-settings"), fields, "site-settings:save"));
  }

  /** A field of the settings form as the page shows it now. */
  private static String settingsField(Visitor admin, String field) {
    DomElement element = admin.open("/admin/settings").getElementById("site-settings:" + field);
    return element instanceof HtmlSelect select
        ? select.getSelectedOptions().get(0).getValueAttribute()
        : ((HtmlInput) element).getValue();
  }

  /**
   * The site's name on the public home page, read until it is the expected one or {@link
   * #SETTINGS_DELAY} has passed: every node re-reads the settings within 2 s.
   */
  private static String publicSiteName(Visitor reader, String expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + SETTINGS_DELAY.toNanos();
    String shown;
    do {
      shown = reader.open("/").querySelector(".site-name a").getTextContent().strip();
      if (shown.equals(expected)) {
        break;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return shown;
  }

  /** Every field a browser would send with a console form, but no button; it has a view state. */
  private static Map<String, String> formFields(HtmlForm form) {
    Map<String, String> fields = Console.formFields(form);
    assertTrue(fields.containsKey("jakarta.faces.ViewState"), "the form has no view state");
    return fields;
  }

  /**
   * Spoils a form's view state ({@code forged}, {@code absent}) or the script nonce that comes with
   * it ({@code another nonce}: well-formed, not the view's; {@code garbled nonce}; {@code no
   * nonce}).
   */
  private static void forgeViewState(Map<String, String> fields, String how) {
    assertTrue(fields.containsKey(NONCE), "the form has no script nonce");
    switch (how) {
      case "absent" -> fields.remove("jakarta.faces.ViewState");
      case "forged" ->
          fields.put("jakarta.faces.ViewState", "-4242424242424242424:4242424242424242424");
      case "another nonce" ->
          fields.put(
              NONCE,
              Base64.getEncoder()
                  .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
      case "garbled nonce" -> fields.put(NONCE, "'><script>alert(1)</script>");
      case "no nonce" -> fields.remove(NONCE);
      default -> throw new IllegalArgumentException(how);
    }
  }

  private static void assertNoScriptSaying(HtmlPage page, String text) {
    for (DomNode script : page.querySelectorAll("script")) {
      assertFalse(script.getTextContent().contains(text), () -> "live script: " + script.asXml());
    }
    DomNode handler = page.querySelector("[onerror], [onload]");
    assertTrue(handler == null, () -> "live handler: " + handler.asXml());
  }
}
