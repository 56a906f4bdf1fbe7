package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Visitor.html;
import static org.tribune.web.it.Visitor.location;
import static org.tribune.web.it.Visitor.status;
import static org.tribune.web.it.Visitor.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.htmlunit.Page;
import org.htmlunit.html.DomAttr;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tribune.web.it.DemoArticles.DemoArticle;
import org.tribune.web.it.DiscussionServers.Moderated;

/**
 * « Signaler » without JavaScript, over HTTP on a real server (HtmlUnit, see {@link Visitor}): the
 * link under every published comment, the report form and its acknowledgement, each refusal with
 * its French message by its field and its status, the form token, hostile text, the rate limit, and
 * a comment hidden once three readers reported it, gone at once from the article page that the
 * cache keeps. The acknowledgement mail and the staff's mail arrive in the open server's {@link
 * Mailbox}; the audit log is read in the console.
 *
 * <p>Runs on the servers of {@link DiscussionServers} (no server of its own). The service counts
 * reports by address, so each reader here connects from an address of its own in 127.0.5.0/24
 * ({@link #reader}); the comments are written under the article that {@link DiscussionIT} shares
 * between its tests, and each test looks only at its own.
 */
@ExtendWith(DiscussionServers.class)
class ReportsIT {
  /** Open server: every test. */
  private static final DemoArticle ARTICLE = DemoArticles.named("comete.md");

  /** Moderated server: open for another few hours, a first comment there is held. */
  private static final DemoArticle MODERATED = DemoArticles.named("qualite-air.md");

  private static final String GOOD_FAITH =
      "Je déclare de bonne foi que les informations de ce signalement sont exactes et complètes.";
  private static final String NOT_FOUND =
      "Ce commentaire ne peut pas être signalé\u00a0: il n’est plus publié (retiré, en attente de"
          + " modération ou déjà masqué après des signalements).";
  private static final String ALREADY_REPORTED =
      "Vous avez déjà signalé ce commentaire. Votre signalement est en cours d’examen.";
  private static final String RATE_LIMITED =
      "Vous avez envoyé beaucoup de signalements en peu de temps. Patientez une heure avant de"
          + " recommencer.";
  private static final String EXPIRED =
      "Le formulaire a expiré ou n’a pas été envoyé depuis cette page. Votre texte est conservé\u00a0:"
          + " envoyez-le à nouveau.";
  private static final String CONFIRM =
      "Une dernière étape protège la discussion des envois automatiques\u00a0: vérifiez, puis"
          + " envoyez à nouveau. Votre texte est conservé.";
  private static final String RECEIVED = "Merci\u202f! Votre signalement a bien été reçu.";
  private static final String REVIEWED =
      "La rédaction va examiner ce commentaire au regard de la loi et de sa charte de modération.";
  private static final String MAILED =
      "Vous allez recevoir un accusé de réception par e-mail, puis la décision prise et ses motifs.";

  private static final AtomicInteger SERIAL = new AtomicInteger();

  /** The last byte pair of each reader's address: 127.0.5.1, 127.0.5.2… */
  private static final AtomicInteger ADDRESSES = new AtomicInteger(5 << 8);

  // --- The link and the form ---------------------------------------------------------------------

