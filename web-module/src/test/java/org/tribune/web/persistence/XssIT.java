package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tribune.web.it.Chromium;

/**
 * Nothing a writer types runs in a reader's browser. {@link XssSeeding}, deployed with this test,
 * writes articles whose every visible field carries one of the payloads of {@code
 * xss-payloads.txt}, through the same services as the console; each page that shows them (the
 * articles in both body formats, their author, tag and section, the home pages) is then opened in
 * Chromium, which must show no alert, keep its title, gain no {@code #xss-ran} element, and hold no
 * script but the JSON-LD, no event handler attribute and no link other than http(s) and mailto.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XssIT {
  private static final Duration PAGE_LOAD = Duration.ofSeconds(15);

  /** What the page says is wrong with it: scripts, handlers, links, frames; empty when clean. */
  private static final String INSPECT =
      """
      const problems = [];
      const expected = arguments[0];
      if (expected && !document.body.textContent.includes(expected)) {
        problems.push('not the seeded page (' + document.title + ')');
      }
      if (document.title === 'pwned' || !document.title.includes('Tribune')) {
        problems.push('the title was changed to ' + document.title);
      }
      if (document.getElementById('xss-ran')) problems.push('an element #xss-ran was added');
      const jsonLd = document.querySelectorAll('script[type="application/ld+json"]');
      // The discussion's own script: one, ours, after the discussion in <main>.
      const ownScripts = [...document.querySelectorAll('main > script[src]')].filter(
          s => new URL(s.src).origin === location.origin
              && /^\\/assets\\/discussion\\.[0-9a-f]{10}\\.js$/.test(new URL(s.src).pathname));
      for (const script of document.querySelectorAll('script')) {
        if (ownScripts.length === 1 && script === ownScripts[0]) continue;
        if (script.type !== 'application/ld+json' || script.parentElement !== document.head) {
          problems.push('a script element: ' + script.outerHTML.slice(0, 160));
        } else {
          try { JSON.parse(script.textContent); }
          catch (e) { problems.push('JSON-LD that is not JSON: ' + script.textContent.slice(0, 160)); }
        }
      }
      if (jsonLd.length > 1) problems.push(jsonLd.length + ' JSON-LD scripts');
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name)) {
            problems.push('an event handler: <' + element.localName + ' ' + attribute.name + '="'
                + attribute.value.slice(0, 80) + '">');
          }
          if (/^\\s*(javascript|data|vbscript):/i.test(attribute.value)
              && !/^(content|alt|title|aria-label)$/.test(attribute.name)) {
            problems.push('a script address: <' + element.localName + ' ' + attribute.name + '="'
                + attribute.value.slice(0, 80) + '">');
          }
        }
      }
      // Allowed forms: the layout's own search form (one per page, GET to /search), and the
      // discussion's (comment, vote, edit, delete: POST to this site's /articles/…; the vote buttons
      // with a formaction to their comment's /vote), never inside
      // what a reader wrote (.comment-body) or the article's body.
      const siteSearch = document.querySelectorAll('header form.site-search[method=get]');
      const discussion = document.getElementById('comments');
      const ownDiscussion = element => {
        if (!discussion || !discussion.contains(element)
            || element.closest('.comment-body, .article-body') || element.hasAttribute('style')) {
          return false;
        }
        if (element.hasAttribute('formaction')) {
          // Only the vote buttons, posting the page's one vote form to their comment's address.
          const target = new URL(element.formAction);
          return element.localName === 'button' && element.form !== null
              && element.form.id === 'vote-form' && target.origin === location.origin
              && /^\\/articles\\/[a-z0-9-]+\\/comments\\/\\d+\\/vote$/.test(target.pathname);
        }
        if (element.matches('button.quote-button')) return true;
        const form = element.localName === 'form' ? element : element.closest('form');
        if (!form || form.method !== 'post') return false;
        const action = new URL(form.action);
        return action.origin === location.origin && action.pathname.startsWith('/articles/');
      };
      for (const element of document.querySelectorAll(
          'iframe, frame, object, embed, applet, base, form, input, button, textarea, svg, math,'
          + ' style, body meta, body link, [style], [srcdoc], [formaction]')) {
        const ownSearch = siteSearch.length === 1
            && new URL(siteSearch[0].action).pathname === '/search'
            && (element === siteSearch[0] || siteSearch[0].contains(element))
            && !element.hasAttribute('formaction') && !element.hasAttribute('style');
        if (!ownSearch && !ownDiscussion(element)) {
          problems.push('a <' + element.localName + '> element: ' + element.outerHTML.slice(0, 120));
        }
      }
      for (const link of document.querySelectorAll('a[href], area[href]')) {
        if (!['http:', 'https:', 'mailto:'].includes(link.protocol)) {
          problems.push('a link to ' + link.protocol + ' ' + link.getAttribute('href').slice(0, 80));
        }
      }
      for (const image of document.images) {
        const protocol = new URL(image.getAttribute('src') || '', location.href).protocol;
        if (!['http:', 'https:'].includes(protocol)) problems.push('an image from ' + protocol);
      }
      return problems;
      """;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("tribune.it.war")))
        .addPackage(XssIT.class.getPackage())
        .addAsResource(XssIT.class.getPackage(), XssSeeding.PAYLOADS);
  }

  @ArquillianResource URL deployed;

  /** The mark of the seeded run: every seeded page shows it. */
  private String runMark;

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
    driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void noPayloadRunsOnTheArticleAuthorTagSectionAndHomePages() throws Exception {
    List<String> payloads = XssSeeding.payloads();
    assertTrue(payloads.size() >= 40, "only " + payloads.size() + " payloads");
    long seeding = System.nanoTime();
    Map<String, Integer> pages = seed();
    String run = runMark;
    System.out.printf(
        "XssIT: %d payloads written in %d s%n",
        payloads.size(), Duration.ofNanos(System.nanoTime() - seeding).toSeconds());
    assertEquals(
        1 + payloads.size() * 5, pages.size(), "five pages per payload: " + pages.keySet());
    // The seeded articles are the newest: they fill the first home pages.
    int homePages = (2 * payloads.size() + 11) / 12;
    for (int page = homePages; page >= 1; page--) {
      pages.put(page == 1 ? "/" : "/?page=" + page, -1);
    }

    long started = System.nanoTime();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Integer> page : pages.entrySet()) {
      List<String> problems = open(page.getKey(), run);
      if (!problems.isEmpty()) {
        int number = page.getValue();
        failures.add(
            page.getKey()
                + (number < 0 ? "" : " (payload " + number + ": " + payloads.get(number) + ")")
                + "\n    "
                + String.join("\n    ", problems));
      }
    }
    System.out.printf(
        "XssIT: %d pages checked in %d s%n",
        pages.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    assertTrue(
        failures.isEmpty(),
        () -> failures.size() + " pages let a payload through:\n" + String.join("\n", failures));
  }

  @Test
  void theChecksSeeAPayloadThatRunsOnAPageThatDoesNotEscapeIt() {
    List<String> payloads = XssSeeding.payloads();
    for (String payload :
        List.of(
            "<script>alert(1)</script>",
            "<script>document.title='pwned'</script>",
            "<img src='x' onerror='document.body.append(Object.assign(document.createElement(\"b\"),{id:\"xss-ran\"}))'>",
            "<a href=\"javascript:alert(1)\">clic</a>",
            "<iframe srcdoc=\"<script>parent.alert(1)</script>\"></iframe>")) {
      int number = payloads.indexOf(payload);
      assertTrue(number >= 0, () -> "not in the payload file: " + payload);
      List<String> problems = open("/test-seed/xss?unsafe=" + number, null);
      assertFalse(problems.isEmpty(), () -> "the checks did not see " + payload + " run");
    }
  }

  /**
   * Opens a page of the site and says what went wrong there; empty when nothing did. An alert, left
   * open by the browser, makes the first command after it fail; it is then closed and the page
   * inspected again.
   */
  private List<String> open(String path, String expected) {
    List<String> problems = new ArrayList<>();
    try {
      driver.get(local(path).toString());
    } catch (UnhandledAlertException e) {
      problems.add("an alert opened while loading: " + e.getAlertText());
    } catch (TimeoutException e) {
      problems.add("the page did not finish loading (an alert may block it)");
    }
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        Object found = driver.executeScript(INSPECT, expected);
        if (found instanceof List<?> list) {
          list.forEach(problem -> problems.add(String.valueOf(problem)));
        }
        return problems;
      } catch (UnhandledAlertException e) {
        Alert alert = driver.switchTo().alert();
        problems.add("an alert is open: " + alert.getText());
        alert.accept();
      }
    }
    problems.add("alerts keep opening");
    return problems;
  }

  /** Has the deployment write the articles; returns the pages to open, with their payload. */
  private Map<String, Integer> seed() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(local("/test-seed/xss"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofMinutes(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response::body);
    Map<String, Integer> pages = new LinkedHashMap<>();
    for (String line : response.body().lines().toList()) {
      String[] parts = line.split("\t", 2);
      if (parts[0].equals("run")) {
        runMark = parts[1];
      } else {
        pages.put(parts[1], Integer.parseInt(parts[0]));
      }
    }
    return pages;
  }

  /** The deployment's address on the loopback interface (Arquillian reports the LAN one). */
  private URI local(String path) {
    String context = deployed.getPath().replaceAll("/$", "");
    return URI.create("http://127.0.0.1:" + deployed.getPort() + context + path);
  }
}
