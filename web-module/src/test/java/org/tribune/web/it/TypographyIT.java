package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * French is typeset on the pages themselves (issue 23; the bundles are checked by {@code
 * FrenchTypographyTest}): every public page and every console page of a new site, with its demo
 * content and the legal pages it drafted, has no straight apostrophe and no breakable space where
 * French wants a non-breaking one ({@link Typesetting}). A server of its own: what other tests type
 * (names with apostrophes, hostile text) is theirs, not the site's.
 */
class TypographyIT {
  private static final String PASSWORD = "Une phrase de passe pour la typographie";

  private static TribuneServer server;

  @BeforeAll
  static void start() {
    // Typography owes nothing to the database: checked once, on H2, not again in the PostgreSQL
    // run.
    String database = System.getProperty("tribune.it.db.url");
    assumeTrue(database == null || database.isBlank(), "checked in the H2 run");
    server =
        TribuneServer.onTestDatabase("typography")
            .withEnvironment("TRIBUNE_ADMIN_PASSWORD", PASSWORD)
            .start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyPageAReaderOrAnEditorSeesIsTypesetInFrench() {
    Map<String, HtmlPage> pages = new LinkedHashMap<>();
    try (Visitor reader = Console.visitor(server)) {
      HtmlPage home = reader.open("/");
      pages.put("/", home);
      String article = reader.articlePath(DemoArticles.named("comete.md").title());
      HtmlPage articlePage = reader.open(article);
      pages.put(article, articlePage);
      for (String path : List.of("/archives", "/search?q=march%C3%A9", "/page-inconnue")) {
        pages.put(path, reader.open(path));
      }
      articlePage.querySelectorAll("a.report-link").stream()
          .findFirst()
          .ifPresent(
              link -> {
                String report = ((org.htmlunit.html.DomElement) link).getAttribute("href");
                pages.put(report, reader.open(report));
              });
    }
    try (Visitor admin = Console.visitor(server)) {
      Console.signedIn(admin, ConsoleServer.ADMIN_EMAIL, PASSWORD);
      for (String page :
          List.of(
              "dashboard",
              "articles",
              "articles/edit",
              "pages",
              "pages/legal",
              "media",
              "comments",
              "reports",
              "reports/transparency",
              "taxonomy",
              "appearance",
              "appearance/menus",
              "appearance/home",
              "settings",
              "accounts",
              "audit",
              "transfer",
              "backups",
              "password")) {
        pages.put("/admin/" + page, admin.open("/admin/" + page));
      }
    }
    List<Executable> checks = new ArrayList<>();
    pages.forEach(
        (path, page) -> checks.add(() -> assertEquals(List.of(), Typesetting.faults(page), path)));
    assertAll(checks);
  }
}
