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
import org.openqa.selenium.chrome.ChromeDriver;
import org.tribune.web.it.Chromium;
import org.tribune.web.it.XssChecks;

/**
 * Nothing a writer types runs in a reader's browser. {@link XssSeeding}, deployed with this test,
 * writes articles whose every visible field carries one of the payloads of {@code
 * xss-payloads.txt}, through the same services as the console; each page that shows them (the
 * articles in both body formats, their author, tag and section, the home pages) is then opened in
 * Chromium, which must run none of them and show none as live markup ({@link XssChecks}: no dialog
 * or console call, title kept, no {@code #xss-ran} element, no script but the JSON-LD, no event
 * handler attribute, no link other than http(s) and mailto).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XssIT {
  private static final Duration PAGE_LOAD = Duration.ofSeconds(15);

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
    XssChecks.watch(driver);
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
    assertTrue(payloads.size() >= 110, "only " + payloads.size() + " payloads");
    List<List<Integer>> groups = XssSeeding.groups(payloads);
    long seeding = System.nanoTime();
    Map<String, Integer> pages = seed();
    String run = runMark;
    System.out.printf(
        "XssIT: %d payloads written in %d groups in %d s%n",
        payloads.size(), groups.size(), Duration.ofNanos(System.nanoTime() - seeding).toSeconds());
    assertEquals(1 + groups.size() * 5, pages.size(), "five pages per group: " + pages.keySet());
    // The seeded articles are the newest: they fill the first home pages.
    int homePages = (2 * groups.size() + 11) / 12;
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
                + (number < 0
                    ? ""
                    : " (payloads "
                        + groups.get(number).stream().map(i -> i + ": " + payloads.get(i)).toList()
                        + ")")
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

  /** Opens a page of the site and says what went wrong there; empty when nothing did. */
  private List<String> open(String path, String expected) {
    return XssChecks.open(driver, local(path).toString(), XssChecks.PUBLIC_PAGE, expected);
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
