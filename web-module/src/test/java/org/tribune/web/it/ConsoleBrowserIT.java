package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (headless Chromium, see {@link Chromium}): an administrator signs
 * in through the form, then every console page open to them must pass axe-core's WCAG 2.0/2.1 A and
 * AA rules with no violation, at desktop and phone width (1 366 and 390 px), and fit a phone’s
 * screen. Screenshots go to {@code target/screenshots/console-*.png}.
 *
 * <p>Runs on the console tests' server ({@link ConsoleServer}); skipped without Chromium unless
 * {@code tribune.it.browser=required}.
 */
@ExtendWith(ConsoleServer.class)
class ConsoleBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  /** The widths the project checks: a common laptop screen and a common phone. */
  private static final int DESKTOP_WIDTH = 1366;

  private static final int DESKTOP_HEIGHT = 900;
  private static final int PHONE_WIDTH = 390;
  private static final int PHONE_HEIGHT = 844;

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

  @Test
  void theSignInPageAndARefusedSignInPassWcagAa(TribuneServer server) {
    driver.get(server.uri("/admin/login").toString());
    List<Executable> checks = new ArrayList<>(audit("console-login", "the sign-in page"));

    driver.findElement(By.id("login:email")).sendKeys(ConsoleServer.ADMIN_EMAIL);
    driver.findElement(By.id("login:password")).sendKeys("pas le bon");
    driver.findElement(By.id("login:submit")).click();
    new WebDriverWait(driver, WAIT)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("page-messages"), Console.shown("login.failed")));
    checks.addAll(audit("console-login-refused", "the refused sign-in"));
    assertAll(checks);
  }

  @Test
  void everyAdministratorPagePassesWcagAaOnDesktopAndPhone(TribuneServer server) {
    signIn(server);

    List<Executable> checks = new ArrayList<>();
    for (String page :
        List.of(
            "dashboard",
            "pages",
            "pages/legal",
            "accounts",
            "appearance",
            "appearance/menus",
            "settings",
            "audit",
            "backups",
            "password")) {
      driver.get(server.uri("/admin/" + page).toString());
      assertEquals(
          1, driver.findElements(By.cssSelector("main h1")).size(), () -> page + ": no heading");
      checks.addAll(audit("console-" + page.replace('/', '-'), "/admin/" + page));
    }

    // A page as readers see it: the privacy policy drafted on the first start, published, with
    // its table of cookies (it scrolls by itself on a phone).
    try (Visitor admin = Console.admin(server)) {
      String href =
          ((org.htmlunit.html.DomElement)
                  admin.open("/admin/pages").querySelectorAll("#legal-pages li a").get(2))
              .getAttribute("href");
      long id = Editor.idIn(href);
      admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "publish"));
    }
    driver.get(server.uri("/politique-de-confidentialite").toString());
    assertEquals(1, driver.findElements(By.cssSelector(".page .article-body table")).size());
    checks.addAll(audit("page-privacy-policy", "the privacy policy"));

    // Saved through Ajax: the page's messages are re-rendered with the form.
    driver.get(server.uri("/admin/accounts").toString());
    driver.findElement(By.id("accounts:save")).click();
    new WebDriverWait(driver, WAIT)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("page-messages"), Console.shown("accounts.name.invalid")));
    checks.addAll(audit("console-accounts-refused", "a refused account"));
    assertAll(checks);
  }

  @Test
  void aSiteWithItsLogoAccentAndFooterPassesWcagAaOnDesktopAndPhone(TribuneServer server)
      throws Exception {
    String name = MediaIT.unique("logo-du-courrier") + ".png";
    List<Long> featured = new ArrayList<>();
    try (Visitor admin = Console.admin(server)) {
      MediaIT.uploadedId(server, admin, name);
      AppearanceIT.chooseLogo(admin, name);
      AppearanceIT.save(
          admin,
          Map.of(
              "tagline", "Le journal du canton, de ses communes et de ses vallées",
              "footer",
                  "Éditeur : Association Le Courrier du Val\n12 rue des Écoles, 38000 Grenoble",
              "powered-by", "on",
              "accent", "#1a5e1a"));
      // A header menu of 60 items, one with sub-items: it must wrap, fold on phones, never
      // overflow.
      HtmlPage menus = admin.open("/admin/appearance/menus");
      for (int i = menus.querySelectorAll("#menu .menu-items li").size(); i < 60; i++) {
        menus =
            admin.send(
                menus,
                "menu",
                Map.of(
                    "menu:choice", "address",
                    "menu:address", "/archives/2026/" + String.format("%02d", i % 12 + 1),
                    "menu:new-label", "Rubrique n° " + i),
                "menu:add");
      }
      for (int i = 1; i <= 3; i++) {
        menus =
            Visitor.html(
                admin.click(
                    (org.htmlunit.html.HtmlElement)
                        menus.querySelector(
                            "input[aria-label='"
                                + Console.text("menus.indent", "Rubrique n° " + (50 + i))
                                + "']")));
      }
      assertEquals(
          Console.text("menus.saved"),
          Console.messages(Visitor.html(admin.click(menus.getHtmlElementById("menu:save")))));
      // Two articles « À la une », the lead story with a long title.
      for (int i = 1; i <= 2; i++) {
        long id =
            FrontPageIT.published(
                admin,
                Editor.uniqueTitle(
                    i == 1
                        ? "La médiathèque intercommunale prolonge ses horaires d’ouverture tout l’hiver"
                        : "Le club d’astronomie ouvre sa coupole au public"));
        featured.add(id);
        FrontPageIT.feature(admin, id, Integer.toString(i), "");
      }
      // Two sections after « À la une », with their thumbnails.
      assertEquals(
          Console.text("home-layout.saved"),
          Console.messages(
              AppearanceIT.homeLayout(admin, Map.of("Culture", "1", "Sciences", "2"), "4")));
    }
    try {
      driver.get(server.uri("/").toString());
      assertFalse(
          driver.findElements(By.cssSelector(".home-section")).isEmpty(), "the home's sections");
      List<Executable> checks =
          new ArrayList<>(audit("public-branded-home", "a branded home page"));
      String accent =
          (String)
              driver.executeScript(
                  "return getComputedStyle(document.documentElement)"
                      + ".getPropertyValue('--accent').trim()");
      checks.add(() -> assertEquals("#1a5e1a", accent, "the site's colour applies"));
      // The phone's menu, opened with its button (no script of ours).
      chromium.phone(PHONE_WIDTH, PHONE_HEIGHT);
      try {
        driver.findElement(By.cssSelector(".menu-fold summary")).click();
        long links =
            number(
                "return document.querySelectorAll('.menu-fold nav a').length"
                    + " - (document.querySelector('.menu-fold').open ? 0 : 1000)");
        checks.add(() -> assertEquals(60, links, "the opened phone menu shows every item"));
        Results opened = axe();
        checks.add(() -> assertNoViolation("the phone's opened menu", opened));
        chromium.screenshot("public-branded-menu-open-phone.png");
      } finally {
        chromium.desktop();
      }
      checks.add(
          () ->
              assertTrue(
                  (Boolean)
                      driver.executeScript(
                          "const i = document.querySelector('.site-logo');"
                              + " return i.complete && i.naturalWidth > 0"),
                  "the logo is loaded"));
      assertAll(checks);
    } finally {
      AppearanceIT.restoreDefaults(server);
      try (Visitor admin = Console.admin(server)) {
        featured.forEach(id -> FrontPageIT.unfeature(admin, id));
      }
    }
  }

  @Test
  void anImageUploadedByDragAndDropScriptLeadsAnArticleAndTheLibraryPassesWcagAa(
      TribuneServer server) throws Exception {
    signIn(server);
    String name = "Coupole " + Long.toHexString(System.nanoTime()) + ".jpg";
    Path folder = Files.createTempDirectory("console-media");
    Path file = folder.resolve(name);
    Files.write(file, MediaIT.jpeg(1600, 1000));
    List<Executable> checks = new ArrayList<>();
    try {
      driver.get(server.uri("/admin/media").toString());
      checks.addAll(audit("console-media", "the media library, empty or not"));
      // The page's script sends each chosen file as a request of its own, with a progress bar.
      driver.findElement(By.id("files")).sendKeys(file.toString());
      driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
      new WebDriverWait(driver, WAIT)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("upload-progress"), Console.shown("media.upload.taken", name)));
      assertEquals(
          1, driver.findElements(By.cssSelector("#upload-progress progress")).size(), "a bar");
      // Then the page is read again, the new image first.
      new WebDriverWait(driver, WAIT)
          .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#upload-progress li"), 0));
      driver.findElement(By.cssSelector(".media-grid li a")).click();
      new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("/admin/media/edit"));
      String alt = "La coupole ouverte sur le ciel du soir " + System.nanoTime();
      driver.findElement(By.id("describe:alt")).sendKeys(alt);
      driver.findElement(By.id("describe:credit")).sendKeys("Studio Dupont");
      driver.findElement(By.id("describe:save")).click();
      new WebDriverWait(driver, WAIT)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("page-messages"), Console.shown("media.saved")));
      checks.addAll(audit("console-media-item", "an image's page"));
      driver.get(server.uri("/admin/media?view=list").toString());
      checks.addAll(audit("console-media-list", "the media library as a list"));

      driver.get(server.uri("/admin/articles/edit").toString());
      String title = Editor.uniqueTitle("Nuit à l’observatoire");
      driver.findElement(By.id("editor:title")).sendKeys(title);
      driver.findElement(By.id("editor:body")).sendKeys("La coupole s’ouvre.");
      driver.findElement(By.cssSelector("input[name='editor:authors']")).click();
      driver.findElement(By.id("editor:media-query")).sendKeys(alt);
      driver.findElement(By.id("editor:media-search")).click();
      By pick =
          By.cssSelector(
              "input[aria-label='" + Console.text("editor.media.pick-named", alt) + "']");
      new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(pick)).click();
      new WebDriverWait(driver, WAIT)
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".media-chosen img")));
      // The same image in the text, after the line where the cursor is: the preview shows it.
      driver.findElement(By.id("editor:media-search")).click();
      By insert =
          By.cssSelector(
              "input[aria-label='" + Console.text("editor.media.insert-named", alt) + "']");
      new WebDriverWait(driver, WAIT)
          .until(ExpectedConditions.elementToBeClickable(insert))
          .click();
      new WebDriverWait(driver, WAIT)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#editor\\:preview figure.media img")));
      checks.addAll(audit("console-editor-media", "the editor with a lead image and a figure"));
      driver.findElement(By.id("editor:publish")).click();
      new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("id="));
      String slug = driver.findElement(By.id("editor:slug")).getAttribute("value");

      driver.get(server.uri("/articles/" + slug).toString());
      By lead = By.cssSelector("figure.lead-image img");
      new WebDriverWait(driver, WAIT)
          .until(
              d ->
                  number("return document.querySelector('figure.lead-image img').naturalWidth")
                      > 0);
      chromium.screenshot("public-article-lead-image.png");
      String caption = driver.findElement(By.cssSelector("figure.lead-image figcaption")).getText();
      String current =
          (String)
              driver.executeScript(
                  "return document.querySelector('figure.lead-image img').currentSrc");
      String leadAlt = driver.findElement(lead).getAttribute("alt");
      String bodyCaption =
          driver.findElement(By.cssSelector(".article-body figure.media figcaption")).getText();
      checks.add(() -> assertTrue(bodyCaption.contains("Studio Dupont"), bodyCaption));
      double articleShift = layoutShift();
      checks.addAll(audit("public-article-lead-image", "an article with its lead image"));
      driver.get(server.uri("/").toString());
      new WebDriverWait(driver, WAIT)
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.thumbnail img")));
      double homeShift = layoutShift();
      checks.addAll(audit("public-home-thumbnails", "the home page with a thumbnail"));
      checks.add(() -> assertEquals(0.0, articleShift, "layout shift of the article"));
      checks.add(() -> assertEquals(0.0, homeShift, "layout shift of the home page"));
      checks.add(() -> assertEquals(alt, leadAlt));
      checks.add(() -> assertTrue(caption.contains("Studio Dupont"), caption));
      checks.add(() -> assertTrue(current.matches(".*/media/[0-9a-f]{64}-\\d+\\.jpg"), current));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(folder);
    }
    assertAll(checks);
  }

  /**
   * The page's cumulative layout shift so far (what moved while it loaded, images included), read
   * from the browser's own record of layout shifts.
   */
  private double layoutShift() {
    Object value =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1]; let shift = 0;"
                + "new PerformanceObserver(list => { for (const e of list.getEntries()) {"
                + " if (!e.hadRecentInput) { shift += e.value; } } })"
                + ".observe({type: 'layout-shift', buffered: true});"
                + "setTimeout(() => done(shift), 500);");
    return ((Number) value).doubleValue();
  }

  private void signIn(TribuneServer server) {
    driver.get(server.uri("/admin/dashboard").toString());
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("/admin/login"));
    driver.findElement(By.id("login:email")).sendKeys(ConsoleServer.ADMIN_EMAIL);
    driver.findElement(By.id("login:password")).sendKeys(ConsoleServer.ADMIN_PASSWORD);
    driver.findElement(By.id("login:submit")).click();
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("/admin/dashboard"));
  }

  /**
   * Audits the current page at desktop (1 366 px) then phone (390 px) width; screenshots of the
   * whole page at both.
   */
  private List<Executable> audit(String name, String what) {
    List<Executable> checks = new ArrayList<>();
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            DESKTOP_WIDTH,
            "height",
            DESKTOP_HEIGHT,
            "deviceScaleFactor",
            1,
            "mobile",
            false));
    Results desktop = axe();
    wholePage(DESKTOP_WIDTH, false);
    chromium.screenshot(name + "-desktop.png");
    chromium.desktop();
    checks.add(() -> assertNoViolation(what + " (desktop)", desktop));
    chromium.phone(PHONE_WIDTH, PHONE_HEIGHT);
    try {
      long innerWidth = number("return document.documentElement.clientWidth");
      long scrollWidth = number("return document.documentElement.scrollWidth");
      Results phone = axe();
      wholePage(PHONE_WIDTH, true);
      chromium.screenshot(name + "-phone.png");
      checks.add(
          () ->
              assertTrue(
                  scrollWidth <= innerWidth,
                  () -> what + " is " + scrollWidth + " px wide on a " + innerWidth + " px phone"));
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

  private long number(String script) {
    return ((Number) driver.executeScript(script)).longValue();
  }
}
