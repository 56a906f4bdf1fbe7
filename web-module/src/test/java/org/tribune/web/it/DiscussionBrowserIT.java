package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tribune.web.it.DemoArticles.DemoArticle;
import org.tribune.web.it.DiscussionServers.Moderated;

/**
 * The discussion in a real browser with its script ({@code /js/discussion.js}): posting, replying,
 * quoting, voting and loading more threads without reloading the page (a mark left on {@code
 * window} before must still be there after), the live character counter, and the links that work
 * the same with or without the script (sort, edit). Then the discussion's accessibility: axe-core
 * must find no WCAG 2.0/2.1 A or AA violation on an article with a discussion three levels deep and
 * a reply form open, nor on the page of a form refused without the script, at desktop and phone
 * width. Screenshots go to {@code target/screenshots/discussion-*.png}.
 *
 * <p>Runs on the servers of {@link DiscussionServers}; skipped without Chromium unless {@code
 * tribune.it.browser=required} (see {@link Chromium}). Setting up comments to look at is done over
 * HTTP ({@link Visitor}), which is quicker than typing them.
 */
@ExtendWith(DiscussionServers.class)
class DiscussionBrowserIT {
  /** Open server: every test but the audits. {@code DiscussionIT} writes under other articles. */
  private static final DemoArticle ARTICLE = DemoArticles.named("marche-couvert.md");

  /** Open server: the accessibility audits. */
  private static final DemoArticle AUDITED = DemoArticles.named("qualite-air.md");

  /** Moderated server: five hours old, so open. */
  private static final DemoArticle MODERATED = DemoArticles.named("marche-couvert.md");

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final int PHONE_WIDTH = 375;
  private static final int PHONE_HEIGHT = 812;

  /** A space that may group digits: a plain, no-break or narrow no-break (U+202F) one. */
  private static final String GROUP = "[ \u00a0\u202f]";

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

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aCommentPostedWithScriptAppearsWithoutReloadingThePage(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    open(server, path);
    markPage();
    String address = driver.getCurrentUrl();
    String body = unique("Les halles étaient trop belles pour rester fermées");

    long id = postWithScript("Camille", body);

    WebElement comment = driver.findElement(By.id("comment-" + id));
    scrollTo(comment);
    chromium.screenshot("discussion-posted.png");
    assertAll(
        this::assertNotReloaded,
        () -> assertEquals(address, driver.getCurrentUrl(), "the page went elsewhere"),
        () -> assertEquals(body, comment.findElement(By.cssSelector(".comment-body")).getText()),
        () ->
            assertEquals(
                "Camille", comment.findElement(By.cssSelector(".comment-author")).getText()),
        () -> assertEquals("Votre commentaire est publié.", formMessage()),
        () -> assertEquals("", value("#comment-body"), "the text stays in the box"),
        () -> assertEquals("010000", digits(counter()), "counter " + counter()),
        () ->
            assertTrue(
                driver.findElement(By.id("comments-title")).getText().contains("commentaire"),
                "heading"));
  }

  @Test
  void theCounterCountsCharactersAsTheServerDoesInFrench(TribuneServer server) {
    open(server, pathOf(server, ARTICLE));
    WebElement box = driver.findElement(By.id("comment-body"));

    box.sendKeys("Bonjour, voisins");
    String typed = counter();
    setValue("#comment-body", "x".repeat(1_234));
    String grouped = counter();
    setValue("#comment-body", "😀".repeat(12));
    String emoji = counter();
    setValue("#comment-body", "y".repeat(10_001));
    String over = counter();
    boolean overMarked =
        driver.findElement(By.id("comment-counter")).getAttribute("class").contains("over");

    assertAll(
        () -> assertEquals("1610000", digits(typed), typed),
        () -> assertTrue(typed.matches("16 / 10" + GROUP + "000"), typed),
        () -> assertEquals("123410000", digits(grouped), grouped),
        () -> assertTrue(grouped.matches("1" + GROUP + "234 / 10" + GROUP + "000"), grouped),
        () -> assertEquals("1210000", digits(emoji), "an emoji is one character: " + emoji),
        () -> assertEquals("1000110000", digits(over), over),
        () -> assertTrue(overMarked, "over the limit, the counter is not marked"));
  }

