package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.htmlunit.BrowserVersion;
import org.htmlunit.FormEncodingType;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlSubmitInput;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.util.NameValuePair;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tribune.web.it.Chromium;
import org.tribune.web.it.Console;

/**
 * The console's « Signalements » over HTTP without JavaScript (HtmlUnit) and in Chromium: the queue
 * shows each report and the reported text as escaped plain text, a moderator's decision changes the
 * comment and closes its reports (audited), a refused decision keeps what was typed, a forged one
 * (no view state, a wrong nonce, an author's) changes nothing, the threshold is an administrator's
 * and refuses what is out of range in French, the transparency CSV counts what was reported and
 * decided, and the pages pass axe-core at desktop and phone width (1 280 and 390 px) without
 * sideways scrolling.
 *
 * <p>Readers' reports cannot be written over HTTP without the public report form, so {@link
 * ReportSeeding}, deployed with this test only, writes them through the services (as {@code XssIT}
 * has its articles written); everything else goes through the console's pages and forms. Every test
 * seeds its own comments and staff accounts; figures the whole database shares (the CSV's) are
 * compared before and after.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsConsoleIT {
  private static final String PASSWORD = "Une phrase de passe des signalements";
  private static final String XSS = "<script>window.pwned=1</script><img src=x onerror=alert(1)>";
  private static final ResourceBundle CONSOLE =
      ResourceBundle.getBundle("org.tribune.web.i18n.console", Locale.ROOT);
  private static final ResourceBundle PUBLIC =
      ResourceBundle.getBundle("org.tribune.web.i18n.messages", Locale.ROOT);
  private static final ZoneId SITE_ZONE = ZoneId.of("Europe/Paris");

  /**
   * The count columns of the CSV, which the page's rows list in the same order before the times:
   * reports, 4 reasons, 7 categories, decisions, 3 outcomes.
   */
  private static final int COUNT_COLUMNS = 1 + 4 + 7 + 1 + 3;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("tribune.it.war")))
        // The whole package, as every deployment of this package: arquillian.xml has the pool
        // report to StatementCounter, without which the database does not start.
        .addPackage(ReportsConsoleIT.class.getPackage());
  }

  @ArquillianResource URL deployed;

  private final HttpClient http = HttpClient.newHttpClient();
  private Map<String, String> staff;

  @BeforeEach
  void accounts() {
    staff = seed("accounts", Map.of("password", PASSWORD));
  }

  // --- The queue ---------------------------------------------------------------------------------

  @Test
  void theQueueShowsEachReportAndTheReportedTextAsEscapedPlainText() {
    String reported = "Premier jet du commentaire.\n" + XSS + "\nFin.";
    String edited = "Texte corrigé depuis, sans rien de méchant.";
    long id = comment(Map.of("body", reported, "reports", "SPAM,ILLICIT:HATE", "edited", edited));

    try (WebClient moderator = signedIn(staff.get("MODERATOR"))) {
      DomElement card = card(moderator, id);
      List<String> reasons = texts(card, ".report-reasons li");
      DomElement illicit = (DomElement) card.querySelector("li.report-illicit");
      assertNotNull(illicit, "no illicit report in the card");
      DomElement spam =
          (DomElement)
              card.querySelectorAll("ol.report-list > li").stream()
                  .filter(li -> !((DomElement) li).getAttribute("class").contains("illicit"))
                  .findFirst()
                  .orElseThrow();
      assertAll(
          () ->
              assertEquals(
                  List.of(
                      label("reports.reason.ILLICIT") + " : 1",
                      label("reports.reason.SPAM") + " : 1"),
                  reasons,
                  "counts by reason, illicit first"),
          () -> assertTrue(card.getAttribute("class").contains("report-illicit"), "not marked"),
          () ->
              assertTrue(
                  card.asNormalizedText().contains(shown("reports.card.open", 2)),
                  card::asNormalizedText),
          () -> assertEquals(edited, text(card, ".current-text")),
          () ->
              assertEquals(
                  List.of(reported, reported),
                  card.querySelectorAll(".reported-text").stream()
                      .map(DomNode::getTextContent)
                      .toList()),
          () ->
              assertEquals(
                  ReportSeeding.EXPLANATION, text(illicit, ".report-explanation"), "explanation"),
          () ->
              assertTrue(
                  text(illicit, ".report-reporter")
                      .matches("Claire Signaleuse \\d+ <signaleuse-\\d+@example.org>"),
                  () -> text(illicit, ".report-reporter")),
          () -> assertTrue(illicit.asNormalizedText().contains(label("reports.category.HATE"))),
          () -> assertEquals(con("reports.report.anonymous"), text(spam, ".report-reporter")),
          () -> assertTrue(card.querySelectorAll("script, img, em").isEmpty(), "live markup"),
          () -> assertTrue(card.asNormalizedText().contains(XSS), "the markup is not shown"));
    }
  }

  @Test
  void anUnchangedCommentShowsItsTextOnceAndTheArticleLinksToIt() {
    String body = "Un avis tranché\nsur deux lignes.";
    Map<String, String> seeded = seed("comment", Map.of("body", body, "reports", "OFF_TOPIC"));
    long id = Long.parseLong(seeded.get("comment"));
    try (WebClient moderator = signedIn(staff.get("MODERATOR"))) {
      DomElement card = card(moderator, id);
      DomElement link = (DomElement) card.querySelector(".report-facts a");
      assertAll(
          () -> assertEquals(body, text(card, ".current-text")),
          () -> assertTrue(card.querySelectorAll(".reported-text").isEmpty(), "shown twice"),
          () ->
              assertTrue(
                  card.asNormalizedText().contains(shown("reports.report.same-text")),
                  card::asNormalizedText),
          () ->
              assertEquals(
                  "/articles/" + seeded.get("slug") + "#comment-" + id,
                  URI.create(link.getAttribute("href")).getPath()
                      + "#"
                      + URI.create(link.getAttribute("href")).getFragment()));
    }
  }

  // --- Decisions ---------------------------------------------------------------------------------

  @Test
  void aModeratorsDecisionRemovesTheCommentClosesItsReportsAndIsAudited() {
    long id = comment(Map.of("body", "À retirer.", "reports", "ILLICIT:INSULT_DEFAMATION,SPAM"));
    try (WebClient moderator = signedIn(staff.get("MODERATOR"))) {
      HtmlPage after = decide(moderator, id, "REMOVE", "INSULT_DEFAMATION", "Propos injurieux.");

      Map<String, String> state = state(id);
      assertAll(
          () ->
              assertEquals(
                  shown(
                      "reports.decided",
                      id,
                      label("reports.outcome.REMOVE"),
                      label("reports.rule.INSULT_DEFAMATION")),
                  messages(after),
                  () -> "refused: " + problems(after, id)),
          () -> assertNull(after.getElementById("report-" + id), "still in the queue"),
          () -> assertEquals("TRASH", state.get("status")),
          () -> assertEquals("0", state.get("open")),
          () -> assertEquals("1", state.get("decisions")));
    }
    try (WebClient admin = signedIn(staff.get("ADMIN"))) {
      String log = audit(admin, "comment " + id);
      assertTrue(log.contains(con("audit.action.REPORT_DECIDED")), () -> "no entry: " + log);
      assertTrue(
          log.contains(
              flat(
                  conFormat(
                      "audit.detail.decision",
                      label("reports.outcome.REMOVE"),
                      label("reports.rule.INSULT_DEFAMATION")))),
          () -> "what was decided: " + log);
    }
  }

  @Test
  void aRemovalWithASevenDaySuspensionIsTakenAndAuditedWithItsDuration() {
    long id = comment(Map.of("body", "Récidive.", "reports", "ILLICIT:HARASSMENT"));
    try (WebClient moderator = signedIn(staff.get("MODERATOR"))) {
      DomElement card = card(moderator, id);
      ((HtmlSelect) field(card, "suspension")).setSelectedAttribute("P7D", true);
      ((HtmlSelect) field(card, "outcome")).setSelectedAttribute("REMOVE_AND_SUSPEND", true);
      ((HtmlSelect) field(card, "rule")).setSelectedAttribute("HARASSMENT_PRIVACY", true);
      HtmlPage after = click(card.querySelector("input[type=submit]"));
      assertEquals(
          shown(
              "reports.decided",
              id,
              label("reports.outcome.REMOVE_AND_SUSPEND"),
              label("reports.rule.HARASSMENT_PRIVACY")),
          messages(after),
          () -> "refused: " + problems(after, id));
      assertEquals("TRASH", state(id).get("status"));
    }
    try (WebClient admin = signedIn(staff.get("ADMIN"))) {
      String log = audit(admin, "comment " + id);
      assertTrue(
          log.contains(
              flat(
                  conFormat(
                      "audit.detail.decision-suspension",
                      label("reports.outcome.REMOVE_AND_SUSPEND"),
                      label("reports.rule.HARASSMENT_PRIVACY"),
                      con("reports.suspension.P7D")))),
          log);
    }
  }

  @Test
  void aKeptCommentReportedAgainListsItsDecisionWithTheStatementAsText() {
    Map<String, String> seeded = seed("comment", Map.of("body", "À garder.", "reports", "SPAM"));
    long id = Long.parseLong(seeded.get("comment"));
    String statement = "Rien à redire.\n" + XSS + "\n<b>gras</b>";
    try (WebClient moderator = signedIn(staff.get("MODERATOR"))) {
      decide(moderator, id, "KEEP", "NO_BREACH", statement);
      assertEquals("APPROVED", state(id).get("status"));
      seed(
          "report",
          Map.of(
              "comment", Long.toString(id), "article", seeded.get("article"), "reason", "OTHER"));

      DomElement card = card(moderator, id);
      assertAll(
          () -> assertEquals(statement, text(card, ".decision-statement")),
          () ->
              assertTrue(
                  card.querySelector(".report-decisions")
                      .asNormalizedText()
                      .contains(label("reports.outcome.KEEP")),
                  "the decision's outcome"),
          () -> assertTrue(card.querySelectorAll("script, img, b").isEmpty(), "live markup"),
          () -> assertEquals(1, card.querySelectorAll(".report-closed").size(), "closed report"),
          () -> assertTrue(card.asNormalizedText().contains(shown("reports.card.open", 1))));
    }
  }

  @Test
  void aRuleThatDoesNotMatchIsRefusedNextToItsFieldAndWhatWasTypedIsKept() {
    long id = comment(Map.of("body", "Contesté.", "reports", "SPAM"));
    String statement = "Une explication que l’on ne veut pas retaper.";
    try (WebClient moderator = signedIn(staff.get("MODERATOR"))) {
      HtmlPage refused = decide(moderator, id, "KEEP", "ADVERTISING", statement);

      DomElement card = refused.getElementById("report-" + id);
      assertNotNull(card, "the card is gone");
      DomElement form = card;
      assertAll(
          () ->
              assertEquals(
                  label("reports.error.rule-mismatch"),
                  text(card, "#decision-" + id + "-rule-error")),
          () -> assertEquals(shown("reports.decide.refused", id), messages(refused)),
          () -> assertEquals("true", field(form, "rule").getAttribute("aria-invalid")),
          () -> assertEquals("KEEP", selected(form, "outcome")),
          () -> assertEquals("ADVERTISING", selected(form, "rule")),
          () -> assertEquals(statement, ((HtmlTextArea) field(form, "statement")).getText()),
          () -> assertEquals("1", state(id).get("open")),
          () -> assertEquals("APPROVED", state(id).get("status")));

      HtmlPage noOutcome = decide(moderator, id, "", "NO_BREACH", "");
      assertEquals(
          con("reports.decide.outcome-required"),
          text(noOutcome.getElementById("report-" + id), "#decision-" + id + "-outcome-error"));
    }
  }

  /**
   * A decision sent without the form's view state, with a forged one, with another script nonce, or
   * by an author (who may not moderate) is refused with 403, and the comment keeps its open
   * reports.
   */
  @ParameterizedTest
  @ValueSource(strings = {"no view state", "forged view state", "another nonce", "author"})
  void aForgedDecisionIsRefusedAndChangesNothing(String how) {
    long id = comment(Map.of("body", "Intouchable.", "reports", "SPAM"));
    try (WebClient moderator = signedIn(staff.get("MODERATOR"));
        WebClient author = signedIn(staff.get("AUTHOR"))) {
      DomElement card = card(moderator, id);
      HtmlForm form = queue(card);
      Map<String, String> fields = fields(form);
      fields.put(field(card, "outcome").getAttribute("name"), "REMOVE_AND_SUSPEND");
      fields.put(field(card, "rule").getAttribute("name"), "HATE");
      HtmlSubmitInput button = card.querySelector("input[type=submit]");
      fields.put(button.getNameAttribute(), button.getValueAttribute());
      WebClient sender = moderator;
      switch (how) {
        case "no view state" -> fields.remove("jakarta.faces.ViewState");
        case "forged view state" ->
            fields.put("jakarta.faces.ViewState", "-4242424242424242424:4242424242424242424");
        case "another nonce" -> fields.put("primefaces.nonce", "bm90LXRoZS12aWV3cy1ub25jZQ==");
        case "author" -> sender = author;
        default -> throw new IllegalArgumentException(how);
      }

      Page answer = post(sender, form.getActionAttribute(), fields);

      Map<String, String> state = state(id);
      assertAll(
          () -> assertEquals(403, answer.getWebResponse().getStatusCode(), how),
          () -> assertEquals("APPROVED", state.get("status")),
          () -> assertEquals("1", state.get("open")),
          () -> assertEquals("0", state.get("decisions")));
    }
  }

  @Test
  void anAuthorMayNotOpenTheReportsNorTheirFigures() {
    try (WebClient author = signedIn(staff.get("AUTHOR"))) {
      for (String path :
          List.of(
              "/admin/reports", "/admin/reports/transparency", "/admin/reports/transparency.csv")) {
        assertEquals(403, get(author, path).getWebResponse().getStatusCode(), path);
      }
      assertTrue(
          admin("/admin/dashboard", author).querySelectorAll("a[href$='/admin/reports']").isEmpty(),
          "the menu offers the reports to an author");
    }
  }

  // --- The threshold -----------------------------------------------------------------------------

  @Test
  void theThresholdIsAnAdministratorsAndRefusesWhatIsOutOfRangeInFrench() {
    try (WebClient admin = signedIn(staff.get("ADMIN"));
        WebClient moderator = signedIn(staff.get("MODERATOR"))) {
      String before =
          state(comment(Map.of("body", "Pour lire le réglage.", "reports", "SPAM")))
              .get("hide-after");
      try {
        for (String wrong : List.of("0", "101", "trois")) {
          HtmlPage refused = threshold(admin, wrong);
          assertEquals(
              con("reports.threshold.range"),
              text(refused.getElementById("threshold"), ".field-error"),
              wrong);
        }
        String unchanged =
            state(comment(Map.of("body", "Réglage inchangé.", "reports", "SPAM")))
                .get("hide-after");
        HtmlPage saved = threshold(admin, "7");
        HtmlPage seenByModerator = admin("/admin/reports", moderator);
        assertAll(
            () -> assertEquals(before, unchanged, "a wrong value was saved"),
            () -> assertEquals(shown("reports.threshold.saved", 7), messages(saved)),
            () ->
                assertEquals(
                    "7",
                    state(comment(Map.of("body", "Réglé.", "reports", "SPAM"))).get("hide-after")),
            () -> assertNull(seenByModerator.getElementById("threshold"), "a moderator's form"),
            () ->
                assertTrue(
                    seenByModerator
                        .asNormalizedText()
                        .contains(shown("reports.threshold.current", 7)),
                    "the moderator is not told the threshold"),
            () ->
                assertTrue(
                    audit(admin, "reports.hide-after").contains(before + " → 7"), "not audited"));
      } finally {
        seed("forget-hide-after", Map.of());
      }
    }
  }

  // --- Transparency ------------------------------------------------------------------------------

  @Test
  void theCsvCountsWhatWasReportedAndDecidedThisMonthAndThePageShowsTheSame() {
    try (WebClient moderator = signedIn(staff.get("MODERATOR"))) {
      YearMonth month = YearMonth.now(SITE_ZONE);
      String query = "?from=" + month + "&to=" + month;
      List<List<String>> before = csv(moderator, query);

      long removed = comment(Map.of("body", "Un.", "reports", "ILLICIT:TERRORISM,SPAM"));
      comment(Map.of("body", "Deux.", "reports", "OFF_TOPIC"));
      HtmlPage decided = decide(moderator, removed, "REMOVE", "HATE", "");
      assertEquals(
          shown(
              "reports.decided",
              removed,
              label("reports.outcome.REMOVE"),
              label("reports.rule.HATE")),
          messages(decided),
          () -> "refused: " + problems(decided, removed));

      Page download = get(moderator, "/admin/reports/transparency.csv" + query);
      byte[] bytes = bytes(download);
      List<List<String>> after = csv(bytes);
      List<String> header = after.get(0);
      Map<String, Long> delta = new HashMap<>();
      for (int i = 1; i < header.size() - 2; i++) {
        delta.put(
            header.get(i),
            Long.parseLong(after.get(1).get(i)) - Long.parseLong(before.get(1).get(i)));
      }
      String illicit = label("reports.reason.ILLICIT");
      HtmlPage page = admin("/admin/reports/transparency" + query, moderator);
      List<String> monthColumn =
          page.querySelectorAll("#transparency tbody tr:not(.group) td:nth-of-type(1)").stream()
              .map(DomNode::getTextContent)
              .map(String::strip)
              .toList();
      assertAll(
          () -> assertEquals(200, download.getWebResponse().getStatusCode()),
          () ->
              assertTrue(
                  download.getWebResponse().getContentType().startsWith("text/csv"),
                  download.getWebResponse().getContentType()),
          () ->
              assertTrue(
                  download
                      .getWebResponse()
                      .getResponseHeaderValue("Content-Disposition")
                      .contains("attachment"),
                  "not a download"),
          () ->
              assertEquals(
                  List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF),
                  List.of(bytes[0], bytes[1], bytes[2]),
                  "no UTF-8 byte order mark"),
          () -> assertEquals(3, after.size(), "header, the month, the total"),
          () -> assertEquals(con("transparency.csv.month"), header.get(0).replace("\uFEFF", "")),
          () -> assertEquals(month.toString(), after.get(1).get(0)),
          () -> assertEquals(con("transparency.total"), after.get(2).get(0)),
          () ->
              assertEquals(
                  after.get(1).subList(1, header.size()),
                  after.get(2).subList(1, header.size()),
                  "one month: the total"),
          () -> assertEquals(3L, delta.get(con("transparency.reports")), delta::toString),
          () -> assertEquals(1L, delta.get(illicit), delta::toString),
          () -> assertEquals(1L, delta.get(label("reports.reason.SPAM")), delta::toString),
          () -> assertEquals(1L, delta.get(label("reports.reason.OFF_TOPIC")), delta::toString),
          () ->
              assertEquals(
                  1L,
                  delta.get(illicit + " – " + label("reports.category.TERRORISM")),
                  delta::toString),
          () -> assertEquals(1L, delta.get(con("transparency.decisions")), delta::toString),
          () -> assertEquals(1L, delta.get(label("reports.outcome.REMOVE")), delta::toString),
          () -> assertNotEquals("", after.get(1).get(header.size() - 2), "no median"),
          () ->
              assertEquals(
                  after.get(1).subList(1, 1 + COUNT_COLUMNS),
                  monthColumn.subList(0, COUNT_COLUMNS),
                  "the page's counts are not the CSV's"));
    }
  }

  @Test
  void aWrongPeriodIsRefusedInFrenchAndTheLastTwelveMonthsAreShown() {
    try (WebClient moderator = signedIn(staff.get("MODERATOR"))) {
      HtmlPage page = admin("/admin/reports/transparency?from=2026-13&to=%3Cb%3E", moderator);
      assertAll(
          () -> assertEquals(200, page.getWebResponse().getStatusCode()),
          () -> assertEquals(shown("transparency.period.invalid", 36), messages(page)),
          () ->
              assertEquals(14, page.querySelectorAll("#transparency thead th").size(), "12 months"),
          () ->
              assertEquals(
                  YearMonth.now(SITE_ZONE).toString(),
                  ((HtmlInput) page.getElementById("period-to")).getValue()));
    }
  }

  @Test
  void theDashboardLinksToTheWaitingReportsWithTheMedianTimeToDecision() {
    long id = comment(Map.of("body", "Pour le tableau de bord.", "reports", "SPAM"));
    try (WebClient moderator = signedIn(staff.get("MODERATOR"))) {
      decide(
          moderator,
          comment(Map.of("body", "Décidé.", "reports", "SPAM")),
          "KEEP",
          "NO_BREACH",
          "");
      HtmlPage dashboard = admin("/admin/dashboard", moderator);
      long waiting =
          Long.parseLong(
              admin("/admin/reports", moderator)
                  .getElementById("reports-total")
                  .getTextContent()
                  .replaceAll("\\D+", ""));
      DomElement link = dashboard.getElementById("reports-waiting");
      assertAll(
          () -> assertTrue(waiting >= 1, "nothing waits though comment " + id + " does"),
          () ->
              assertEquals(
                  shown("dashboard.reports.waiting", waiting), link.getTextContent().strip()),
          () -> assertTrue(link.getAttribute("href").endsWith("/admin/reports")),
          () ->
              assertTrue(
                  dashboard
                      .getElementById("reports-median")
                      .getTextContent()
                      .strip()
                      .replace('\u00a0', ' ')
                      .startsWith(con("dashboard.reports.median").replace(" : {0}", " : ")),
                  () -> dashboard.getElementById("reports-median").getTextContent()),
          () ->
              assertEquals(
                  Long.toString(waiting),
                  dashboard
                      .querySelector("header nav a[href$='/admin/reports'] .badge")
                      .getTextContent()
                      .strip(),
                  "the menu's badge"));
    }
  }

  // --- In a browser ------------------------------------------------------------------------------

  @Test
  void theReportsPagesPassWcagAaOnDesktopAndPhoneWithoutSidewaysScrolling() {
    Chromium.requireInstalled();
    long id =
        comment(
            Map.of(
                "body",
                "Un commentaire très long sans espace: " + "x".repeat(300) + "\n" + XSS,
                "reports",
                "ILLICIT:PRIVACY,SPAM,OTHER",
                "edited",
                "Corrigé."));
    try (Chromium chromium = Chromium.start()) {
      ChromeDriver driver = chromium.driver();
      driver.get(local("/admin/login").toString());
      driver.findElement(By.id("login:email")).sendKeys(staff.get("MODERATOR"));
      driver.findElement(By.id("login:password")).sendKeys(PASSWORD);
      driver.findElement(By.id("login:submit")).click();
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(d -> d.getCurrentUrl().contains("/admin/dashboard"));
      List<Executable> checks = new ArrayList<>();
      String page = "/admin/reports";
      for (int n = 1; n <= 20; n++) {
        driver.get(local("/admin/reports?page=" + n).toString());
        if (!driver.findElements(By.id("report-" + id)).isEmpty()) {
          page = "/admin/reports?page=" + n;
          break;
        }
      }
      // The script chooses "no breach" with "keep"; the choice is the moderator's to change.
      String card = "#report-" + id + " ";
      new Select(driver.findElement(By.cssSelector(card + "select[data-decision-outcome]")))
          .selectByValue("KEEP");
      String rule =
          driver
              .findElement(By.cssSelector(card + "select[data-decision-rule]"))
              .getAttribute("value");
      checks.add(() -> assertEquals("NO_BREACH", rule, "keep does not choose no breach"));
      checks.addAll(audit(chromium, page, "reports"));
      checks.addAll(audit(chromium, "/admin/reports/transparency", "reports-transparency"));
      checks.addAll(audit(chromium, "/admin/dashboard", "reports-dashboard"));
      Object pwned =
          driver.executeScript("return window.pwned === undefined ? null : window.pwned");
      checks.add(() -> assertNull(pwned, "a reported text ran"));
      checks.add(
          () -> assertEquals(List.of(), chromium.refusedByPolicy(), "refused by the policy"));
      assertAll(checks);
    }
  }

  /** axe-core and the page's width at desktop width (1 280 px), then at 390 px; screenshots. */
  private List<Executable> audit(Chromium chromium, String path, String name) {
    ChromeDriver driver = chromium.driver();
    driver.get(local(path).toString());
    List<Executable> checks = new ArrayList<>();
    for (int width : new int[] {Chromium.WIDTH, 390}) {
      boolean phone = width < 1000;
      if (phone) {
        chromium.phone(width, 844);
      }
      Results results =
          new AxeBuilder()
              .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
              .analyze(driver);
      long inner =
          ((Number) driver.executeScript("return document.documentElement.clientWidth"))
              .longValue();
      long scroll =
          ((Number) driver.executeScript("return document.documentElement.scrollWidth"))
              .longValue();
      chromium.screenshot("reports-" + name + (phone ? "-phone" : "-desktop") + ".png");
      String what = path + " at " + width + " px";
      checks.add(
          () ->
              assertFalse(
                  results.isErrored(), () -> "axe-core failed: " + results.getErrorMessage()));
      checks.add(
          () ->
              assertTrue(
                  results.getViolations().isEmpty(),
                  () ->
                      what
                          + " has accessibility violations: "
                          + results.getViolations().stream()
                              .map(
                                  r ->
                                      r.getId()
                                          + " "
                                          + r.getNodes().stream()
                                              .map(n -> n.getTarget().toString())
                                              .toList())
                              .collect(Collectors.joining("; "))));
      checks.add(() -> assertTrue(scroll <= inner, () -> what + " is " + scroll + " px wide"));
      if (phone) {
        chromium.desktop();
      }
    }
    return checks;
  }

  // --- Helpers -----------------------------------------------------------------------------------

  /** Seeds a reported comment; returns its id. */
  private long comment(Map<String, String> parameters) {
    return Long.parseLong(seed("comment", parameters).get("comment"));
  }

  private Map<String, String> state(long commentId) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(local("/test-seed/reports/state?comment=" + commentId))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response::body);
      return lines(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> seed(String what, Map<String, String> parameters) {
    String form =
        parameters.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(local("/test-seed/reports/" + what))
                  .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .timeout(Duration.ofMinutes(1))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response::body);
      return lines(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> lines(String body) {
    Map<String, String> values = new LinkedHashMap<>();
    body.lines().map(l -> l.split("\t", 2)).forEach(p -> values.put(p[0], p[1]));
    return values;
  }

  /** A client without JavaScript, signed in through the console's form. */
  private WebClient signedIn(String email) {
    WebClient client = new WebClient(BrowserVersion.BEST_SUPPORTED);
    client.getOptions().setJavaScriptEnabled(false);
    client.getOptions().setCssEnabled(false);
    client.getOptions().setThrowExceptionOnFailingStatusCode(false);
    client.getOptions().setPrintContentOnFailingStatusCode(false);
    client.getCache().setMaxSize(0);
    HtmlPage login = admin("/admin/login", client);
    HtmlForm form = login.getHtmlElementById("login");
    form.getInputByName("login:email").setValue(email);
    form.getInputByName("login:password").setValue(PASSWORD);
    HtmlPage dashboard = click(form.getInputByName("login:submit"));
    assertTrue(
        dashboard.getUrl().getPath().endsWith("/admin/dashboard"),
        () -> email + " could not sign in: " + dashboard.asNormalizedText());
    return client;
  }

  /** A console page, which must be HTML. */
  private HtmlPage admin(String path, WebClient client) {
    Page page = get(client, path);
    assertTrue(
        page instanceof HtmlPage,
        () -> path + " is not a page: " + page.getWebResponse().getStatusCode());
    return (HtmlPage) page;
  }

  private Page get(WebClient client, String path) {
    try {
      return client.getPage(local(path).toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Page post(WebClient client, String action, Map<String, String> fields) {
    try {
      WebRequest request = new WebRequest(local("/").resolve(action).toURL(), HttpMethod.POST);
      request.setEncodingType(FormEncodingType.URL_ENCODED);
      request.setCharset(StandardCharsets.UTF_8);
      List<NameValuePair> parameters = new ArrayList<>();
      fields.forEach((name, value) -> parameters.add(new NameValuePair(name, value)));
      request.setRequestParameters(parameters);
      return client.getPage(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HtmlPage click(HtmlInput button) {
    try {
      Page page = button.click();
      assertTrue(
          page instanceof HtmlPage, () -> "not a page: " + page.getWebResponse().getStatusCode());
      return (HtmlPage) page;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A comment's card, looked for on the queue's pages in turn. */
  private DomElement card(WebClient client, long id) {
    for (int page = 1; page <= 50; page++) {
      HtmlPage queue = admin("/admin/reports?page=" + page, client);
      DomElement card = queue.getElementById("report-" + id);
      if (card != null) {
        return card;
      }
      if (queue.querySelector(".pager a[rel=next]") == null) {
        break;
      }
    }
    throw new AssertionError("comment " + id + " is not in the queue");
  }

  /** Fills a comment's decision form as a moderator does without JavaScript, and sends it. */
  private HtmlPage decide(
      WebClient client, long id, String outcome, String rule, String statement) {
    DomElement card = card(client, id);
    ((HtmlSelect) field(card, "outcome")).setSelectedAttribute(outcome, true);
    ((HtmlSelect) field(card, "rule")).setSelectedAttribute(rule, true);
    ((HtmlTextArea) field(card, "statement")).setText(statement);
    return click(card.querySelector("input[type=submit]"));
  }

  /** The queue's form, which holds every card's decision. */
  private static HtmlForm queue(DomElement card) {
    return ((HtmlPage) card.getPage()).getHtmlElementById("queue");
  }

  /** A text as HtmlUnit's {@code asNormalizedText()} gives it: no-break spaces as spaces. */
  private static String flat(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  /** The audit log's entries whose target or detail contains {@code text}, as text. */
  private String audit(WebClient admin, String text) {
    HtmlForm form = admin("/admin/audit", admin).getHtmlElementById("audit");
    form.getInputByName("audit:text").setValue(text);
    return click(form.getInputByName("audit:filter"))
        .getElementById("audit:entries")
        .asNormalizedText()
        .replace('\u00a0', ' ')
        .replace('\u202f', ' ');
  }

  private HtmlPage threshold(WebClient admin, String value) {
    HtmlPage page = admin("/admin/reports", admin);
    HtmlForm form = page.getHtmlElementById("threshold");
    form.getInputByName("threshold:hide-after").setValue(value);
    return click(form.getInputByName("threshold:save"));
  }

  private static DomElement field(DomElement card, String id) {
    DomElement field = card.querySelector("[id$=':" + id + "']");
    assertNotNull(field, () -> "no field " + id + " in " + card.asXml());
    return field;
  }

  private static String selected(DomElement card, String id) {
    HtmlSelect select = (HtmlSelect) field(card, id);
    return select.getSelectedOptions().isEmpty()
        ? ""
        : select.getSelectedOptions().get(0).getValueAttribute();
  }

  /** Every field a browser sends with the form, but no button. */
  private static Map<String, String> fields(HtmlForm form) {
    Map<String, String> fields = Console.sentFields(form);
    assertTrue(fields.containsKey("primefaces.nonce"), "the form has no script nonce");
    return fields;
  }

  private static String text(DomElement within, String css) {
    DomNode node = within.querySelector(css);
    assertNotNull(node, () -> "nothing matches " + css);
    return node.getTextContent().strip().replace('\u00a0', ' ');
  }

  private static List<String> texts(DomElement within, String css) {
    return within.querySelectorAll(css).stream()
        .map(n -> n.getTextContent().strip().replaceAll("\\s+", " ").replace('\u00a0', ' '))
        .toList();
  }

  /** The problems a decision form shows, to say why a decision was refused. */
  private static List<String> problems(HtmlPage page, long id) {
    DomElement card = page.getElementById("report-" + id);
    return card == null ? List.of() : texts(card, ".field-error, .message-error");
  }

  private static String messages(HtmlPage page) {
    DomElement box = page.getElementById("page-messages");
    return box == null
        ? ""
        : box.getTextContent().strip().replaceAll("\\s+", " ").replace('\u00a0', ' ');
  }

  private List<List<String>> csv(WebClient client, String query) {
    Page page = get(client, "/admin/reports/transparency.csv" + query);
    assertEquals(200, page.getWebResponse().getStatusCode());
    return csv(bytes(page));
  }

  private static byte[] bytes(Page page) {
    try (InputStream in = page.getWebResponse().getContentAsStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CSV's rows (no field of these files is quoted: no label holds a semicolon). */
  private static List<List<String>> csv(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\r\n"), "lines end with CRLF");
    return text.lines().map(line -> Arrays.asList(line.split(";", -1))).toList();
  }

  /** A console text as the pages show it: no-break spaces as plain ones, for comparison. */
  private static String shown(String key, Object... arguments) {
    return new MessageFormat(CONSOLE.getString(key), Locale.FRANCE)
        .format(arguments)
        .replace('\u00a0', ' ');
  }

  private static String con(String key) {
    return CONSOLE.getString(key).replace('\u00a0', ' ');
  }

  private static String conFormat(String key, Object... arguments) {
    return new java.text.MessageFormat(CONSOLE.getString(key), java.util.Locale.FRANCE)
        .format(arguments);
  }

  private static String label(String key) {
    return PUBLIC.getString(key).replace('\u00a0', ' ');
  }

  /** The deployment's address on the loopback interface (Arquillian reports the LAN one). */
  private URI local(String path) {
    String context = deployed.getPath().replaceAll("/$", "");
    return URI.create("http://127.0.0.1:" + deployed.getPort() + context + path);
  }
}