  @Test
  void aPublishedCommentHasAReportLinkToAFormThatNoCacheKeepsNorAnyEngineIndexes(
      TribuneServer server) {
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server)) {
      String path = author.articlePath(ARTICLE.title());
      String body = unique("La comète passera au plus près de nous jeudi soir");
      long id = author.postComment(path, comment("Bastien", body));

      HtmlPage article = openComment(reader, path, id);
      DomElement link = article.querySelector("#comment-" + id + " a.report-link");
      assertNotNull(link, "no « Signaler » under the comment");
      assertAll(
          () -> assertEquals(reportPath(path, id), link.getAttribute("href")),
          () -> assertEquals("Signaler le commentaire de Bastien", normalized(link)),
          () -> assertTrue(reader.cookie("tribune_visitor").isEmpty(), "the article set a cookie"));

      Page answer = reader.click((HtmlElement) link);
      assertEquals(200, status(answer), () -> text(answer));
      HtmlPage form = html(answer);
      List<String> reasons = new ArrayList<>();
      List<String> reasonLabels = new ArrayList<>();
      for (DomNode radio : form.querySelectorAll("#report-form input[name=reason]")) {
        String value = ((DomElement) radio).getAttribute("value");
        reasons.add(value);
        reasonLabels.add(normalized(form.querySelector("label[for=report-reason-" + value + "]")));
      }
      assertAll(
          () -> assertEquals("no-store", header(answer, "Cache-Control")),
          () ->
              assertEquals(
                  "noindex",
                  form.<DomElement>querySelector("meta[name=robots]").getAttribute("content")),
          () -> assertEquals("Signaler un commentaire", normalized(form.querySelector("h1"))),
          () ->
              assertEquals(
                  "Bastien", normalized(form.querySelector(".reported-comment .comment-author"))),
          () ->
              assertEquals(body, normalized(form.querySelector(".reported-comment .comment-body"))),
          () -> assertEquals(List.of("ILLICIT", "SPAM", "OFF_TOPIC", "OTHER"), reasons),
          () ->
              assertEquals(
                  List.of("Contenu illicite", "Spam ou publicité", "Hors sujet", "Autre raison"),
                  reasonLabels),
          () ->
              assertEquals(
                  8,
                  form.<HtmlSelect>querySelector("#report-category").getOptionSize(),
                  "the seven categories and « choose »"),
          () -> assertNotNull(form.querySelector("textarea#report-explanation")),
          () -> assertNotNull(form.querySelector("input#report-name")),
          () -> assertNotNull(form.querySelector("input#report-email[type=email]")),
          () ->
              assertEquals(
                  GOOD_FAITH, normalized(form.querySelector("label[for=report-good-faith]"))),
          () ->
              assertTrue(
                  normalized(form.querySelector("#report-explanation-hint"))
                      .matches(".*4[\u00a0\u202f ]000[\u00a0 ]caractères au plus\\."),
                  "the limit is not shown"),
          () ->
              assertTrue(
                  normalized(form.querySelector("#report-required"))
                      .contains("vous pouvez signaler anonymement"),
                  "the note on what is required"),
          () -> assertNotNull(form.querySelector(".trap input#report-url"), "no honeypot"),
          () ->
              assertTrue(
                  value(form, "input[name=form-token]").matches("\\d+\\.[0-9a-f]{64}"), "token"),
          () ->
              assertTrue(
                  reader.cookie("tribune_visitor").isPresent(), "no visitor cookie for the token"),
          () ->
              assertEquals(
                  path + "/comments/" + id,
                  form.<DomElement>querySelector(".report-back a").getAttribute("href"),
                  "back to the comment"));
    }
  }

  @Test
  void theFormLinksToTheModerationCharterOnceItIsPublished(TribuneServer server) {
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server);
        Visitor admin = Console.admin(server)) {
      String path = author.articlePath(ARTICLE.title());
      long id = author.postComment(path, comment("Yanis", unique("Un avis sur la comète")));
      DomElement charter =
          admin.open("/admin/pages").querySelectorAll("#legal-pages li a").stream()
              .map(DomElement.class::cast)
              .filter(a -> a.getTextContent().strip().startsWith("Charte de modération"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no Charte de modération among the pages"));
      long page = Editor.idIn(charter.getAttribute("href"));
      // Drafted on the first start; another test of the run may have published it already.
      HtmlPage editor = Editor.open(admin, page);
      if (editor.querySelector("[type=submit][name='editor:publish']") != null) {
        admin.follow(Editor.press(admin, editor, Map.of(), "publish"));
      }

      HtmlPage form = reader.open(reportPath(path, id));
      DomElement link = form.querySelector(".report-charter a");
      assertNotNull(link, "no link to the charter");
      assertAll(
          () -> assertEquals("/charte-de-moderation", link.getAttribute("href")),
          () -> assertEquals("Lire la charte de modération", normalized(link)),
          () -> assertEquals(200, status(reader.get(link.getAttribute("href")))));
    }
  }

  @Test
  void aSpamReportWithoutANameIsTakenAndAcknowledgedAndAudited(TribuneServer server) {
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server)) {
      String path = author.articlePath(ARTICLE.title());
      long id = author.postComment(path, comment("Maël", unique("Achetez vos lunettes ici")));

      HtmlPage form = reader.open(reportPath(path, id));
      Page sent = send(reader, form, Map.of("reason", "SPAM"));

      assertEquals(303, status(sent), () -> text(sent));
      assertEquals(reportPath(path, id) + "?sent", location(sent));
      Page acknowledgement = reader.get(location(sent));
      HtmlPage page = html(acknowledgement);
      assertAll(
          () -> assertEquals(200, status(acknowledgement)),
          () -> assertEquals("no-store", header(acknowledgement, "Cache-Control")),
          () -> assertEquals("Signalement envoyé", normalized(page.querySelector("h1"))),
          () -> assertEquals(List.of(RECEIVED, REVIEWED), paragraphs(page, ".report-sent p")),
          () -> assertNull(page.getElementById("report-form"), "the form again"));

      try (Visitor admin = Console.admin(server)) {
        List<List<String>> rows = Console.auditRows(admin, "comment " + id);
        assertTrue(
            rows.stream()
                .anyMatch(
                    row ->
                        row.contains(Console.text("audit.action.REPORT_RECEIVED"))
                            && row.contains(Console.text("audit.target.comment", "" + id))
                            && row.contains(Console.text("audit.visitor"))
                            && row.contains(
                                java.util.ResourceBundle.getBundle(
                                        "org.tribune.web.i18n.messages", java.util.Locale.ROOT)
                                    .getString("reports.reason.SPAM"))),
            () -> "no audit entry of the report: " + rows);
      }
    }
  }

  @Test
  void anIllicitReportIsAcknowledgedByMailAndTheStaffAreTold(
      TribuneServer server, Mailbox mailbox) {
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server)) {
      String path = author.articlePath(ARTICLE.title());
      long id = author.postComment(path, comment("Hugo", unique("Un propos qui vise quelqu’un")));
      String email = "signalement" + SERIAL.incrementAndGet() + "@example.org";
      String explanation = unique("Ce commentaire insulte une personne nommée");

      Page sent =
          send(
              reader,
              reader.open(reportPath(path, id)),
              illicit(
                  Map.of(
                      "category",
                      "INSULT_DEFAMATION",
                      "explanation",
                      explanation,
                      "name",
                      "Inès Garnier",
                      "email",
                      email)));

      assertEquals(303, status(sent), () -> text(sent));
      assertEquals(reportPath(path, id) + "?sent=mail", location(sent));
      HtmlPage page = reader.follow(sent);
      assertEquals(List.of(RECEIVED, REVIEWED, MAILED), paragraphs(page, ".report-sent p"));
      String acknowledgement =
          mailbox.await(email, "Votre signalement a bien été reçu", Duration.ofSeconds(30));
      String staff =
          mailbox.await(DiscussionServers.STAFF_MAIL, explanation, Duration.ofSeconds(30));
      assertAll(
          () -> assertTrue(acknowledgement.contains("Bonjour Inès Garnier"), acknowledgement),
          () -> assertTrue(staff.contains("Inès Garnier <" + email + ">"), staff),
          () -> assertTrue(staff.contains("injure ou diffamation"), staff));
    }
  }

  // --- Refusals ----------------------------------------------------------------------------------

  @Test
  void anIllicitReportWithoutWhatTheLawAsksGetsEachFrenchMessageByItsField(TribuneServer server) {
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server)) {
      String path = author.articlePath(ARTICLE.title());
      long id = author.postComment(path, comment("Jade", unique("Un avis tranché")));

      Page refused =
          postWithToken(
              reader,
              path,
              id,
              Map.of("reason", "ILLICIT", "category", "", "explanation", " \n ", "name", ""));

      assertEquals(400, status(refused), () -> text(refused));
      HtmlPage page = html(refused);
      assertAll(
          () -> assertEquals("", fieldError(page, "reason")),
          () ->
              assertEquals(
                  "Précisez de quel contenu illicite il s’agit.", fieldError(page, "category")),
          () ->
              assertEquals(
                  "Expliquez en quoi ce commentaire pose problème.",
                  fieldError(page, "explanation")),
          () ->
              assertEquals(
                  "Indiquez votre nom\u00a0: la loi le demande pour signaler un contenu illicite.",
                  fieldError(page, "name")),
          () ->
              assertEquals(
                  "Indiquez votre adresse e-mail\u00a0: la loi le demande pour signaler un contenu"
                      + " illicite, et vous recevrez la décision.",
                  fieldError(page, "email")),
          () ->
              assertEquals(
                  "Cochez la déclaration de bonne foi\u00a0: elle est exigée pour signaler un contenu"
                      + " illicite.",
                  fieldError(page, "good-faith")),
          () -> assertEquals("true", ariaInvalid(page, "category")),
          () -> assertEquals("true", ariaInvalid(page, "explanation")),
          () -> assertEquals("true", ariaInvalid(page, "name")),
          () -> assertEquals("true", ariaInvalid(page, "email")),
          () -> assertEquals("true", ariaInvalid(page, "good-faith")),
          () -> assertEquals("false", ariaInvalid(page, "reason-ILLICIT")),
          () -> assertTrue(checked(page, "report-reason-ILLICIT"), "the reason is lost"),
          () ->
              assertEquals(
                  5,
                  page.querySelectorAll(".form-errors a[href^='#report-']").size(),
                  "the summary above the form"),
          () ->
              assertTrue(
                  page.getElementById("report-name")
                      .getAttribute("aria-describedby")
                      .contains("report-name-error")),
          () -> assertInert(page, "illicit report refused"));

      String explanation = unique("Il accuse à tort un élu de détournement");
      Page second =
          postWithToken(
              reader,
              path,
              id,
              illicit(
                  Map.of(
                      "category", "INSULT_DEFAMATION",
                      "explanation", explanation,
                      "name", "Zoé Lambert",
                      "email", "pas-une-adresse")));

      assertEquals(400, status(second), () -> text(second));
      HtmlPage again = html(second);
      assertAll(
          () -> assertEquals("Cette adresse e-mail n’est pas valide.", fieldError(again, "email")),
          () -> assertEquals("", fieldError(again, "category")),
          () -> assertEquals("", fieldError(again, "name")),
          () -> assertEquals("", fieldError(again, "explanation")),
          () -> assertEquals("false", ariaInvalid(again, "name")),
          () -> assertEquals(explanation, value(again, "#report-explanation")),
          () -> assertEquals("Zoé Lambert", value(again, "#report-name")),
          () -> assertEquals("pas-une-adresse", value(again, "#report-email")),
          () -> assertEquals("", fieldError(again, "good-faith")),
          () -> assertTrue(checked(again, "report-good-faith"), "the statement is unticked"),
          () -> assertTrue(checked(again, "report-reason-ILLICIT")),
          () ->
              assertEquals(
                  "INSULT_DEFAMATION",
                  again.<HtmlSelect>querySelector("#report-category").getSelectedOptions().stream()
                      .map(HtmlOption::getValueAttribute)
                      .findFirst()
                      .orElse("")));
    }
  }

  @Test
  void noReasonOrAnotherReasonWithoutExplanationIsRefusedInFrench(TribuneServer server) {
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server)) {
      String path = author.articlePath(ARTICLE.title());
      long id = author.postComment(path, comment("Noé", unique("Rien à signaler")));

      Page none = postWithToken(reader, path, id, Map.of("explanation", "Je ne sais pas"));
      Page unknown = postWithToken(reader, path, id, Map.of("reason", "<b>AUTRE</b>"));
      Page other = postWithToken(reader, path, id, Map.of("reason", "OTHER", "explanation", ""));

      assertAll(
          () -> assertEquals(400, status(none)),
          () ->
              assertEquals(
                  "Choisissez la raison du signalement.", fieldError(html(none), "reason")),
          () -> assertEquals("Je ne sais pas", value(html(none), "#report-explanation")),
          () -> assertEquals(400, status(unknown)),
          () ->
              assertEquals(
                  "Choisissez la raison du signalement.", fieldError(html(unknown), "reason")),
          () -> assertEquals(400, status(other)),
          () ->
              assertEquals(
                  "Expliquez en quoi ce commentaire pose problème.",
                  fieldError(html(other), "explanation")),
          () -> assertEquals("", fieldError(html(other), "name"), "anonymous is fine"));
    }
  }

  @Test
  void theSameReaderReportingACommentAgainIsToldItIsUnderReview(TribuneServer server) {
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server)) {
      String path = author.articlePath(ARTICLE.title());
      long id = author.postComment(path, comment("Lina", unique("Hors sujet, mais")));

      Page first = postWithToken(reader, path, id, Map.of("reason", "OFF_TOPIC"));
      Page second = postWithToken(reader, path, id, Map.of("reason", "SPAM"));

      assertEquals(303, status(first), () -> text(first));
      assertEquals(409, status(second), () -> text(second));
      assertEquals(List.of(ALREADY_REPORTED), generalErrors(html(second)));
    }
  }

  @Test
  void aDeletedCommentOrOneOfAnotherArticleCannotBeReported(TribuneServer server) {
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server)) {
      String path = author.articlePath(ARTICLE.title());
      String otherPath = author.articlePath(DemoArticles.named("pistes-cyclables.md").title());
      long deleted = author.postComment(path, comment("Tom", unique("Je retire ce que j’ai dit")));
      long elsewhere = author.postComment(path, comment("Tom", unique("Sous la comète")));
      Page removed =
          author.post(
              path + "/comments/" + deleted + "/delete",
              Map.of("form-token", Visitor.formToken(author.open(path))),
              Map.of());
      assertEquals(303, status(removed), () -> text(removed));

      Page shown = reader.get(reportPath(path, deleted));
      Page sent = postWithToken(reader, path, deleted, Map.of("reason", "SPAM"));
      Page wrongArticle = postWithToken(reader, otherPath, elsewhere, Map.of("reason", "SPAM"));
      Page unknown = reader.get(reportPath(path, 999_999_999_999L));

      for (Page page : List.of(shown, sent, wrongArticle, unknown)) {
        assertEquals(404, status(page), () -> page.getUrl() + ": " + text(page));
        assertEquals(List.of(NOT_FOUND), generalErrors(html(page)), () -> page.getUrl().toString());
        assertNull(html(page).getElementById("report-form"), "a form for a comment not published");
      }
      assertEquals(
          303,
          status(postWithToken(reader, path, elsewhere, Map.of("reason", "SPAM"))),
          "the comment itself may be reported under its own article");
    }
  }

  @Test
  void aHeldCommentHasNoReportLinkAndCannotBeReported(@Moderated TribuneServer server) {
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server)) {
      String path = author.articlePath(MODERATED.title());
      long held = author.postComment(path, comment("Chloé", unique("Mon tout premier avis")));
      HtmlPage own = openComment(author, path, held);
      assertNotNull(own.getElementById("comment-" + held), "the author does not see it");
      assertNull(own.querySelector("#comment-" + held + " a.report-link"), "a link to report it");

      Page shown = reader.get(reportPath(path, held));
      Page sent = postWithToken(reader, path, held, Map.of("reason", "OFF_TOPIC"));

      assertAll(
          () -> assertEquals(404, status(shown)),
          () -> assertEquals(List.of(NOT_FOUND), generalErrors(html(shown))),
          () -> assertEquals(404, status(sent)),
          () -> assertEquals(List.of(NOT_FOUND), generalErrors(html(sent))));
    }
  }

  enum ForgedToken {
    NONE,
    EMPTY,
    ALTERED,
    ANOTHER_VISITORS
  }

  @ParameterizedTest
  @EnumSource(ForgedToken.class)
  void aReportWithoutItsPagesTokenIsRefusedAndNothingIsKept(
      ForgedToken forgery, TribuneServer server) {
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server);
        Visitor other = reader(server)) {
      String path = author.articlePath(ARTICLE.title());
      long id = author.postComment(path, comment("Rose", unique("Un commentaire anodin")));
      String own = value(reader.open(reportPath(path, id)), "input[name=form-token]");
      String token =
          switch (forgery) {
            case NONE -> null;
            case EMPTY -> "";
            case ALTERED -> own.substring(0, own.length() - 1) + (own.endsWith("0") ? "1" : "0");
            case ANOTHER_VISITORS ->
                value(other.open(reportPath(path, id)), "input[name=form-token]");
          };
      String explanation = unique("Une explication que je ne veux pas perdre");
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("reason", "OTHER");
      fields.put("explanation", explanation);
      if (token != null) {
        fields.put("form-token", token);
      }

      Page refused = reader.post(reportPath(path, id), fields, Map.of());

      assertEquals(403, status(refused), () -> forgery + ": " + text(refused));
      HtmlPage page = html(refused);
      String fresh = value(page, "input[name=form-token]");
      assertAll(
          () ->
              assertEquals(
                  List.of(
                      forgery == ForgedToken.NONE || forgery == ForgedToken.EMPTY
                          ? CONFIRM
                          : EXPIRED),
                  generalErrors(page)),
          () -> assertEquals(explanation, value(page, "#report-explanation"), "the text is lost"),
          () -> assertTrue(checked(page, "report-reason-OTHER")),
          () -> assertTrue(fresh.matches("\\d+\\.[0-9a-f]{64}"), "no token to send it again"));

      // Nothing was kept: the reader's report is not "already" there.
      fields.put("form-token", fresh);
      Page again = reader.post(reportPath(path, id), fields, Map.of());
      assertEquals(303, status(again), () -> forgery + ", sent again: " + text(again));
    }
  }

  // --- Hostile input and limits ------------------------------------------------------------------

  @Test
  void markupInTheCommentOrTheReportComesBackAsTextNeverAsMarkup(TribuneServer server) {
    String script = "<script>alert('signalement')</script>";
    String image = "\"><img src=x onerror=alert(1)>";
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server)) {
      String path = author.articlePath(ARTICLE.title());
      long id =
          author.postComment(
              path, comment("<b>Eve</b>", unique("Regardez " + script + " et " + image)));

      HtmlPage form = reader.open(reportPath(path, id));
      assertInert(form, "the report form");
      assertFalse(text(form).contains(script), "written raw: " + script);
      assertEquals(
          "<b>Eve</b>", normalized(form.querySelector(".reported-comment .comment-author")));

      String explanation = "</textarea>" + script + image;
      Page refused =
          postWithToken(
              reader,
              path,
              id,
              Map.of(
                  "reason",
                  "OTHER",
                  "explanation",
                  explanation,
                  "name",
                  image,
                  "email",
                  script + "@example.org"));

      assertEquals(400, status(refused), () -> text(refused));
      HtmlPage page = html(refused);
      String html = text(refused);
      assertAll(
          () -> assertEquals(explanation, value(page, "#report-explanation")),
          () -> assertEquals(image, value(page, "#report-name")),
          () -> assertFalse(html.contains(script), "written raw: " + script),
          () -> assertFalse(html.contains(image), "written raw: " + image),
          () -> assertInert(page, "the refused report"));
    }
  }

  @Test
  void aThousandQuickReportsFromOneAddressEndIn429WithoutAServerError(TribuneServer server) {
    int comments = 25;
    try (Visitor author = new Visitor(server);
        Visitor reader = reader(server)) {
      String path = author.articlePath(ARTICLE.title());
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < comments; i++) {
        ids.add(author.postComment(path, comment("Série " + i, unique("Commentaire en série"))));
      }
      String token = value(reader.open(reportPath(path, ids.get(0))), "input[name=form-token]");

      Map<Integer, Integer> statuses = new TreeMap<>();
      List<Integer> firstStatuses = new ArrayList<>();
      Map.Entry<Integer, String> last = null;
      for (int i = 0; i < 1000; i++) {
        last =
            reader.postQuickly(
                reportPath(path, ids.get(i % comments)),
                Map.of("form-token", token, "reason", "SPAM"));
        statuses.merge(last.getKey(), 1, Integer::sum);
        if (i < comments) {
          firstStatuses.add(last.getKey());
        }
      }

      Map.Entry<Integer, String> lastAnswer = last;
      int allowed = 20; // ReportService.REPORTS_PER_ADDRESS_PER_HOUR
      assertAll(
          () ->
              assertTrue(
                  Set.of(303, 409, 429).containsAll(statuses.keySet()),
                  () -> "statuses other than 303/409/429: " + statuses),
          () -> assertEquals(allowed, statuses.getOrDefault(303, 0), () -> "taken: " + statuses),
          () ->
              assertEquals(
                  List.of(303, 303, 303, 303, 303),
                  firstStatuses.subList(0, 5),
                  () -> "first answers " + firstStatuses),
          () -> assertEquals(429, firstStatuses.get(comments - 1), () -> "" + firstStatuses),
          () -> assertEquals(429, lastAnswer.getKey()),
          () -> assertTrue(lastAnswer.getValue().contains(RATE_LIMITED), "no French message"));
    }
  }

  @Test
  void aCommentReportedByThreeReadersIsHiddenAtOnceFromTheKeptArticlePage(TribuneServer server) {
    try (Visitor author = new Visitor(server);
        Visitor anonymous = new Visitor(server)) {
      String path = author.articlePath(ARTICLE.title());
      long id = author.postComment(path, comment("Paul", unique("Publicité déguisée")));
      // The newest thread, on the first page: the page every anonymous reader shares (kept).
      assertNotNull(anonymous.open(path).getElementById("comment-" + id), "not shown at first");

      for (int i = 0; i < 3; i++) {
        try (Visitor reader = reader(server)) {
          Page sent = postWithToken(reader, path, id, Map.of("reason", "SPAM"));
          assertEquals(303, status(sent), () -> text(sent));
        }
      }

      anonymous.clearCookies();
      HtmlPage after = anonymous.open(path);
      assertNull(after.getElementById("comment-" + id), "still on the article page");
      Page permalink = anonymous.get(path + "/comments/" + id);
      assertEquals(404, status(permalink), "a permalink to a hidden comment");
      Page form = anonymous.get(reportPath(path, id));
      assertEquals(404, status(form));
      assertEquals(List.of(NOT_FOUND), generalErrors(html(form)));

      try (Visitor admin = Console.admin(server)) {
        List<List<String>> rows = Console.auditRows(admin, "comment " + id);
        String received = Console.text("audit.action.REPORT_RECEIVED");
        String hidden = Console.text("audit.action.COMMENT_HIDDEN_BY_REPORTS");
        assertAll(
            () ->
                assertEquals(
                    3,
                    rows.stream().filter(row -> row.contains(received)).count(),
                    () -> "audit: " + rows),
            () ->
                assertEquals(
                    1,
                    rows.stream().filter(row -> row.contains(hidden)).count(),
                    () -> "audit: " + rows));
      }
    }
  }

  // --- Helpers -----------------------------------------------------------------------------------

  /** A reader whose connections come from an address no other reader of the run uses. */
  private static Visitor reader(TribuneServer server) {
    int next = ADDRESSES.incrementAndGet();
    return Visitor.from(server, "127.0." + (next >> 8) + "." + (next & 0xff));
  }

  private static String unique(String text) {
    return text + " (signalement n° " + SERIAL.incrementAndGet() + ")";
  }

  private static Map<String, String> comment(String name, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("email", "commentateur" + SERIAL.incrementAndGet() + "@example.org");
    fields.put("body", body);
    return fields;
  }

  /** The fields of an illicit-content report with the good-faith box ticked, plus these. */
  private static Map<String, String> illicit(Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("reason", "ILLICIT");
    all.put("good-faith", "on");
    all.putAll(fields);
    return all;
  }

  private static String reportPath(String articlePath, long id) {
    return articlePath + "/comments/" + id + "/report";
  }

  /** The page holding a comment, through its permalink. */
  private static HtmlPage openComment(Visitor visitor, String path, long id) {
    Page permalink = visitor.get(path + "/comments/" + id);
    assertEquals(302, status(permalink), () -> "no permalink for comment " + id);
    return visitor.follow(permalink);
  }

  /**
   * Fills the report form of a page as a reader does (a radio button for the reason, a box for the
   * statement) and presses its button.
   */
  private static Page send(Visitor reader, HtmlPage page, Map<String, String> fields) {
    HtmlForm form = page.getHtmlElementById("report-form");
    Map<String, String> rest = new LinkedHashMap<>(fields);
    String reason = rest.remove("reason");
    if (reason != null) {
      for (HtmlRadioButtonInput radio : form.getRadioButtonsByName("reason")) {
        radio.setChecked(radio.getValueAttribute().equals(reason));
      }
    }
    return reader.submit(form, rest);
  }

  /** POSTs fields with the token of the report form, as a client that does not fill the form. */
  private static Page postWithToken(
      Visitor reader, String path, long id, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("form-token", tokenFor(reader, path, id));
    return reader.post(reportPath(path, id), all, Map.of());
  }

  /**
   * A form token of this reader for the article: from the report form when the comment may be
   * reported, else from the article's token address, as the discussion's script asks for it.
   */
  private static String tokenFor(Visitor reader, String path, long id) {
    Page form = reader.get(reportPath(path, id));
    if (status(form) == 200) {
      return value(html(form), "input[name=form-token]");
    }
    return Visitor.formToken(reader.open(path));
  }

  private static String header(Page page, String name) {
    String value = page.getWebResponse().getResponseHeaderValue(name);
    return value == null ? "" : value;
  }

  private static String normalized(DomNode node) {
    assertNotNull(node, "no such element");
    return node.getTextContent().replaceAll("[ \\t\\n\\r]+", " ").strip();
  }

  private static List<String> paragraphs(HtmlPage page, String css) {
    return page.querySelectorAll(css).stream().map(ReportsIT::normalized).toList();
  }

  private static String value(HtmlPage page, String css) {
    DomElement field = page.querySelector(css);
    assertNotNull(field, () -> "no " + css + " on " + page.getUrl());
    return field instanceof HtmlTextArea area ? area.getText() : ((HtmlInput) field).getValue();
  }

  private static boolean checked(HtmlPage page, String id) {
    return page.getElementById(id).hasAttribute("checked");
  }

  private static String fieldError(HtmlPage page, String field) {
    DomElement error = page.getElementById("report-" + field + "-error");
    assertNotNull(error, () -> "no error slot for " + field);
    return normalized(error);
  }

  private static String ariaInvalid(HtmlPage page, String field) {
    return page.getElementById("report-" + field).getAttribute("aria-invalid");
  }

  /** The messages above the form that concern no field. */
  private static List<String> generalErrors(HtmlPage page) {
    return page.querySelectorAll(".report-page .form-errors li").stream()
        .filter(li -> ((DomElement) li).querySelector("a") == null)
        .map(ReportsIT::normalized)
        .toList();
  }

  /** Nothing on the page can run: no handler attribute, no script, no script address. */
  private static void assertInert(HtmlPage page, String context) {
    List<String> problems = new ArrayList<>();
    for (DomElement element : page.getDocumentElement().getDomElementDescendants()) {
      for (DomAttr attribute : element.getAttributesMap().values()) {
        String name = attribute.getName().toLowerCase(Locale.ROOT);
        String value = attribute.getValue().replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("on") || value.startsWith("javascript:")) {
          problems.add("<" + element.getTagName() + " " + name + "=…>");
        }
      }
      if (element.getTagName().equalsIgnoreCase("script")
          && !element.getAttribute("type").equals("application/ld+json")) {
        problems.add("a script: " + element.asXml());
      }
      if (element.getTagName().equalsIgnoreCase("img") && element.getAttribute("src").equals("x")) {
        problems.add("an image from the text: " + element.asXml());
      }
    }
    assertTrue(problems.isEmpty(), () -> context + ": live markup\n" + String.join("\n", problems));
  }
}