  @Test
  void replyOpensTheFormUnderTheCommentAndTheReplyAppearsNested(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    long parent;
    try (Visitor visitor = new Visitor(server)) {
      parent =
          visitor.postComment(path, fields("Bérénice", unique("Qui tient le stand d'épices ?")));
    }
    openComment(server, path, parent);
    markPage();
    String address = driver.getCurrentUrl();
    By replyLink = By.cssSelector("#comment-" + parent + " a.reply");

    driver.findElement(replyLink).click();
    String placeWhenOpen = formPlace();
    String heading = driver.findElement(By.cssSelector("#comment-form h3")).getText();
    driver.findElement(By.cssSelector("#comment-form [data-cancel-reply]")).click();
    String placeWhenCancelled = formPlace();
    driver.findElement(replyLink).click();
    String parentField = value("#comment-form input[name=parent]");
    String body = unique("Monsieur Ahmed, depuis trente ans.");
    long reply = postWithScript("Damien", body);

    WebElement nested =
        driver.findElement(
            By.cssSelector("#comment-" + parent + " > ol.replies > #comment-" + reply));
    assertAll(
        this::assertNotReloaded,
        () -> assertEquals(address, driver.getCurrentUrl()),
        () -> assertEquals("comment-" + parent, placeWhenOpen, "the form did not move"),
        () -> assertEquals("Répondre — Bérénice", heading),
        () -> assertEquals("", placeWhenCancelled, "cancelling left the form there"),
        () -> assertEquals(Long.toString(parent), parentField),
        () -> assertEquals(body, nested.findElement(By.cssSelector(".comment-body")).getText()),
        () -> assertEquals("", formPlace(), "the form stays under the comment after posting"),
        () -> assertEquals("", value("#comment-form input[name=parent]"), "still a reply"));
  }

  @Test
  void quotingASelectedPassageOfTheArticlePutsItInTheComment(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    open(server, path);
    markPage();

    String passage = select(".article-body");
    WebElement quote = waitFor(d -> visible(By.cssSelector("[data-quote-button]")));
    chromium.screenshot("discussion-quote-button.png");
    String buttonText = quote.getText();
    quote.click();
    String quoted = value("#comment-body");
    driver.findElement(By.id("comment-body")).sendKeys("Enfin !");
    long id = postWithScript("Élodie", null);

    WebElement blockquote =
        driver.findElement(By.cssSelector("#comment-" + id + " .comment-body blockquote"));
    assertAll(
        this::assertNotReloaded,
        () -> assertEquals("Citer", buttonText),
        () -> assertFalse(passage.isBlank(), "nothing selected"),
        () ->
            assertEquals(
                "> " + passage + "\n> — « " + ARTICLE.title() + " »\n\n", quoted, "the quotation"),
        () -> assertTrue(blockquote.getText().contains(passage), blockquote.getText()),
        () ->
            assertTrue(
                blockquote.getText().contains("— « " + ARTICLE.title() + " »"),
                blockquote.getText()),
        () ->
            assertTrue(
                driver
                    .findElement(By.cssSelector("#comment-" + id + " .comment-body"))
                    .getText()
                    .endsWith("Enfin !"),
                "the reader's own words"));
  }

  @Test
  void quotingACommentNamesItsAuthor(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    long quoted;
    try (Visitor visitor = new Visitor(server)) {
      quoted =
          visitor.postComment(path, fields("Fanny", unique("Le parking est toujours payant.")));
    }
    openComment(server, path, quoted);

    String passage = select("#comment-" + quoted + " .comment-body");
    waitFor(d -> visible(By.cssSelector("[data-quote-button]"))).click();

    assertEquals("> " + passage + "\n> — Fanny\n\n", value("#comment-body"));
  }

  @Test
  void sortLinksReorderTheThreadsAndTheOrderIsRemembered(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    try (Visitor visitor = new Visitor(server)) {
      visitor.postComment(path, fields("Gilles", unique("Un fil")));
      visitor.postComment(path, fields("Gilles", unique("Un autre fil")));
    }
    open(server, path);

    clickSort("Plus anciens");
    List<Instant> oldest = threadDates();
    String oldestAddress = driver.getCurrentUrl();
    clickSort("Plus votés");
    List<Integer> popular = threadScores();
    clickSort("Plus récents");
    List<Instant> newest = threadDates();
    clickSort("Plus anciens");
    open(server, path);
    String remembered = currentSort();
    scrollTo(driver.findElement(By.cssSelector("nav.comment-sort")));
    chromium.screenshot("discussion-sorted.png");

    assertAll(
        () -> assertTrue(oldestAddress.contains("sort=oldest"), oldestAddress),
        () -> assertTrue(oldest.size() >= 2, "threads: " + oldest),
        () -> assertEquals(oldest.stream().sorted().toList(), oldest, "not oldest first"),
        () ->
            assertEquals(
                newest.stream().sorted(Comparator.reverseOrder()).toList(),
                newest,
                "not newest first"),
        () ->
            assertEquals(
                popular.stream().sorted(Comparator.reverseOrder()).toList(),
                popular,
                "not most voted first"),
        () -> assertEquals("Plus anciens", remembered, "the order was not remembered"));
  }

