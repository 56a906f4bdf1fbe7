package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A site whose database settings are wrong starts anyway, says what to fix once in its log, and
 * answers 503 with a French page, without a stack trace per request. Two private servers, started
 * side by side: one whose PostgreSQL does not answer, one with a URL of an unsupported database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadDatabaseIT {
  /** Nothing listens on port 1. */
  private static final String UNREACHABLE_URL = "jdbc:postgresql://127.0.0.1:1/nothing";

  private static final String UNSUPPORTED_URL = "jdbc:mysql://x/y";
  private static final String SETTING = "tribune.db.url";
  private static final int REQUESTS = 5;

  /**
   * Longer than the gate's 2 s between two database checks, so the requests below make it check
   * again (and log, if it logs per check).
   */
  private static final long PAUSE_BETWEEN_REQUESTS_MILLIS = 700;

  private TribuneServer unreachable;
  private TribuneServer unsupported;

  @BeforeAll
  void startBothServers() {
    unreachable = TribuneServer.onDatabaseUrl("unreachable-db", UNREACHABLE_URL).launch();
    unsupported = TribuneServer.onDatabaseUrl("unsupported-db", UNSUPPORTED_URL).launch();
    unreachable.awaitBooted();
    unsupported.awaitBooted();
  }

  @AfterAll
  void stopBothServers() {
    for (TribuneServer server : new TribuneServer[] {unreachable, unsupported}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {UNREACHABLE_URL, UNSUPPORTED_URL})
  void healthIsDownWithBothDatabaseChecksDown(String databaseUrl) throws Exception {
    HealthReport health = HealthReport.of(server(databaseUrl));

    assertAll(
        () -> assertEquals(503, health.httpStatus()),
        () -> assertEquals("DOWN", health.status()),
        () ->
            assertEquals(
                Map.of("articles-database", "DOWN", "comments-database", "DOWN"),
                health.databaseChecks()));
  }

  @ParameterizedTest
  @ValueSource(strings = {UNREACHABLE_URL, UNSUPPORTED_URL})
  void pagesAnswer503WithTheFrenchUnavailablePage(String databaseUrl) throws IOException {
    try (WebClient client = WebClients.withoutJavaScript()) {
      Page page = client.getPage(server(databaseUrl).uri("/").toURL());

      assertEquals(503, page.getWebResponse().getStatusCode());
      assertTrue(page.isHtmlPage(), "the 503 answer is not HTML");
      HtmlPage html = (HtmlPage) page;
      DomElement heading = html.getBody().querySelector("h1");
      assertAll(
          () -> assertEquals("fr", html.getDocumentElement().getAttribute("lang")),
          () ->
              assertEquals(
                  "Site momentanément indisponible",
                  heading == null ? null : heading.getTextContent()));
    }
  }

  @Test
  void logNamesTheSettingAndPrintsNoStackTracePerRequest() throws InterruptedException {
    String before = unreachable.log();
    assertTrue(before.contains(SETTING), "the log does not name " + SETTING);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      Thread.sleep(PAUSE_BETWEEN_REQUESTS_MILLIS);
      statuses.add(unreachable.status(i % 2 == 0 ? "/" : "/no-such-page"));
    }
    // Give the server's console a moment to reach the log file.
    Thread.sleep(1_000);
    String after = unreachable.log();
    String added = after.substring(Math.min(before.length(), after.length()));

    assertEquals(
        List.of(503, 503, 503, 503, 503),
        statuses,
        "the requests did not reach the application's unavailable page");
    assertAll(
        () ->
            assertEquals(
                stackFrames(before),
                stackFrames(after),
                () -> "stack trace lines were logged while serving requests:\n" + shorten(added)),
        () ->
            assertEquals(
                severeLines(before),
                severeLines(after),
                () -> "SEVERE lines were logged while serving requests:\n" + shorten(added)));
  }

  @Test
  void unsupportedUrlIsReportedInOneLineNamingTheSetting() {
    List<String> reports =
        unsupported
            .log()
            .lines()
            .filter(line -> line.contains(UNSUPPORTED_URL) && line.contains(SETTING))
            .toList();

    assertTrue(
        !reports.isEmpty(),
        () ->
            "no log line names both "
                + UNSUPPORTED_URL
                + " and "
                + SETTING
                + "; see "
                + unsupported.logFile());
  }

  private TribuneServer server(String databaseUrl) {
    return databaseUrl.equals(UNREACHABLE_URL) ? unreachable : unsupported;
  }

  private static long stackFrames(String log) {
    return log.lines().filter(line -> line.startsWith("\tat ")).count();
  }

  private static long severeLines(String log) {
    return log.lines().filter(line -> line.contains("SEVERE")).count();
  }

  private static String shorten(String text) {
    return text.length() <= 4_000 ? text : text.substring(0, 4_000) + "\n[…]";
  }
}
