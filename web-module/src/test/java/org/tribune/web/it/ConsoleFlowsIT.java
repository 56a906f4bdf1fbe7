package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Console.admin;
import static org.tribune.web.it.Console.messages;
import static org.tribune.web.it.Console.text;
import static org.tribune.web.it.Visitor.html;
import static org.tribune.web.it.Visitor.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The editorial quality bars of the console over HTTP, without JavaScript ({@link Visitor}, {@link
 * Editor}): revisions and their diff, what an author may and may not do, forged forms, and hostile
 * or malformed input in the article editor (French messages, never a 500, nothing typed lost,
 * markup shown as text). On the server of {@link ConsoleFlowsServer}, shared with {@link
 * ConsoleFlowsBrowserIT}; each test writes the articles and accounts it looks at.
 */
@ExtendWith(ConsoleFlowsServer.class)
class ConsoleFlowsIT {
  private static final String PASSWORD = "Mot de passe d'auteur assez long";
  private static final String XSS = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
  private static final ZoneId SITE_ZONE = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter LOCAL_INPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  // --- Revisions ---------------------------------------------------------------------------------

  @Test
  void theDiffOfTwoRevisionsShowsTheLinesAddedAndRemoved(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      long id =
          Editor.create(
              admin,
              Map.of(
                  "title",
                  Editor.uniqueTitle("Révisions comparées"),
                  "body",
                  "Ligne commune\nPremière version du texte"));
      Editor.pressForPage(
          admin,
          Editor.open(admin, id),
          Map.of("body", "Ligne commune\nDeuxième version du texte"),
          "save");

      HtmlPage diff =
          Editor.pressForPage(
              admin, Editor.open(admin, id), Map.of("diff-from", "1", "diff-to", "2"), "show-diff");

      assertAll(
          () -> assertEquals(List.of("Première version du texte"), lines(diff, ".diff-removed")),
          () -> assertEquals(List.of("Deuxième version du texte"), lines(diff, ".diff-added")),
          () ->
              assertTrue(
                  lines(diff, ".diff-same").contains("Ligne commune"),
                  () -> "unchanged lines: " + lines(diff, ".diff-same")));
    }
  }

  @Test
  void restoringTheFirstRevisionBringsItsBodyBackAsANewRevision(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      String first = "Le premier jet.\n\nAvec **deux** paragraphes.";
      long id =
          Editor.create(admin, Map.of("title", Editor.uniqueTitle("Restauration"), "body", first));
      HtmlPage second =
          Editor.pressForPage(
              admin, Editor.open(admin, id), Map.of("body", "Tout autre chose."), "save");
      assertEquals(List.of(2, 1), Editor.revisions(second));

      Page answer = Editor.click(admin, second, "input[aria-label='Restaurer 1']");
      HtmlPage restored = admin.follow(answer);

      assertAll(
          () -> assertEquals(text("editor.revision-restored", 1), messages(restored)),
          () -> assertEquals(first, Editor.field(restored, "body")),
          () -> assertEquals(List.of(3, 2, 1), Editor.revisions(restored)),
          () -> assertEquals(first, Editor.field(Editor.open(admin, id), "body"), "not saved"));
    }
  }

  // --- Moderation without JavaScript -------------------------------------------------------------

  @Test
  void aCommentersDataIsExportedAsJsonThenErasedFromTheConsole(TribuneServer server) {
    String email = Console.uniqueEmail("lectrice");
    String body = "Mon avis sur la comète, à effacer (" + System.nanoTime() + ")";
    heldComment(server, email, body);
    try (Visitor admin = admin(server)) {
      Page exported = privacy(admin, email, "privacy:export");
      String json = exported.getWebResponse().getContentAsString();
      HtmlPage erased = html(privacy(admin, email, "privacy:erase"));
      String after = privacy(admin, email, "privacy:export").getWebResponse().getContentAsString();
      assertAll(
          () -> assertEquals(200, status(exported)),
          () ->
              assertTrue(
                  exported.getWebResponse().getContentType().startsWith("application/json"),
                  exported.getWebResponse().getContentType()),
          () -> assertTrue(json.contains(body), () -> "the export misses the comment: " + json),
          () -> assertTrue(messages(erased).contains(text("moderation.erased", 1, email))),
          () -> assertFalse(after.contains(body), () -> "still exported after erasure: " + after),
          () ->
              assertFalse(
                  admin.open("/admin/comments?status=PENDING").asNormalizedText().contains(body),
                  "still in the queue"));
    }
  }

  @Test
  void aStaffReplyWrittenInTheConsoleIsPublishedAtOnceWithTheEditorialBadge(TribuneServer server) {
    String question = "Quand la comète sera-t-elle la plus brillante ? (" + System.nanoTime() + ")";
    long id = heldComment(server, Console.uniqueEmail("curieux"), question);
    String answer = "Vers la fin du mois, juste avant l’aube. (" + System.nanoTime() + ")";
    try (Visitor admin = admin(server)) {
      HtmlPage pending = admin.open("/admin/comments?status=PENDING");
      admin.click(button(pending, text("moderation.approve") + " #" + id));
      HtmlPage approved = admin.open("/admin/comments?status=APPROVED");
      HtmlPage panel = html(admin.click(button(approved, text("moderation.reply") + " #" + id)));
      HtmlPage replied =
          html(
              admin.submit(
                  panel.getHtmlElementById("queue"),
                  Map.of("queue:reply-body", answer),
                  "queue:send-reply"));
      assertTrue(messages(replied).contains(text("moderation.replied")), messages(replied));
    }
    try (Visitor reader = new Visitor(server)) {
      HtmlPage article = reader.open(discussedPath(server));
      DomElement reply =
          article.querySelectorAll("article.comment-content").stream()
              .map(DomElement.class::cast)
              .filter(c -> c.asNormalizedText().contains(answer))
              .reduce((first, last) -> last)
              .orElse(null);
      assertNotNull(reply, "the staff reply is not on the article page");
      assertAll(
          () -> assertNotNull(reply.querySelector(".staff-badge"), "no badge"),
          () ->
              assertTrue(
                  reply.querySelector(".staff-badge").getTextContent().contains("Rédaction")));
    }
  }

  // --- Sanctions and discussion rules ----------------------------------------------------------

  @Test
  void aSuspensionFromACommentsRowIsListedWithItsDateAndReasonAndSendsTheNextCommentToSpam(
      TribuneServer server) {
    String email = Console.uniqueEmail("troll");
    String reason = "Insultes répétées " + XSS;
    // An address of its own: the suspension is on the reader's address too.
    try (Visitor reader = Console.visitor(server);
        Visitor admin = admin(server)) {
      long first = comment(reader, discussedPath(server), email, "Premier message " + nano());
      LocalDate before = LocalDate.now(SITE_ZONE).plusDays(7);
      HtmlPage pending = admin.open("/admin/comments?status=PENDING");
      String hash = hashOf(pending, first);
      HtmlPage panel =
          html(admin.click(button(pending, text("moderation.sanction") + " #" + first)));
      assertAll(
          () -> assertTrue(checked(panel, "queue:sanction-email"), "e-mail not ticked"),
          () -> assertTrue(checked(panel, "queue:sanction-address"), "address not ticked"));
      HtmlPage sanctioned =
          html(
              admin.submit(
                  panel.getHtmlElementById("queue"),
                  Map.of(
                      "queue:sanction-effect", "SUSPENDED",
                      "queue:sanction-length", "WEEK",
                      "queue:sanction-reason", reason),
                  "queue:apply-sanction"));
      LocalDate after = LocalDate.now(SITE_ZONE).plusDays(7);
      DomElement listed = sanctionOf(sanctioned, email);
      String until = listed.querySelector(".sanction-until").getTextContent().strip();
      long later = comment(reader, discussedPath(server), email, "Je reviens " + nano());

      assertAll(
          () ->
              assertEquals(text("moderation.sanctioned.SUSPENDED", 2, until), messages(sanctioned)),
          () -> assertEquals(text("moderation.effect.SUSPENDED"), effectOf(listed)),
          () ->
              assertTrue(
                  until.startsWith(text("moderation.sanction.until", frenchDate(before) + " à "))
                      || until.startsWith(
                          text("moderation.sanction.until", frenchDate(after) + " à ")),
                  until),
          () -> assertEquals(reason, listed.querySelector(".sanction-reason").getTextContent()),
          () -> assertNull(listed.querySelector(".sanction-expired"), "marked expired"),
          () -> assertNotNull(addressSanction(sanctioned, hash), "the address is not listed"),
          () -> assertNoLiveMarkup(sanctioned),
          () -> assertEquals("SPAM", statusOf(admin, later)),
          () ->
              assertTrue(
                  Console.auditRows(admin, email).stream()
                      .anyMatch(row -> row.contains(text("audit.action.SANCTION_ADDED"))),
                  "not in the audit log"));
    }
  }

  @Test
  void aFeaturedCommentCarriesItsBadgeAndTheSelectionOrderShowsOnlyFeaturedThreads(
      TribuneServer server) {
    try (Visitor admin = admin(server)) {
      Known known = knownAuthor(server, admin);
      String path = discussedPath(server);
      long chosen = comment(known.reader(), path, known.email(), "À retenir " + nano());
      long other = comment(known.reader(), path, known.email(), "Sans plus " + nano());
      HtmlPage approved = admin.open("/admin/comments?status=APPROVED");
      HtmlPage featured =
          html(admin.click(button(approved, text("moderation.feature") + " #" + chosen)));
      HtmlPage selection;
      HtmlPage newest;
      try (Visitor reader = new Visitor(server)) {
        selection = reader.open(path + "?sort=featured");
        newest = reader.open(path + "?sort=newest");
      }
      // The site may show the selection first to a reader who has not chosen an order.
      HtmlPage selectionFirst = defaultSort(admin, "FEATURED");
      HtmlPage byDefault;
      try (Visitor reader = new Visitor(server)) {
        byDefault = reader.open(path);
      } finally {
        defaultSort(admin, "NEWEST");
      }
      HtmlPage newestAgain;
      try (Visitor reader = new Visitor(server)) {
        newestAgain = reader.open(path);
      }
      HtmlPage unfeatured =
          html(admin.click(button(featured, text("moderation.unfeature") + " #" + chosen)));

      assertAll(
          () ->
              assertEquals(text("moderation.featured", Long.toString(chosen)), messages(featured)),
          () ->
              assertNotNull(selection.getElementById("comment-" + chosen), "not in the selection"),
          () -> assertNull(selection.getElementById("comment-" + other), "not featured, yet shown"),
          () ->
              assertNotNull(
                  selection.querySelector("#comment-" + chosen + " .featured-badge"), "no badge"),
          () ->
              assertTrue(
                  selection.querySelectorAll(".comment-sort a").stream()
                      .anyMatch(
                          a -> a.getTextContent().equals(siteText("discussion.sort.featured"))),
                  "no selection order"),
          () -> assertNotNull(newest.getElementById("comment-" + other)),
          () -> assertEquals(text("settings.saved"), messages(selectionFirst)),
          () ->
              assertNotNull(byDefault.getElementById("comment-" + chosen), "not shown by default"),
          () ->
              assertNull(
                  byDefault.getElementById("comment-" + other),
                  "the selection is not what a new reader sees first"),
          () ->
              assertNotNull(
                  newestAgain.getElementById("comment-" + other), "the default was not restored"),
          () ->
              assertTrue(
                  Console.auditRows(admin, "default-sort=featured").stream()
                      .anyMatch(row -> row.contains(text("audit.action.SETTINGS_CHANGED"))),
                  "the setting's change is not in the audit log"),
          () ->
              assertEquals(
                  text("moderation.unfeatured", Long.toString(chosen)), messages(unfeatured)),
          () ->
              assertTrue(
                  Console.auditRows(admin, "comment " + chosen).stream()
                      .anyMatch(row -> row.contains(text("audit.action.COMMENT_FEATURED"))),
                  "not in the audit log"));
    }
  }

  /** Saves the discussions' default order from the settings page; the page answered. */
  private static HtmlPage defaultSort(Visitor admin, String sort) {
    HtmlPage settings = admin.open("/admin/settings");
    return admin.send(
        settings,
        "discussion-settings",
        Map.of("discussion-settings:default-sort", sort),
        "discussion-settings:save-discussions");
  }

  /** A text of the public site's bundle. */
  private static String siteText(String key) {
    return java.util.ResourceBundle.getBundle(
            "org.tribune.web.i18n.messages", java.util.Locale.ROOT)
        .getString(key);
  }

  @Test
  void anAuthorsHistoryListsTheirCommentsAndSanctionsAsText(TribuneServer server) {
    String email = Console.uniqueEmail("historique");
    String reason = "Propos répétés " + XSS;
    try (Visitor reader = Console.visitor(server);
        Visitor admin = admin(server)) {
      long first = comment(reader, discussedPath(server), email, "Mon premier avis " + nano());
      long second = comment(reader, discussedPath(server), email, "Mon second avis " + nano());
      HtmlPage pending = admin.open("/admin/comments?status=PENDING");
      HtmlPage panel =
          html(admin.click(button(pending, text("moderation.sanction") + " #" + second)));
      admin.submit(
          panel.getHtmlElementById("queue"),
          Map.of(
              "queue:sanction-effect", "HELD",
              "queue:sanction-length", "MONTH",
              "queue:sanction-reason", reason),
          "queue:apply-sanction");
      DomElement link =
          admin.open("/admin/comments?status=PENDING").querySelectorAll("a.author-history").stream()
              .map(DomElement.class::cast)
              .filter(
                  a ->
                      a.getAttribute("href")
                          .contains(
                              java.net.URLEncoder.encode(
                                  email, java.nio.charset.StandardCharsets.UTF_8)))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no link to the author's history"));
      HtmlPage history = admin.open(link.getAttribute("href"));
      HtmlPage nobody = admin.open("/admin/comments/author");

      assertAll(
          () -> assertNotNull(history.getElementById("author-comment-" + first)),
          () -> assertNotNull(history.getElementById("author-comment-" + second)),
          () ->
              assertTrue(
                  history.querySelector(".author-who").getTextContent().contains(email),
                  () -> history.querySelector(".author-who").getTextContent()),
          () ->
              assertEquals(
                  text("moderation.effect.HELD"),
                  history.querySelector(".sanction-effect").getTextContent().strip()),
          () -> assertEquals(reason, history.querySelector(".sanction-reason").getTextContent()),
          () -> assertNoLiveMarkup(history),
          () -> assertEquals(text("author.unknown"), messages(nobody)));
    }
  }

  @Test
  void aWatchHoldsTheNextCommentOfAKnownAuthorAndLiftingItPublishesTheOneAfter(
      TribuneServer server) {
    try (Visitor admin = admin(server)) {
      Known known = knownAuthor(server, admin);
      long spoken =
          comment(known.reader(), discussedPath(server), known.email(), "Encore " + nano());
      HtmlPage approved = admin.open("/admin/comments?status=APPROVED");
      String hash = hashOf(approved, spoken);
      HtmlPage panel =
          html(admin.click(button(approved, text("moderation.sanction") + " #" + spoken)));
      HtmlPage held =
          html(
              admin.submit(
                  panel.getHtmlElementById("queue"),
                  Map.of(
                      "queue:sanction-effect", "HELD",
                      "queue:sanction-length", "FOREVER",
                      "queue:sanction-address", ""),
                  "queue:apply-sanction"));
      DomElement listed = sanctionOf(held, known.email());
      long waiting =
          comment(known.reader(), discussedPath(server), known.email(), "Surveillé " + nano());
      HtmlPage lifted =
          html(admin.click(button(held, text("moderation.unban") + " " + known.email())));
      long free = comment(known.reader(), discussedPath(server), known.email(), "Libre " + nano());

      assertAll(
          () -> assertEquals("APPROVED", statusOf(admin, spoken), "known before the watch"),
          () ->
              assertEquals(
                  text("moderation.sanctioned.HELD", 1, text("moderation.sanction.forever")),
                  messages(held)),
          () -> assertEquals(text("moderation.effect.HELD"), effectOf(listed)),
          () ->
              assertEquals(
                  text("moderation.sanction.forever"),
                  listed.querySelector(".sanction-until").getTextContent().strip()),
          () -> assertNull(addressSanction(held, hash), "the address was not ticked"),
          () -> assertEquals("PENDING", statusOf(admin, waiting), "held by the watch"),
          () -> assertEquals(text("moderation.unbanned"), messages(lifted)),
          () -> assertNull(sanctionIn(lifted, known.email()), "still listed after lifting"),
          () -> assertEquals("APPROVED", statusOf(admin, free), "after lifting"));
    }
  }

  @Test
  void anArticleHeldBeforePublicationHoldsAKnownAuthorAndAPastClosingDateClosesIt(
      TribuneServer server) {
    try (Visitor admin = admin(server)) {
      Known known = knownAuthor(server, admin);
      long id =
          Editor.create(
              admin,
              Map.of(
                  "title", Editor.uniqueTitle("Relu avant publication"),
                  "body", "Texte.",
                  "moderation", "HOLD_ALL"));
      HtmlPage published =
          admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "publish"));
      String path = Editor.publicPath(published);
      long held = comment(known.reader(), path, known.email(), "Sous l’article " + nano());
      String yesterday = LOCAL_INPUT.format(LocalDateTime.now(SITE_ZONE).minusDays(1));
      HtmlPage closed =
          Editor.pressForPage(
              admin, Editor.open(admin, id), Map.of("closes-at", yesterday), "save");
      HtmlPage article;
      try (Visitor reader = new Visitor(server)) {
        article = reader.open(path);
      }

      assertAll(
          () -> assertEquals("HOLD_ALL", Editor.field(published, "moderation")),
          () -> assertEquals("PENDING", statusOf(admin, held)),
          () -> assertEquals(text("editor.saved"), messages(closed)),
          () -> assertEquals(yesterday, Editor.field(closed, "closes-at")),
          () -> assertEquals("HOLD_ALL", Editor.field(closed, "moderation"), "mode kept"),
          () -> assertNull(article.getElementById("comment-form"), "the form is still there"),
          () ->
              assertEquals(
                  "Les commentaires sont fermés.",
                  article.querySelector("#comments .discussion-closed").getTextContent().strip()));
    }
  }

  @Test
  void aClosingDateThatIsNotADateIsRefusedInFrenchBesideItsFieldAndNothingIsLost(
      TribuneServer server) {
    try (Visitor admin = admin(server)) {
      long id =
          Editor.create(admin, Map.of("title", Editor.uniqueTitle("Date folle"), "body", "Texte."));
      HtmlPage form = Editor.open(admin, id);
      Map<String, String> fields = Console.sentFields(form.getHtmlElementById("editor"));
      fields.put("editor:closes-at", "à la Saint-Glinglin");
      fields.put("editor:body", "Texte retouché.");
      fields.put("editor:moderation", "APPROVE_ALL");
      fields.put("editor:save", text("editor.save"));
      HtmlPage refused = html(admin.post("/admin/articles/edit?id=" + id, fields, Map.of()));
      HtmlPage after = Editor.open(admin, id);

      assertAll(
          () ->
              assertEquals(
                  text("editor.closes-at.invalid"), Editor.fieldError(refused, "closes-at")),
          () -> assertEquals("à la Saint-Glinglin", Editor.field(refused, "closes-at")),
          () -> assertEquals("Texte retouché.", Editor.field(refused, "body")),
          () -> assertEquals("APPROVE_ALL", Editor.field(refused, "moderation")),
          () -> assertEquals("Texte.", Editor.field(after, "body"), "saved"),
          () -> assertEquals("", Editor.field(after, "moderation"), "rules saved"));
    }
  }

  @Test
  void aSectionsModeAppliesToItsArticles(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      Known known = knownAuthor(server, admin);
      String name = "Tribunes relues " + nano();
      HtmlPage saved =
          admin.send(
              admin.open("/admin/taxonomy"),
              "sections",
              Map.of("sections:section-name", name, "sections:section-moderation", "HOLD_ALL"),
              "sections:save-section");
      HtmlPage editor = admin.open("/admin/articles/edit");
      String section =
          ((HtmlSelect) editor.getHtmlElementById("editor:section"))
              .getOptions().stream()
                  .filter(option -> option.getText().strip().equals(name))
                  .map(HtmlOption::getValueAttribute)
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no section " + name + " to choose"));
      long id =
          Editor.create(
              admin,
              Map.of(
                  "title",
                  Editor.uniqueTitle("Dans la rubrique"),
                  "body",
                  "x",
                  "section",
                  section));
      String path =
          Editor.publicPath(
              admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "publish")));
      long held = comment(known.reader(), path, known.email(), "Dans la rubrique " + nano());
      HtmlPage taxonomy = admin.open("/admin/taxonomy");

      assertAll(
          () -> assertEquals(text("taxonomy.saved"), messages(saved)),
          () ->
              assertTrue(
                  taxonomy
                      .asNormalizedText()
                      .contains(
                          Console.shown(
                              "taxonomy.moderation.shown", text("discussion-rules.mode.HOLD_ALL"))),
                  "the list does not show the mode"),
          () -> assertEquals("PENDING", statusOf(admin, held)));
    }
  }

  /** A reader on an address of its own whose e-mail address has a comment approved. */
  private record Known(Visitor reader, String email) {}

  private static Known knownAuthor(TribuneServer server, Visitor admin) {
    Visitor reader = Console.visitor(server);
    String email = Console.uniqueEmail("habitue");
    long first = comment(reader, discussedPath(server), email, "Bonjour " + nano());
    admin.click(
        button(
            admin.open("/admin/comments?status=PENDING"),
            text("moderation.approve") + " #" + first));
    assertEquals("APPROVED", statusOf(admin, first), "the first comment was not approved");
    return new Known(reader, email);
  }

  private static long comment(Visitor reader, String path, String email, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", "Lecteur " + nano());
    fields.put("email", email);
    fields.put("body", body);
    return reader.postComment(path, fields);
  }

  /** The queue a comment is in, as the console shows it (the newest 25 of each). */
  private static String statusOf(Visitor admin, long id) {
    for (String status : List.of("PENDING", "APPROVED", "SPAM", "TRASH")) {
      if (admin.open("/admin/comments?status=" + status).querySelector("tr[data-rk='" + id + "']")
          != null) {
        return status;
      }
    }
    return "nowhere";
  }

  /** The sanction listed for an e-mail address; fails when there is none. */
  private static DomElement sanctionOf(HtmlPage page, String email) {
    DomElement found = sanctionIn(page, email);
    assertNotNull(found, () -> "no sanction on " + email + " in " + page.asNormalizedText());
    return found;
  }

  private static DomElement sanctionIn(HtmlPage page, String email) {
    return page.querySelectorAll("#bans li.sanction").stream()
        .map(DomElement.class::cast)
        .filter(
            li -> li.querySelector(".sanctioned-address").getTextContent().strip().equals(email))
        .findFirst()
        .orElse(null);
  }

  /** The sanction listed on an address hash, if any (the hash is the tooltip of its code). */
  private static DomElement addressSanction(HtmlPage page, String hash) {
    return page.querySelectorAll("#bans li.sanction code").stream()
        .map(DomElement.class::cast)
        .filter(code -> code.getAttribute("title").equals(hash))
        .map(code -> (DomElement) code.getParentNode().getParentNode())
        .findFirst()
        .orElse(null);
  }

  /** The address hash of a comment, as its row in the queue gives it. */
  private static String hashOf(HtmlPage queue, long id) {
    DomElement code = queue.querySelector("tr[data-rk='" + id + "'] code[title]");
    assertNotNull(code, () -> "no address hash for comment " + id);
    assertEquals(64, code.getAttribute("title").length(), code.getAttribute("title"));
    return code.getAttribute("title");
  }

  private static String effectOf(DomElement sanction) {
    return sanction.querySelector(".sanction-effect").getTextContent().strip();
  }

  private static boolean checked(HtmlPage page, String id) {
    return ((HtmlCheckBoxInput) page.getHtmlElementById(id)).isChecked();
  }

  private static String frenchDate(LocalDate date) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).format(date);
  }

  private static String nano() {
    return Long.toString(System.nanoTime());
  }

  /** Posts a comment through the public form from an address never approved: it is held. */
  private static long heldComment(TribuneServer server, String email, String body) {
    try (Visitor reader = new Visitor(server)) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("name", "Lectrice " + System.nanoTime());
      fields.put("email", email);
      fields.put("body", body);
      return reader.postComment(discussedPath(server), fields);
    }
  }

  private static String discussedPath(TribuneServer server) {
    try (Visitor reader = new Visitor(server)) {
      return reader.articlePath(DemoArticles.named("comete.md").title());
    }
  }

  private static Page privacy(Visitor admin, String email, String button) {
    HtmlPage queue = admin.open("/admin/comments");
    return admin.submit(
        queue.getHtmlElementById("privacy"), Map.of("privacy:privacy-email", email), button);
  }

  private static org.htmlunit.html.HtmlElement button(HtmlPage page, String label) {
    org.htmlunit.html.HtmlElement button = page.querySelector("input[aria-label='" + label + "']");
    assertNotNull(button, () -> "no button '" + label + "' in " + page.asNormalizedText());
    return button;
  }

  // --- Roles -------------------------------------------------------------------------------------

  @Test
  void anAuthorIsRefusedModerationAndArticlesItDoesNotSign(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      AuthorAccount author = authorAccount(admin);
      long others =
          Editor.create(
              admin,
              Map.of(
                  "title", Editor.uniqueTitle("Signé par un autre"),
                  "body", "Pas pour vous.",
                  "authors", Long.toString(author.otherAuthorId())));
      try (Visitor writer = signedInAuthor(server, author)) {
        assertAll(
            () -> assertEquals(403, status(writer.get("/admin/comments"))),
            () -> assertEquals(403, status(writer.get("/admin/comments?status=SPAM"))),
            () -> assertEquals(403, status(writer.get("/admin/articles/edit?id=" + others))),
            () -> assertEquals(200, status(writer.get("/admin/articles"))));
      }
    }
  }

  @Test
  void anAuthorWritesAndSubmitsItsOwnDraftButCannotPublishIt(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      AuthorAccount author = authorAccount(admin);
      try (Visitor writer = signedInAuthor(server, author)) {
        HtmlPage blank = writer.open("/admin/articles/edit");
        assertEquals(
            List.of(author.authorId()),
            Editor.authorBoxes(blank.getHtmlElementById("editor")).stream()
                .filter(box -> box.isChecked())
                .map(box -> Long.parseLong(box.getValueAttribute()))
                .toList(),
            "a new article of an author is signed by that author");
        long id =
            Editor.create(
                writer, Map.of("title", Editor.uniqueTitle("Mon brouillon"), "body", "À relire."));
        HtmlPage draft = Editor.open(writer, id);
        assertAll(
            () -> assertEquals(text("status.DRAFT"), Editor.statusShown(draft)),
            () -> assertNull(draft.getElementById("editor:publish"), "a publish button"),
            () -> assertNull(draft.getElementById("editor:schedule-button"), "a schedule button"));

        HtmlPage submitted = writer.follow(Editor.press(writer, draft, Map.of(), "submit"));
        assertAll(
            () -> assertEquals(text("editor.submitted"), messages(submitted)),
            () -> assertEquals(text("status.PENDING"), Editor.statusShown(submitted)));

        Page forged = forgedPublish(writer, submitted);
        String path = Editor.publicPath(submitted);
        HtmlPage seenByAdmin = Editor.open(admin, id);
        assertAll(
            () ->
                assertTrue(
                    status(forged) == 403
                        || !messages(html(forged)).contains(text("editor.published")),
                    () -> "the forged publication was accepted: " + Visitor.text(forged)),
            () -> assertEquals(text("status.PENDING"), Editor.statusShown(seenByAdmin)),
            () -> assertEquals(404, status(new Visitor(server).get(path)), "public"));
      }
    }
  }

  /**
   * Sends the editor form as it is, plus the publish button that the page did not show, as a
   * hand-made request does.
   */
  private static Page forgedPublish(Visitor writer, HtmlPage editor) {
    HtmlForm form = editor.getHtmlElementById("editor");
    Map<String, String> fields = Console.sentFields(form);
    fields.put("editor:publish", text("editor.publish-now"));
    return writer.post(form.getActionAttribute(), fields, Map.of());
  }

  // --- Forged forms ------------------------------------------------------------------------------

  @ParameterizedTest(name = "view state {0}")
  @ValueSource(strings = {"absent", "forged"})
  void aSaveWithoutAValidViewStateIsRefusedWith403AndChangesNothing(
      String how, TribuneServer server) {
    try (Visitor admin = admin(server)) {
      String title = Editor.uniqueTitle("Intouchable");
      long id = Editor.create(admin, Map.of("title", title, "body", "Texte d'origine."));
      HtmlPage editor = Editor.open(admin, id);
      Map<String, String> fields = Console.sentFields(editor.getHtmlElementById("editor"));
      fields.put("editor:title", "Titre forgé");
      fields.put("editor:body", "Texte forgé.");
      fields.put("editor:save", text("editor.save"));
      if (how.equals("absent")) {
        fields.remove("jakarta.faces.ViewState");
      } else {
        fields.put("jakarta.faces.ViewState", "-4242424242424242424:4242424242424242424");
      }

      Page answer = admin.post("/admin/articles/edit?id=" + id, fields, Map.of());

      HtmlPage after = Editor.open(admin, id);
      assertAll(
          () -> assertEquals(403, status(answer), () -> Visitor.text(answer)),
          () -> assertTrue(Visitor.text(answer).contains(text("error.expired.title"))),
          () -> assertEquals(title, Editor.field(after, "title")),
          () -> assertEquals("Texte d'origine.", Editor.field(after, "body")),
          () -> assertEquals(List.of(1), Editor.revisions(after)));
    }
  }

  // --- Bad input ---------------------------------------------------------------------------------

  @Test
  void anOverlongTitleIsRefusedInFrenchAndEverythingTypedIsKept(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      String title = Editor.uniqueTitle("Titre d'origine");
      long id = Editor.create(admin, Map.of("title", title, "body", "Texte."));
      String overlong = "T".repeat(301);

      HtmlPage refused =
          Editor.pressForPage(
              admin,
              Editor.open(admin, id),
              Map.of("title", overlong, "body", "Texte retravaillé.", "standfirst", "Chapeau."),
              "save");

      assertAll(
          () ->
              assertEquals(text("editor.title.too-long", 300), Editor.fieldError(refused, "title")),
          () -> assertEquals(overlong, Editor.field(refused, "title")),
          () -> assertEquals("Texte retravaillé.", Editor.field(refused, "body")),
          () -> assertEquals("Chapeau.", Editor.field(refused, "standfirst")),
          () -> assertEquals(title, Editor.field(Editor.open(admin, id), "title"), "saved"));
    }
  }

  @Test
  void aSlugOfAnotherArticleIsRefusedInFrenchAndEverythingTypedIsKept(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      long first =
          Editor.create(admin, Map.of("title", Editor.uniqueTitle("Premier"), "body", "1"));
      String taken = Editor.field(Editor.open(admin, first), "slug");
      long second =
          Editor.create(admin, Map.of("title", Editor.uniqueTitle("Second"), "body", "2"));
      String own = Editor.field(Editor.open(admin, second), "slug");

      HtmlPage refused =
          Editor.pressForPage(
              admin,
              Editor.open(admin, second),
              Map.of("slug", taken, "body", "Deuxième texte, retouché."),
              "save");

      assertAll(
          () -> assertEquals(text("editor.slug.taken"), Editor.fieldError(refused, "slug")),
          () -> assertEquals(taken, Editor.field(refused, "slug")),
          () -> assertEquals("Deuxième texte, retouché.", Editor.field(refused, "body")),
          () -> assertEquals(own, Editor.field(Editor.open(admin, second), "slug"), "saved"));
    }
  }

  @ParameterizedTest(name = "slug \"{0}\"")
  @ValueSource(strings = {"a/b", "..", "../../etc/passwd", "deux mots", "été-2026", "名前", "-x-"})
  void aMalformedSlugIsRefusedInFrench(String slug, TribuneServer server) {
    try (Visitor admin = admin(server)) {
      HtmlPage refused =
          Editor.pressForPage(
              admin,
              admin.open("/admin/articles/edit"),
              Map.of("title", Editor.uniqueTitle("Adresse bizarre"), "slug", slug, "body", "x"),
              "save");

      assertAll(
          () -> assertEquals(text("editor.slug.invalid"), Editor.fieldError(refused, "slug")),
          () -> assertTrue(Editor.field(refused, "title").startsWith("Adresse bizarre")),
          () -> assertEquals("x", Editor.field(refused, "body")));
    }
  }

  @Test
  void aScheduleDateInThePastOrNotADateIsRefusedInFrenchAndNothingIsPublished(
      TribuneServer server) {
    try (Visitor admin = admin(server)) {
      long id =
          Editor.create(admin, Map.of("title", Editor.uniqueTitle("Pas hier"), "body", "Texte."));
      String yesterday = LOCAL_INPUT.format(LocalDateTime.now(SITE_ZONE).minusDays(1));

      HtmlPage past =
          Editor.pressForPage(
              admin,
              Editor.open(admin, id),
              Map.of("schedule", yesterday, "body", "Texte modifié."),
              "schedule-button");
      // A browser sends no value a datetime-local field cannot hold: a hand-made request does.
      HtmlPage form = Editor.open(admin, id);
      Map<String, String> fields = Console.sentFields(form.getHtmlElementById("editor"));
      fields.put("editor:schedule", "demain midi");
      fields.put("editor:schedule-button", text("editor.schedule"));
      HtmlPage invalid = html(admin.post("/admin/articles/edit?id=" + id, fields, Map.of()));

      HtmlPage after = Editor.open(admin, id);
      assertAll(
          () -> assertEquals(text("editor.schedule.past"), Editor.fieldError(past, "schedule")),
          () -> assertEquals(yesterday, Editor.field(past, "schedule")),
          () -> assertEquals("Texte modifié.", Editor.field(past, "body")),
          () ->
              assertEquals(text("editor.schedule.invalid"), Editor.fieldError(invalid, "schedule")),
          () -> assertEquals(text("status.DRAFT"), Editor.statusShown(after)),
          () -> assertEquals(404, status(admin.get(Editor.publicPath(after)))));
    }
  }

  @ParameterizedTest(name = "?id={0}")
  @ValueSource(strings = {"abc", "-1", "0", "99999999999", "99999999999999999999999", "1e3", "1.5"})
  void aTamperedArticleIdAnswers404(String id, TribuneServer server) {
    try (Visitor admin = admin(server)) {
      Page answer = admin.get("/admin/articles/edit?id=" + id);
      assertEquals(404, status(answer), () -> Visitor.text(answer));
    }
  }

  @Test
  void markupInEveryTextFieldIsShownAsTextInTheConsoleAndOnThePublicPage(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      String title = Editor.uniqueTitle(XSS);
      String standfirst = "Chapeau " + XSS;
      String alt = "Image " + XSS;
      String tag = "étiquette " + XSS.substring(0, 40).strip();
      long id =
          Editor.create(
              admin,
              Map.of(
                  "title", title,
                  "standfirst", standfirst,
                  "body", "Corps " + XSS,
                  "image", "https://example.org/image.png",
                  "image-alt", alt,
                  "tags", tag));
      HtmlPage published =
          admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "publish"));
      HtmlPage list = admin.open("/admin/articles");

      try (Visitor reader = new Visitor(server)) {
        HtmlPage article = reader.open(Editor.publicPath(published));
        assertAll(
            () -> assertEquals(text("editor.published"), messages(published)),
            () -> assertEquals(title, Editor.field(published, "title")),
            () -> assertEquals(standfirst, Editor.field(published, "standfirst")),
            () -> assertEquals(alt, Editor.field(published, "image-alt")),
            () -> assertEquals(List.of(tag), Editor.tags(published)),
            () -> assertTrue(linkTexts(list, "a[href*='edit?id=" + id + "']").contains(title)),
            () -> assertEquals(title, article.querySelector("main h1").getTextContent().strip()),
            () -> assertTrue(article.asNormalizedText().contains(standfirst), "standfirst"),
            () -> assertTrue(linkTexts(article, "a[href*='/tags/']").contains(tag), "tag"),
            () ->
                assertTrue(
                    article.querySelectorAll("img").stream()
                        .anyMatch(img -> alt.equals(((DomElement) img).getAttribute("alt"))),
                    "alt"),
            () -> assertNoLiveMarkup(published),
            () -> assertNoLiveMarkup(list),
            () -> assertNoLiveMarkup(article));
      }
    }
  }

  // --- Embeds ------------------------------------------------------------------------------------

  @Test
  void aPostLinkIsSavedAsACardFromTheProvidersAnswerFetchedOnceAndAVideoAsALinkBox(
      TribuneServer server, FakeOEmbedProvider provider) {
    long number = System.nanoTime();
    String post = provider.post(number);
    String video = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    try (Visitor admin = admin(server)) {
      long id =
          Editor.create(
              admin,
              Map.of(
                  "title",
                  Editor.uniqueTitle("Intégrations"),
                  "body",
                  "Avant.\n\n" + post + "\n\n" + video + "\n\nAprès."));
      HtmlPage saved =
          Editor.pressForPage(
              admin,
              Editor.open(admin, id),
              Map.of("body", "Autrement.\n\n" + post + "\n\n" + video),
              "save");
      HtmlPage published =
          admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "publish"));
      try (Visitor reader = new Visitor(server)) {
        HtmlPage article = reader.open(Editor.publicPath(published));
        DomNode card = article.querySelector(".article-body blockquote.embed-post");
        DomNode preview = saved.querySelector(".preview blockquote.embed-post");
        DomNode box = article.querySelector(".article-body figure.embed-video");
        assertAll(
            () -> assertNotNull(card, "no card"),
            () ->
                assertEquals(
                    "Message numéro " + number, card.querySelector("p").asNormalizedText()),
            () -> assertEquals("Alice Martin", card.querySelector("cite").asNormalizedText()),
            () ->
                assertEquals(
                    "Publication sur Mastodon", card.querySelector("a").asNormalizedText()),
            () -> assertNotNull(preview, "the editor's preview shows the card"),
            () -> assertEquals(List.of(post), provider.asked(), "fetched once, then kept"),
            () -> assertNotNull(box, "no video box"),
            () -> assertEquals(video, ((DomElement) box.querySelector("a")).getAttribute("href")),
            () ->
                assertEquals(
                    "Voir la vidéo sur YouTube", box.querySelector("a").asNormalizedText()),
            () -> assertTrue(article.querySelectorAll("iframe").isEmpty(), "an iframe"),
            () ->
                assertTrue(
                    article.querySelectorAll("script[src*='/embeds.']").size() == 1,
                    "the embeds' script"),
            () -> assertNoLiveMarkup(article));
      }
    }
  }

  // --- Helpers -----------------------------------------------------------------------------------

  /** An AUTHOR account linked to an author, and another author it is not. */
  record AuthorAccount(String email, long authorId, long otherAuthorId) {}

  /**
   * Creates, through {@code /admin/accounts}, an author's account signing as the first author of
   * the list; the second is the one it is not.
   */
  static AuthorAccount authorAccount(Visitor admin) {
    HtmlPage accounts = admin.open("/admin/accounts");
    HtmlSelect authors = accounts.getHtmlElementById("accounts:author");
    List<String> ids =
        authors.getOptions().stream()
            .map(HtmlOption::getValueAttribute)
            .filter(value -> !value.isEmpty())
            .toList();
    assertTrue(ids.size() >= 2, () -> "the demo site should have two authors: " + ids);
    String email = Console.uniqueEmail("auteur");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("accounts:email", email);
    fields.put("accounts:name", "Autrice de test");
    fields.put("accounts:role", "AUTHOR");
    fields.put("accounts:author", ids.get(0));
    fields.put("accounts:password", PASSWORD);
    HtmlPage created =
        html(admin.submit(accounts.getHtmlElementById("accounts"), fields, "accounts:save"));
    assertEquals(text("accounts.created", email), messages(created));
    return new AuthorAccount(email, Long.parseLong(ids.get(0)), Long.parseLong(ids.get(1)));
  }

  static Visitor signedInAuthor(TribuneServer server, AuthorAccount author) {
    Visitor writer = Console.visitor(server);
    Console.signedIn(writer, author.email(), PASSWORD);
    return writer;
  }

  private static List<String> lines(HtmlPage page, String css) {
    return page.querySelectorAll("pre.diff " + css).stream()
        .map(line -> line.getTextContent().replaceFirst("^[+−  ] ", "").strip())
        .toList();
  }

  private static List<String> linkTexts(HtmlPage page, String css) {
    return page.querySelectorAll(css).stream().map(link -> link.getTextContent().strip()).toList();
  }

  /** No script or event handler made of a payload: markup typed by staff stays text. */
  static void assertNoLiveMarkup(HtmlPage page) {
    for (DomNode script : page.querySelectorAll("script:not([type='application/ld+json'])")) {
      assertFalse(
          script.getTextContent().contains("alert("), () -> "live script: " + script.asXml());
    }
    assertTrue(
        page.querySelectorAll("[onerror]").isEmpty(),
        () -> "live handler: " + page.querySelector("[onerror]").asXml());
    assertNotEquals(500, status(page));
  }

  private static void assertNull(Object value, String what) {
    org.junit.jupiter.api.Assertions.assertNull(value, () -> "there is " + what);
  }
}