  @Test
  void aVoteUpdatesTheScoreWithoutReloading(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    long id;
    try (Visitor visitor = new Visitor(server)) {
      id = visitor.postComment(path, fields("Hélène", unique("Il manque un banc.")));
    }
    openComment(server, path, id);
    markPage();
    countAnswers();
    By score = By.cssSelector("#comment-" + id + " .score");
    By up = By.cssSelector("#comment-" + id + " .vote-up");
    By down = By.cssSelector("#comment-" + id + " .vote-down");

    driver.findElement(up).click();
    waitFor(d -> spaces(d.findElement(score).getText()).equals("Score : 1"));
    driver.findElement(up).click();
    waitFor(d -> number("return window.tribuneTestAnswers") == 2);
    driver.findElement(down).click();
    waitFor(d -> number("return window.tribuneTestAnswers") == 3);

    assertAll(
        this::assertNotReloaded,
        () ->
            assertEquals(
                "Score : -1",
                spaces(driver.findElement(score).getText()),
                "after up, up again and down: the second up counted, or the vote did not turn"));
  }

  @Test
  void moreCommentsAppendsTheNextPageWithoutReloading(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    List<Long> ids = new ArrayList<>();
    try (Visitor visitor = new Visitor(server)) {
      for (int i = 0; i <= DiscussionServers.THREADS_PER_PAGE; i++) {
        ids.add(visitor.postComment(path, fields("Isabelle", unique("Fil " + i))));
      }
    }
    open(server, path);
    markPage();
    String address = driver.getCurrentUrl();
    List<Long> before = threadIds();

    driver.findElement(By.cssSelector("a.more-comments")).click();
    waitFor(d -> threadIds().size() > before.size());
    List<Long> after = threadIds();
    String focused =
        (String) script("return document.activeElement.closest('li.comment')?.id || ''");

    assertAll(
        this::assertNotReloaded,
        () -> assertEquals(address, driver.getCurrentUrl()),
        () -> assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1)), before, "page 1"),
        () -> assertEquals(before, after.subList(0, before.size()), "page 1 changed"),
        () -> assertEquals(ids.get(0), after.get(before.size()), "page 2 does not follow"),
        () -> assertEquals("comment-" + ids.get(0), focused, "focus not on the first new one"),
        () ->
            assertTrue(
                driver.findElements(By.cssSelector(".previous-comments")).isEmpty(),
                "a link back to page 1 under page 1"));
  }

  @Test
  void aRefusalIsShownInTheFormAndTheTextKept(TribuneServer server) {
    open(server, pathOf(server, ARTICLE));
    markPage();
    fill(fields("Lucas", "court"));
    setValue("#comment-body", "w".repeat(10_001));

    driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
    WebElement message =
        waitFor(d -> visible(By.cssSelector("#comment-form .form-errors:not(.pending) li")));

    assertAll(
        this::assertNotReloaded,
        () ->
            assertEquals(
                "Votre commentaire est trop long : raccourcissez-le sous la limite indiquée par le"
                    + " compteur.",
                spaces(message.getText())),
        () -> assertEquals(10_001, value("#comment-body").length(), "the text is lost"),
        () ->
            assertTrue(
                driver
                    .findElement(By.cssSelector("#comment-form button[type=submit]"))
                    .isEnabled()));
  }

  /**
   * After "Afficher plus de commentaires", a reply to a thread of the second page must leave the
   * first page where it was: the reader was reading it.
   *
   * <p>Fails (bug): the script replaces the whole list with the page of the reply's thread (the
   * {@code fragment} of the JSON answer), so the threads of the first page vanish.
   */
  @Test
  void aReplyUnderTheNextPageKeepsTheThreadsAlreadyShown(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    List<Long> ids = new ArrayList<>();
    try (Visitor visitor = new Visitor(server)) {
      for (int i = 0; i <= DiscussionServers.THREADS_PER_PAGE; i++) {
        ids.add(visitor.postComment(path, fields("Mélanie", unique("Fil à suivre " + i))));
      }
    }
    open(server, path);
    markPage();
    driver.findElement(By.cssSelector("a.more-comments")).click();
    waitFor(d -> threadIds().contains(ids.get(0)));
    List<Long> shown = threadIds();

    driver.findElement(By.cssSelector("#comment-" + ids.get(0) + " a.reply")).click();
    long reply = postWithScript("Noé", unique("Je réponds en bas de la page."));

    List<Long> after = threadIds();
    assertAll(
        this::assertNotReloaded,
        () ->
            assertEquals(
                1,
                driver
                    .findElements(
                        By.cssSelector(
                            "#comment-" + ids.get(0) + " > ol.replies > #comment-" + reply))
                    .size(),
                "the reply is not under its thread"),
        () ->
            assertTrue(
                after.containsAll(shown),
                "threads shown before the reply are gone: " + shown + " then " + after));
  }

  @Test
  void theEditLinkWorksWithScriptOn(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    open(server, path);
    long id = postWithScript("Jules", unique("Ouvert le dimanche"));

    driver.findElement(By.cssSelector("#comment-" + id + " a.edit")).click();
    WebElement box = waitFor(d -> visible(By.id("edit-" + id)));
    box.clear();
    String changed = unique("Ouvert le dimanche matin seulement");
    box.sendKeys(changed);
    driver.findElement(By.cssSelector("#comment-" + id + " form.comment-edit button")).click();
    WebElement edited =
        waitFor(d -> visible(By.cssSelector("#comment-" + id + " .comment-edited")));

    assertAll(
        () -> assertEquals("(modifié)", edited.getText()),
        () ->
            assertEquals(
                changed,
                driver.findElement(By.cssSelector("#comment-" + id + " .comment-body")).getText()));
  }

  @Test
  void aHeldCommentIsAnnouncedToItsAuthor(@Moderated TribuneServer server) {
    String path = pathOf(server, MODERATED);
    open(server, path);
    markPage();

    long id = postWithScript("Karine", unique("Première visite sur ce site"));

    WebElement comment = driver.findElement(By.id("comment-" + id));
    scrollTo(comment);
    chromium.screenshot("discussion-held.png");
    assertAll(
        this::assertNotReloaded,
        () ->
            assertEquals(
                "Merci ! Votre commentaire est en attente de modération.", spaces(formMessage())),
        () ->
            assertEquals(
                "Votre commentaire est en attente de modération.",
                comment.findElement(By.cssSelector(".comment-held")).getText()));
  }

  // --- Live updates (« N nouveaux commentaires »)
  // --------------------------------------------------

  /**
   * A reader is reading the second thread of the article's discussion when another visitor posts: a
   * poll of the discussion's state later, « 1 nouveau commentaire » shows (in a polite live region,
   * a button reached with the keyboard) without moving anything; pressed with Enter, it puts the
   * new thread first, highlighted, counts it in the heading, and the thread the reader was reading
   * stays where it was on the screen. The browser's own scroll anchoring is turned off, so that the
   * script's is what is measured. With the button shown again (two more), axe-core finds no WCAG
   * A/AA violation at 1366 and 390 px.
   */
  @Test
  void aNewCommentIsAnnouncedAndPutInPlaceWithoutMovingWhatTheReaderReads(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    List<Long> seeded = new ArrayList<>();
    try (Visitor visitor = new Visitor(server)) {
      for (int i = 0; i < DiscussionServers.THREADS_PER_PAGE; i++) {
        seeded.add(visitor.postComment(path, fields("Gaspard", longText("Fil suivi " + i))));
      }
    }
    open(server, path);
    markPage();
    script(
        "document.documentElement.style.overflowAnchor = 'none';"
            + "document.body.style.overflowAnchor = 'none';");
    // Reading the second thread of the page, its top 150 px below the top of the screen.
    By reading = By.cssSelector("#comment-" + seeded.get(1) + " > article");
    script(
        "const top = arguments[0].getBoundingClientRect().top;" + "window.scrollBy(0, top - 150);",
        driver.findElement(reading));
    double before = top(reading);
    String heading = driver.findElement(By.id("comments-title")).getText();

    long arrived;
    try (Visitor other = new Visitor(server)) {
      arrived = other.postComment(path, fields("Hortense", unique("Je passais par là")));
    }
    WebElement button =
        new WebDriverWait(driver, Duration.ofSeconds(30))
            .until(d -> visible(By.cssSelector("button[data-new-comments]")));
    chromium.screenshot("discussion-live-announced.png");
    double announced = top(reading);
    String label = spaces(button.getText());
    String live =
        (String) script("return arguments[0].parentNode.getAttribute('aria-live')", button);

    button.sendKeys(Keys.ENTER);
    waitFor(d -> !d.findElements(By.id("comment-" + arrived)).isEmpty());
    double after = top(reading);
    chromium.screenshot("discussion-live-inserted.png");
    String headingAfter = driver.findElement(By.id("comments-title")).getText();
    boolean highlighted =
        driver
            .findElement(By.id("comment-" + arrived))
            .getAttribute("class")
            .contains("just-arrived");

    assertAll(
        this::assertNotReloaded,
        () -> assertEquals("1 nouveau commentaire", label),
        () -> assertEquals("polite", live, "not announced to screen readers"),
        () -> assertEquals(before, announced, 3, "the button moved what the reader reads"),
        () -> assertEquals(before, after, 3, "the new comment moved what the reader reads"),
        () -> assertEquals(arrived, threadIds().get(0), "the new thread is not first"),
        () -> assertEquals(seeded.get(1), threadIds().get(2), "the threads shown changed"),
        () -> assertTrue(highlighted, "the new comment is not highlighted"),
        () -> assertEquals(count(heading) + 1, count(headingAfter), headingAfter),
        () -> assertFalse(button.isDisplayed(), "the button stays after use"),
        () ->
            assertEquals(
                "comment-" + arrived,
                script("return document.activeElement.closest('li.comment')?.id || ''"),
                "the focus is lost"));

    try (Visitor other = new Visitor(server)) {
      other.postComment(path, fields("Irène", unique("Moi aussi")));
      other.postComment(path, fields("Jules", unique("Et moi")));
    }
    WebElement again =
        new WebDriverWait(driver, Duration.ofSeconds(30))
            .until(
                d -> {
                  WebElement shown = visible(By.cssSelector("button[data-new-comments]"));
                  return shown != null && shown.getText().startsWith("2") ? shown : null;
                });
    assertEquals("2 nouveaux commentaires", spaces(again.getText()));
    assertAll(audit("discussion-live", "the discussion announcing new comments", 1366, 390));
  }

  /** In another order than the newest first, the announcement is a link to the newest first. */
  @Test
  void inAnotherOrderTheAnnouncementLeadsToTheNewestFirst(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    open(server, path + "?sort=oldest");
    long arrived;
    try (Visitor other = new Visitor(server)) {
      arrived = other.postComment(path, fields("Kevin", unique("Dans l’autre sens")));
    }
    WebElement link =
        new WebDriverWait(driver, Duration.ofSeconds(30))
            .until(d -> visible(By.cssSelector("a[data-new-comments-link]")));
    String label = spaces(link.getText());
    link.click();
    waitFor(d -> !d.findElements(By.id("comment-" + arrived)).isEmpty());

    assertAll(
        () -> assertEquals("1 nouveau commentaire : voir les plus récents", label),
        () -> assertEquals("Plus récents", currentSort()),
        () -> assertEquals(arrived, threadIds().get(0)));
  }

  // --- Accessibility and layout ------------------------------------------------------------------

  @Test
  void aThreeLevelDiscussionWithAReplyFormOpenPassesWcagAaOnDesktopAndPhone(TribuneServer server) {
    String path = pathOf(server, AUDITED);
    long top;
    long deepest;
    try (Visitor visitor = new Visitor(server)) {
      top = visitor.postComment(path, fields("Laure", unique("Et dans les écoles privées ?")));
      Map<String, String> answer = fields("Mathieu", unique("Elles ne sont pas concernées."));
      answer.put("parent", Long.toString(top));
      long middle = visitor.postComment(path, answer);
      Map<String, String> deeper =
          fields("Laure", unique("Dommage.\n\n> Elles ne sont pas concernées.\n\nPourquoi ?"));
      deeper.put("parent", Long.toString(middle));
      deepest = visitor.postComment(path, deeper);
      visitor.postComment(
          path, fields("Nadia", unique("Voir https://example.org/mesures pour les chiffres.")));
    }
    openComment(server, path, top);
    driver.findElement(By.cssSelector("#comment-" + deepest + " a.reply")).click();
    driver.findElement(By.id("comment-body")).sendKeys("Une réponse en cours…");
    assertEquals(
        "comment-" + deepest, formPlace(), "the reply form did not open under the third level");

    assertAll(audit("discussion", "the article with its discussion"));
  }

  @Test
  void aFormRefusedWithoutScriptPassesWcagAaOnDesktopAndPhone(TribuneServer server) {
    String path = pathOf(server, AUDITED);
    open(server, path);
    fill(fields("Olivier", unique("Mon adresse est fausse")));
    setValue("#comment-email", "olivier@localhost");
    // HTMLFormElement.submit() skips the script's handler and the browser's checks: the page is
    // posted and shown again as without a script.
    script("document.getElementById('comment-form').submit()");
    waitFor(d -> !d.findElement(By.id("comment-email-error")).getText().isBlank());

    assertEquals(
        "Cette adresse e-mail n’est pas valide.",
        driver.findElement(By.id("comment-email-error")).getText());
    assertAll(audit("discussion-refused", "the refused form"));
  }

  // --- Reporting a comment (« Signaler »)
  // ---------------------------------------------------------

  /**
   * A reader follows « Signaler » under a comment, sends an illicit-content report missing what the
   * law asks, completes it and sends it again, and reads the acknowledgement; the form, blank and
   * refused, has no WCAG A/AA violation and nothing that sticks out sideways, at 1366 and 390 px.
   */
  @Test
  void aReaderReportsACommentThroughAFormThatPassesWcagAaOnLaptopAndPhone(TribuneServer server) {
    String path = pathOf(server, ARTICLE);
    long id;
    try (Visitor visitor = new Visitor(server)) {
      id = visitor.postComment(path, fields("Sacha", unique("Un commentaire qui sera signalé")));
    }
    openComment(server, path, id);
    WebElement link = driver.findElement(By.cssSelector("#comment-" + id + " a.report-link"));
    scrollTo(link);
    link.click();
    waitFor(d -> !d.findElements(By.id("report-form")).isEmpty());
    assertEquals(
        server.uri(path + "/comments/" + id + "/report").toString(), driver.getCurrentUrl());
    List<Executable> checks = new ArrayList<>(audit("report-form", "the report form", 1366, 390));

    driver.findElement(By.id("report-reason-ILLICIT")).click();
    driver.findElement(By.cssSelector("#report-form button[type=submit]")).click();
    waitFor(d -> !d.findElement(By.id("report-name-error")).getText().isBlank());
    assertEquals("true", driver.findElement(By.id("report-category")).getAttribute("aria-invalid"));
    checks.addAll(audit("report-form-refused", "the refused report form", 1366, 390));

    new Select(driver.findElement(By.id("report-category"))).selectByValue("HARASSMENT");
    driver
        .findElement(By.id("report-explanation"))
        .sendKeys("Ce commentaire menace nommément une voisine.");
    driver.findElement(By.id("report-name")).sendKeys("Camille Petit");
    driver
        .findElement(By.id("report-email"))
        .sendKeys("signalement" + SERIAL.incrementAndGet() + "@example.org");
    driver.findElement(By.id("report-good-faith")).click();
    driver.findElement(By.cssSelector("#report-form button[type=submit]")).click();
    waitFor(d -> d.getCurrentUrl().endsWith("/report?sent=mail"));

    assertAll(
        () -> assertEquals("Signalement envoyé", driver.findElement(By.tagName("h1")).getText()),
        () ->
            assertTrue(
                spaces(driver.findElement(By.cssSelector(".report-sent")).getText())
                    .contains("Merci ! Votre signalement a bien été reçu.")),
        () -> assertAll(checks));
  }

  /** Audits the current page at desktop then phone width; screenshots of the whole page at both. */
  private List<Executable> audit(String name, String what) {
    return audit(name, what, Chromium.WIDTH, PHONE_WIDTH);
  }

  /** Audits the current page at these widths (a laptop's, a phone's). */
  private List<Executable> audit(String name, String what, int desktopWidth, int phoneWidth) {
    List<Executable> checks = new ArrayList<>();
    if (desktopWidth != Chromium.WIDTH) {
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of(
              "width",
              desktopWidth,
              "height",
              Chromium.HEIGHT,
              "deviceScaleFactor",
              1,
              "mobile",
              false));
    }
    Results desktop = axe();
    wholePage(desktopWidth, false);
    chromium.screenshot(name + "-desktop.png");
    chromium.desktop();
    checks.add(() -> assertNoViolation(what + " (desktop)", desktop));

    chromium.phone(phoneWidth, PHONE_HEIGHT);
    try {
      long innerWidth = number("return document.documentElement.clientWidth");
      long scrollWidth = number("return document.documentElement.scrollWidth");
      Results phone = axe();
      wholePage(phoneWidth, true);
      chromium.screenshot(name + "-phone.png");
      checks.add(
          () ->
              assertTrue(
                  scrollWidth <= innerWidth,
                  () ->
                      what
                          + " is "
                          + scrollWidth
                          + " px wide on a "
                          + innerWidth
                          + " px phone screen"));
      checks.add(() -> assertNoViolation(what + " (phone)", phone));
    } finally {
      chromium.desktop();
    }
    return checks;
  }

  private Results axe() {
    Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(driver);
    assertFalse(results.isErrored(), () -> "axe-core failed: " + results.getErrorMessage());
    assertFalse(results.getPasses().isEmpty(), "axe-core checked nothing");
    return results;
  }

  private static void assertNoViolation(String page, Results results) {
    assertTrue(
        results.getViolations().isEmpty(),
        () ->
            page
                + " has accessibility violations:\n"
                + AccessibilityIT.describe(results.getViolations()));
  }

  /** Lays the page out in a window as tall as it is, for a screenshot of all of it. */
  private void wholePage(int width, boolean mobile) {
    long height = number("return document.documentElement.scrollHeight");
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            width,
            "height",
            (int) Math.min(height, 16_000),
            "deviceScaleFactor",
            1,
            "mobile",
            mobile));
  }

  // --- Helpers -----------------------------------------------------------------------------------

  private static String unique(String text) {
    return text + " (n° " + SERIAL.incrementAndGet() + ")";
  }

  /** A comment of several paragraphs, so that a thread is taller than a few lines. */
  private static String longText(String title) {
    StringBuilder text = new StringBuilder(unique(title));
    for (int i = 1; i <= 6; i++) {
      text.append("\n\nParagraphe ")
          .append(i)
          .append(
              ". Les étals du marché couvert rouvrent un à un, et chacun y va de son souvenir.");
    }
    return text.toString();
  }

  /** Where an element's top is on the screen, in CSS pixels. */
  private double top(By by) {
    return ((Number)
            script("return arguments[0].getBoundingClientRect().top", driver.findElement(by)))
        .doubleValue();
  }

  /** The number in a heading such as "3 commentaires sur « … »" (0 for "Aucun commentaire"). */
  private static int count(String heading) {
    java.util.regex.Matcher number =
        java.util.regex.Pattern.compile("^(\\d[\\d \u00a0\u202f]*) commentaire").matcher(heading);
    return number.find() ? Integer.parseInt(number.group(1).replaceAll("\\D", "")) : 0;
  }

  private static Map<String, String> fields(String name, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("email", "navigateur" + SERIAL.incrementAndGet() + "@example.org");
    fields.put("body", body);
    return fields;
  }

  private static String pathOf(TribuneServer server, DemoArticle article) {
    try (Visitor visitor = new Visitor(server)) {
      return visitor.articlePath(article.title());
    }
  }

  private void open(TribuneServer server, String path) {
    driver.get(server.uri(path).toString());
  }

  /** Opens the page of a comment through its permalink. */
  private void openComment(TribuneServer server, String path, long id) {
    open(server, path + "/comments/" + id);
    waitFor(d -> !d.findElements(By.id("comment-" + id)).isEmpty());
  }

  /**
   * Fills the main form where it stands and sends it with the button, as a reader does; waits for
   * the script to show the new comment and returns its id. A {@code null} body keeps what is typed.
   */
  private long postWithScript(String name, String body) {
    Map<String, String> typed = fields(name, body);
    if (body == null) {
      typed.remove("body");
    }
    fill(typed);
    List<String> before = justPosted();
    driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
    waitFor(d -> !justPosted().isEmpty() && !justPosted().equals(before));
    return Long.parseLong(justPosted().get(0).substring("comment-".length()));
  }

  private void fill(Map<String, String> fields) {
    fields.forEach(
        (field, text) -> {
          WebElement input =
              driver.findElement(By.cssSelector("#comment-form [name='" + field + "']"));
          input.clear();
          input.sendKeys(text);
        });
  }

  @SuppressWarnings("unchecked")
  private List<String> justPosted() {
    return (List<String>)
        script("return [...document.querySelectorAll('li.comment.just-posted')].map(e => e.id)");
  }

  /** Selects the first sentence of the first text of an element; returns it as selected. */
  private String select(String css) {
    Object selected =
        script(
            "const root = document.querySelector(arguments[0]);"
                + "const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);"
                + "let node = walker.nextNode();"
                + "while (node && !node.data.trim()) { node = walker.nextNode(); }"
                + "const text = node.data;"
                + "const start = text.length - text.trimStart().length;"
                + "let end = text.indexOf('.', start) + 1;"
                + "const line = text.indexOf('\\n', start);"
                + "if (end <= 0 || (line > 0 && line < end)) { end = line > 0 ? line : text.length; }"
                + "const range = document.createRange();"
                + "range.setStart(node, start); range.setEnd(node, end);"
                + "const selection = window.getSelection();"
                + "selection.removeAllRanges(); selection.addRange(range);"
                + "return selection.toString();",
            css);
    return String.valueOf(selected).strip();
  }

  /** The id of the comment whose article holds the main form, or "" when it is in its place. */
  private String formPlace() {
    return (String)
        script("return document.getElementById('comment-form').closest('li.comment')?.id || ''");
  }

  private void clickSort(String label) {
    String before = driver.getCurrentUrl();
    WebElement link =
        driver.findElements(By.cssSelector("nav.comment-sort a")).stream()
            .filter(a -> a.getText().strip().equals(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no sort link " + label));
    link.click();
    waitFor(d -> !d.getCurrentUrl().equals(before) && label.equals(currentSort()));
  }

  private String currentSort() {
    return driver.findElement(By.cssSelector("nav.comment-sort a[aria-current=true]")).getText();
  }

  private List<Long> threadIds() {
    return driver.findElements(By.cssSelector("#comment-threads > ol.comment-list > li")).stream()
        .map(li -> Long.parseLong(li.getAttribute("id").substring("comment-".length())))
        .toList();
  }

  /** The dates of the threads of the page, in page order (threads whose first comment shows). */
  private List<Instant> threadDates() {
    return driver
        .findElements(
            By.cssSelector("#comment-threads > ol.comment-list > li > article .comment-meta time"))
        .stream()
        .map(time -> Instant.parse(time.getAttribute("datetime")))
        .toList();
  }

  private List<Integer> threadScores() {
    return driver
        .findElements(
            By.cssSelector(
                "#comment-threads > ol.comment-list > li > article .comment-actions .score"))
        .stream()
        .map(score -> Integer.parseInt(score.getText().replaceAll("[^-\\d]", "")))
        .toList();
  }

  private String formMessage() {
    return waitFor(d -> visible(By.cssSelector("#comment-form .form-errors.done li"))).getText();
  }

  private String counter() {
    return driver.findElement(By.id("comment-counter")).getText();
  }

  private static String digits(String text) {
    return text.replaceAll("\\D", "");
  }

  private String value(String css) {
    return driver.findElement(By.cssSelector(css)).getDomProperty("value");
  }

  /** Sets a field's value as if typed (for text chromedriver cannot type, such as emoji). */
  private void setValue(String css, String text) {
    script(
        "const field = document.querySelector(arguments[0]); field.value = arguments[1];"
            + "field.dispatchEvent(new Event('input', {bubbles: true}));",
        css,
        text);
  }

  /**
   * Counts in {@code window.tribuneTestAnswers} the answers the page's script has received, so that
   * a test can wait for one that changes nothing on the page.
   */
  private void countAnswers() {
    script(
        "window.tribuneTestAnswers = 0; const send = window.fetch;"
            + "window.fetch = function (address) {"
            + "  const answer = send.apply(this, arguments);"
            // The polls of the discussion's state come and go on their own.
            + "  return String(address).endsWith('/comments/state') ? answer"
            + "    : answer.finally(() => window.tribuneTestAnswers++);"
            + "};");
  }

  private void markPage() {
    script("window.tribuneTestMark = 'not reloaded'");
  }

  private void assertNotReloaded() {
    assertEquals(
        "not reloaded", script("return window.tribuneTestMark"), "the page was loaded again");
  }

  private void scrollTo(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  private Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(code, arguments);
  }

  private long number(String code) {
    return ((Number) script(code)).longValue();
  }

  /** The element when it is shown, else {@code null} (for waits). */
  private WebElement visible(By by) {
    List<WebElement> found = driver.findElements(by);
    return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
  }

  /**
   * Waits for a condition; an element of the page being replaced (a form posted, the answer not yet
   * shown) is looked for again rather than failing the test.
   */
  private <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /**
   * A text read from the browser with its non-breaking spaces (French typography: « Score : 1 ») as
   * plain ones: what WebDriver gives for them is its own choice.
   */
  private static String spaces(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }
}
