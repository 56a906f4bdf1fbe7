package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** Stopping the site and starting it again on the same database loses and duplicates nothing. */
class RestartIT {

  @Test
  void articlesSurviveAGracefulRestartAndDemoContentIsNotCreatedTwice() throws IOException {
    try (TribuneServer server = TribuneServer.onTestDatabase("restart").start()) {
      List<String> before = titles(server);
      assertTrue(
          before.containsAll(DemoArticles.titlesNewestFirst()),
          () -> "the demo articles are not all listed on the first start: " + before);

      assertTrue(server.stop(), "Payara Micro was still running 30 s after SIGTERM");
      if (server.usesH2()) {
        Path database = server.dataDir().resolve("tribune.mv.db");
        assertTrue(Files.isRegularFile(database), () -> "no database file " + database);
      }

      server.start();
      List<String> after = titles(server);
      assertEquals(before, after, "the articles changed across the restart");
      assertEquals(
          after.size(), new HashSet<>(after).size(), () -> "an article is listed twice: " + after);
    }
  }

  /** Every listed title, following the home page's pages (on PostgreSQL other tests add many). */
  private static List<String> titles(TribuneServer server) throws IOException {
    List<String> titles = new ArrayList<>();
    try (WebClient client = WebClients.withoutJavaScript()) {
      for (int page = 1; page <= 200; page++) {
        HtmlPage home = client.getPage(server.uri("/?page=" + page).toURL());
        assertEquals(200, home.getWebResponse().getStatusCode());
        home.querySelectorAll("h2.article-title").stream()
            .map(DomNode::getTextContent)
            .map(String::strip)
            .forEach(titles::add);
        if (home.querySelector(".pagination a[rel=next]") == null) {
          return titles;
        }
      }
    }
    throw new AssertionError("more than 200 pages of articles");
  }
}
