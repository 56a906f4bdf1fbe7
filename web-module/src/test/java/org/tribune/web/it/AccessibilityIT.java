package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader's walk through the public pages in Chromium, following the links each page shows: home,
 * an article, its section and sub-section, one of its tags, an author, the month's archive, a
 * search typed in the header's form, the Mastodon sharing page, and a missing page. On each, at
 * desktop and phone width, axe-core (its script comes from the {@code
 * com.deque.html.axe-core:selenium} jar, nothing is downloaded) must find no WCAG 2.0/2.1 A or AA
 * violation, and at phone width nothing may stick out sideways. Screenshots of every page go to
 * {@code target/screenshots/a11y-*.png}.
 */
@ExtendWith(SharedTribune.class)
class AccessibilityIT {
  private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final int PHONE_WIDTH = 390;
  private static final int PHONE_HEIGHT = 844;

  private Chromium chromium;
  private WebDriver driver;

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
  void everyPageOfAReadersWalkPassesWcagAaAtDesktopAndPhoneWidth(TribuneServer server) {
    Map<String, String> visited = new LinkedHashMap<>();
    List<Executable> checks = new ArrayList<>();

    driver.get(server.uri("/").toString());
    checks.addAll(check("home", visited));

    // The newest demo article: it has a section with a sub-section, and tags. On PostgreSQL the
    // suite's other tests share the database, and their articles may come first.
    followToArticle(DemoArticles.titlesNewestFirst().get(0));
    checks.addAll(check("article", visited));
    String article = driver.getCurrentUrl();

    follow(".article-header .article-section a:last-child");
    checks.addAll(check("section", visited));

    follow(".sub-sections a");
    checks.addAll(check("sub-section", visited));

    driver.get(article);
    follow(".tags a[rel=tag]");
    checks.addAll(check("tag", visited));

    follow("li.article-item .article-author a");
    checks.addAll(check("author", visited));

    follow(".site-header nav a[href*='/archives/']");
    checks.addAll(check("archive", visited));

    // Search from the header's form, as a reader types it: accents left out on purpose.
    WebElement query = driver.findElement(By.cssSelector(".site-search input[name=q]"));
    query.sendKeys("comete");
    String before = driver.getCurrentUrl();
    query.submit();
    awaitNavigationFrom(before, "the search form");
    assertFalse(
        driver.findElements(By.cssSelector("mark")).isEmpty(),
        "no highlighted word in the results");
    checks.addAll(check("search", visited));

    driver.get(article);
    follow(".share a[href*='/share/mastodon']");
    checks.addAll(check("share-mastodon", visited));

    // The one page that no link leads to.
    driver.get(server.uri("/articles/cet-article-n-existe-pas").toString());
    checks.addAll(check("not-found", visited));

    assertEquals(10, visited.size(), () -> "pages visited: " + visited);
    assertAll(checks);
  }

  /** Clicks the article's title in the list, following the "older" links until it shows. */
  private void followToArticle(String title) {
    for (int page = 1; page <= 50; page++) {
      for (WebElement link : driver.findElements(By.cssSelector("h2.article-title a"))) {
        if (link.getText().strip().equals(title)) {
          link.click();
          return;
        }
      }
      follow(".pagination a[rel=next]");
    }
    throw new AssertionError("'" + title + "' is on none of the first 50 home pages");
  }

  /** Clicks the first link matching {@code css} on the current page and waits for the next one. */
  private void follow(String css) {
    List<WebElement> links = driver.findElements(By.cssSelector(css));
    assertFalse(links.isEmpty(), () -> "no link '" + css + "' on " + driver.getCurrentUrl());
    String from = driver.getCurrentUrl();
    links.get(0).click();
    awaitNavigationFrom(from, "'" + css + "'");
  }

  /**
   * A form's submit (and, now and then, a click) returns before Chromium has left the page: wait
   * for the new address, then for the new page to be loaded, at most 10 s.
   */
  private void awaitNavigationFrom(String from, String what) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(10))
          .until(
              d ->
                  !from.equals(d.getCurrentUrl())
                      && "complete"
                          .equals(
                              ((JavascriptExecutor) d)
                                  .executeScript("return document.readyState")));
    } catch (TimeoutException e) {
      throw new AssertionError(what + " led nowhere from " + from, e);
    }
  }

  /** Audits the current page at desktop then phone width, with a screenshot of each. */
  private List<Executable> check(String name, Map<String, String> visited) {
    String url = driver.getCurrentUrl();
    visited.put(name, url);
    List<Executable> checks = new ArrayList<>();

    chromium.screenshot("a11y-" + name + "-desktop.png");
    Results desktop = audit();
    checks.add(() -> assertNoViolation(name + " (desktop) " + url, desktop));

    chromium.phone(PHONE_WIDTH, PHONE_HEIGHT);
    try {
      long innerWidth = number("return document.documentElement.clientWidth");
      long scrollWidth = number("return document.documentElement.scrollWidth");
      String widest = widestElements(innerWidth);
      chromium.screenshot("a11y-" + name + "-phone.png");
      Results phone = audit();
      checks.add(
          () ->
              assertTrue(
                  scrollWidth <= innerWidth,
                  () ->
                      name
                          + " "
                          + url
                          + " is "
                          + scrollWidth
                          + " px wide on a "
                          + innerWidth
                          + " px phone screen; too wide: "
                          + widest));
      checks.add(() -> assertNoViolation(name + " (phone) " + url, phone));
    } finally {
      chromium.desktop();
    }
    return checks;
  }

  private Results audit() {
    Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(driver);
    assertFalse(results.isErrored(), () -> "axe-core failed: " + results.getErrorMessage());
    assertFalse(results.getPasses().isEmpty(), "axe-core checked nothing on " + results.getUrl());
    return results;
  }

  private long number(String script) {
    return ((Number) chromium.driver().executeScript(script)).longValue();
  }

  /** The elements that end right of the screen, to say what overflows. */
  private String widestElements(long width) {
    Object found =
        chromium
            .driver()
            .executeScript(
                "const w = arguments[0]; return [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > w)"
                    + ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' +"
                    + " e.className : '') + ' (' + Math.round(e.getBoundingClientRect().right)"
                    + " + ' px)').join(', ')",
                width);
    return String.valueOf(found);
  }

  private static void assertNoViolation(String page, Results results) {
    List<Rule> violations = results.getViolations();
    assertTrue(
        violations.isEmpty(),
        () -> page + " has accessibility violations:\n" + describe(violations));
  }

  /** One paragraph per violated rule: what it is, where to read about it, and each element. */
  static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            rule ->
                "- "
                    + rule.getId()
                    + " ("
                    + rule.getImpact()
                    + "): "
                    + rule.getHelp()
                    + " "
                    + rule.getHelpUrl()
                    + "\n"
                    + rule.getNodes().stream()
                        .map(AccessibilityIT::describe)
                        .collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n"));
  }

  private static String describe(CheckedNode node) {
    return "    at "
        + node.getTarget()
        + ": "
        + node.getHtml()
        + "\n      "
        + String.valueOf(node.getFailureSummary()).replace("\n", "\n      ");
  }
}
