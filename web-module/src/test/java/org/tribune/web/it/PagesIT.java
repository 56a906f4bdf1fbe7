package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Console.admin;
import static org.tribune.web.it.Console.text;
import static org.tribune.web.it.MediaIT.spaced;
import static org.tribune.web.it.Visitor.html;
import static org.tribune.web.it.Visitor.location;
import static org.tribune.web.it.Visitor.status;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.web.it.ConsoleFlowsIT.AuthorAccount;

/**
 * Pages over HTTP, without JavaScript: an administrator writes a page and a sub-page in the editor
 * ({@code /admin/articles/edit?type=page}) and publishes them; a reader finds them at {@code /slug}
 * and {@code /slug/child}, with their title, text and breadcrumb but without byline, date, share
 * links or discussion unless the editor ticked them; their former addresses and {@code
 * /articles/{slug}} answer 301 to where they are; an address the site answers by itself is refused
 * in French and keeps answering as before; the sitemap and the search find pages, the home page and
 * the feed never list them; authors may not write them. On the server of {@link
 * ConsoleFlowsServer}; each test writes the pages it reads.
 */
@ExtendWith(ConsoleFlowsServer.class)
class PagesIT {
  private static final AtomicInteger SERIAL = new AtomicInteger();

  /** A slug no other test (or run on the same database) uses. */
  private static String slug(String word) {
    return word
        + "-"
        + SERIAL.incrementAndGet()
        + "-"
        + Long.toString(System.currentTimeMillis(), 36)
        + Long.toString(System.nanoTime() % 1_000_000, 36);
  }

  /** Writes a page with these fields and publishes it now; its id. */
  private static long published(Visitor admin, Map<String, String> fields) {
    long id = Editor.createPage(admin, fields);
    HtmlPage editor =
        admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "publish"));
    assertEquals(text("status.PUBLISHED"), Editor.statusShown(editor), "not published");
    return id;
  }

  private static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  /** The page a reader is given at this address, which must answer 200 at once. */
  private static HtmlPage read(Visitor reader, String path) {
    Page answer = reader.get(path);
    assertEquals(200, status(answer), () -> path + " answered " + status(answer));
    return html(answer);
  }

  /** The path (and query) a 301 from this address leads to. */
  private static String movedTo(Visitor reader, String address) {
    Page answer = reader.get(address);
    assertEquals(301, status(answer), () -> address + " answered " + status(answer));
    URI target = URI.create(location(answer));
    return target.getRawQuery() == null
        ? target.getRawPath()
        : target.getRawPath() + "?" + target.getRawQuery();
  }

  private static String heading(HtmlPage page) {
    DomNode h1 = page.querySelector("main h1");
    assertNotNull(h1, "no h1");
    return h1.asNormalizedText().strip();
  }

  private static String canonical(HtmlPage page) {
    DomElement link = (DomElement) page.querySelector("link[rel=canonical]");
    assertNotNull(link, "no canonical link");
    return URI.create(link.getAttribute("href")).getPath();
  }

  /** The breadcrumb's links: their path and their text. */
  private static Map<String, String> breadcrumb(HtmlPage page) {
    Map<String, String> links = new LinkedHashMap<>();
    for (DomNode link : page.querySelectorAll("nav.breadcrumbs a")) {
      links.put(
          URI.create(((DomElement) link).getAttribute("href")).getPath(),
          link.getTextContent().strip());
    }
    return links;
  }

  /** The rows of the console's page list: title, address, status. */
  private static List<List<String>> pageRows(Visitor admin) {
    HtmlPage list = admin.open("/admin/pages");
    List<List<String>> rows = new ArrayList<>();
    for (DomNode row : list.querySelectorAll("table#pages tbody tr")) {
      List<String> cells = new ArrayList<>();
      row.querySelectorAll("td").forEach(cell -> cells.add(cell.asNormalizedText().strip()));
      rows.add(cells);
    }
    return rows;
  }

  // --- Reading a page --------------------------------------------------------------------------

  @Test
  void aPageAndItsSubPageAreReadAtTheirPathsWithTheirTitleTextAndBreadcrumbOnly(
      TribuneServer server) {
    String top = slug("a-propos");
    String sub = slug("equipe");
    String topTitle = Editor.uniqueTitle("À propos");
    String subTitle = Editor.uniqueTitle("L’équipe");
    try (Visitor admin = admin(server)) {
      long parent =
          published(admin, fields("title", topTitle, "slug", top, "body", "Qui nous sommes."));
      published(
          admin,
          fields(
              "title",
              subTitle,
              "slug",
              sub,
              "body",
              "Les **journalistes** de la rédaction.",
              "parent",
              Long.toString(parent)));
    }
    try (Visitor reader = Console.visitor(server)) {
      HtmlPage parent = read(reader, "/" + top);
      HtmlPage child = read(reader, "/" + top + "/" + sub);
      assertAll(
          () -> assertEquals(topTitle, heading(parent)),
          () -> assertTrue(parent.asNormalizedText().contains("Qui nous sommes.")),
          () -> assertEquals(Map.of(), breadcrumb(parent), "a page at the root"),
          () -> assertEquals("/" + top, canonical(parent)),
          () -> assertEquals(subTitle, heading(child)),
          () ->
              assertEquals(
                  "journalistes",
                  child.querySelector("article.page .article-body strong").getTextContent()),
          () -> assertEquals(Map.of("/" + top, topTitle), breadcrumb(child)),
          () -> assertEquals("/" + top + "/" + sub, canonical(child)));
      for (HtmlPage page : List.of(parent, child)) {
        assertAll(
            () -> assertNotNull(page.querySelector("article.article.page"), "not a page"),
            () -> assertNull(page.querySelector(".article-meta"), "a byline or a date"),
            () -> assertNull(page.querySelector("article time"), "a date"),
            () -> assertNull(page.querySelector(".reading-time"), "a reading time"),
            () -> assertNull(page.querySelector("nav.share"), "share links"),
            () -> assertNull(page.querySelector("nav.neighbours"), "neighbours"),
            () -> assertNull(page.querySelector("#comments"), "a discussion"),
            () -> assertNull(page.querySelector("form.comment-form"), "a comment form"),
            () -> assertNull(page.querySelector("link[href$='comments.atom']"), "its feed"));
      }

      assertAll(
          () -> assertEquals("/" + top + "/" + sub, movedTo(reader, "/articles/" + sub)),
          () -> assertEquals("/" + top, movedTo(reader, "/articles/" + top)),
          () ->
              assertEquals(
                  "/" + top + "/" + sub + "?sort=oldest&cpage=1",
                  movedTo(reader, "/articles/" + sub + "?sort=oldest&cpage=1"),
                  "the query string kept"),
          () ->
              assertEquals(
                  "/" + top + "/" + sub,
                  movedTo(reader, "/" + sub),
                  "an address ending with a page's slug leads to the page"));
    }
    try (Visitor admin = admin(server)) {
      List<List<String>> rows = pageRows(admin);
      List<String> titles = rows.stream().map(r -> r.get(0)).toList();
      int parentRow = titles.indexOf(topTitle);
      int childRow = titles.indexOf(subTitle);
      assertAll(
          () -> assertTrue(parentRow >= 0, () -> "the parent is not listed: " + rows),
          () -> assertTrue(childRow > parentRow, () -> "not just below its parent: " + rows),
          () -> assertEquals("/" + top, rows.get(parentRow).get(1)),
          () -> assertEquals("/" + top + "/" + sub, rows.get(childRow).get(1)),
          () -> assertEquals(text("status.PUBLISHED"), rows.get(childRow).get(2)));
    }
  }

  @Test
  void whatTheEditorTicksIsShownAndACommentOnThePageLandsBackAtItsPath(TribuneServer server) {
    String slug = slug("charte");
    String title = Editor.uniqueTitle("Charte de modération");
    try (Visitor admin = admin(server)) {
      HtmlPage editor = admin.open("/admin/articles/edit?type=page");
      String author = Editor.authors(editor).values().iterator().next();
      published(
          admin,
          fields(
              "title", title,
              "slug", slug,
              "body", "Soyez courtois.",
              "show-byline", "on",
              "show-date", "on",
              "show-share", "on",
              "comments-open", "on"));
      try (Visitor reader = Console.visitor(server)) {
        HtmlPage page = read(reader, "/" + slug);
        DomNode byline = page.querySelector(".article-meta .article-author");
        assertAll(
            () -> assertNotNull(byline, "no byline"),
            () -> assertTrue(byline.asNormalizedText().contains(author), byline::asNormalizedText),
            () -> assertNotNull(page.querySelector(".article-meta time[datetime]"), "no date"),
            () -> assertNull(page.querySelector(".reading-time"), "a reading time"),
            () -> assertNotNull(page.querySelector("nav.share"), "no share links"),
            () ->
                assertEquals(
                    "/" + slug,
                    URI.create(
                            ((DomElement) page.querySelector("nav.share a.permalink"))
                                .getAttribute("href"))
                        .getPath(),
                    "the permalink"),
            () -> assertNotNull(page.querySelector("#comments"), "no discussion"));

        Map<String, String> comment = new LinkedHashMap<>();
        comment.put("name", "Lectrice " + SERIAL.incrementAndGet());
        comment.put("email", Console.uniqueEmail("lectrice"));
        comment.put("body", "Merci pour cette charte claire.");
        Page posted = reader.submit(page.getHtmlElementById("comment-form"), comment);
        assertEquals(303, status(posted), () -> Visitor.text(posted));
        URI back = URI.create(location(posted));
        assertAll(
            () -> assertEquals("/" + slug, back.getPath(), "back on the page's path"),
            () -> assertTrue(back.getFragment().startsWith("comment-"), back::toString));
        assertEquals(200, status(reader.get(back.toString())), "the page it lands on");
      }
    }
  }

  // --- Addresses ---------------------------------------------------------------------------------

  @Test
  void afterItsParentIsRenamedAPageAndItsSubPageAnswer301FromTheirFormerPaths(
      TribuneServer server) {
    String top = slug("services");
    String sub = slug("abonnements");
    String renamed = slug("nos-services");
    String subTitle = Editor.uniqueTitle("Abonnements");
    try (Visitor admin = admin(server)) {
      long parent = published(admin, fields("title", Editor.uniqueTitle("Services"), "slug", top));
      published(admin, fields("title", subTitle, "slug", sub, "parent", Long.toString(parent)));
      HtmlPage saved =
          Editor.pressForPage(admin, Editor.open(admin, parent), Map.of("slug", renamed), "save");
      assertEquals(renamed, Editor.field(saved, "slug"), Console.messages(saved));
    }
    try (Visitor reader = Console.visitor(server)) {
      assertAll(
          () -> assertEquals("/" + renamed, movedTo(reader, "/" + top)),
          () -> assertEquals("/" + renamed + "/" + sub, movedTo(reader, "/" + top + "/" + sub)),
          () ->
              assertEquals(
                  "/" + renamed + "/" + sub + "?sort=best",
                  movedTo(reader, "/" + top + "/" + sub + "?sort=best")),
          () -> assertEquals("/" + renamed + "/" + sub, movedTo(reader, "/articles/" + sub)));
      HtmlPage child = read(reader, "/" + renamed + "/" + sub);
      assertAll(
          () -> assertEquals(subTitle, heading(child)),
          () -> assertEquals(List.of("/" + renamed), List.copyOf(breadcrumb(child).keySet())));
    }
  }

  @Test
  void anAddressNoPageHasAnswers404AndSoDoesADraftPage(TribuneServer server) {
    String draft = slug("brouillon");
    try (Visitor admin = admin(server)) {
      Editor.createPage(admin, fields("title", Editor.uniqueTitle("Pas encore"), "slug", draft));
    }
    try (Visitor reader = Console.visitor(server)) {
      assertAll(
          () -> assertEquals(404, status(reader.get("/quelque-chose"))),
          () -> assertEquals(404, status(reader.get("/quelque-chose/de-plus"))),
          () -> assertEquals(404, status(reader.get("/" + draft)), "a draft"),
          () -> assertEquals(404, status(reader.get("/articles/" + draft)), "a draft"));
    }
  }

  @Test
  void anAddressTheSiteAnswersIsRefusedInFrenchNothingIsCreatedAndItStillAnswers(
      TribuneServer server) {
    String title = Editor.uniqueTitle("Rechercher");
    try (Visitor admin = admin(server)) {
      HtmlPage refused =
          Editor.pressForPage(
              admin,
              admin.open("/admin/articles/edit?type=page"),
              Map.of("title", title, "slug", "search"),
              "save");
      assertAll(
          () ->
              assertEquals(
                  spaced(text("editor.page.reserved", "search")),
                  spaced(Editor.fieldError(refused, "slug"))),
          () -> assertEquals(title, Editor.field(refused, "title"), "what was typed is kept"));
      HtmlPage list = admin.open("/admin/pages");
      assertFalse(list.asNormalizedText().contains(title), "nothing created");
    }
    try (Visitor reader = Console.visitor(server)) {
      HtmlPage search = read(reader, "/search");
      assertAll(
          () -> assertNotNull(search.querySelector("form.search-form input[name=q]")),
          () -> assertNull(search.querySelector("article.page")));
    }
  }

  @Test
  void theSitemapAndTheSearchFindAPageButTheHomePageAndTheFeedNeverListIt(TribuneServer server) {
    String word = "zephyrin" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
    String slug = slug("mentions-legales");
    String pageTitle = Editor.uniqueTitle("Mentions légales " + word);
    String articleTitle = Editor.uniqueTitle("Le budget adopté " + word);
    try (Visitor admin = admin(server)) {
      FrontPageIT.published(admin, articleTitle);
      published(admin, fields("title", pageTitle, "slug", slug, "body", "Éditeur du site."));
    }
    try (Visitor reader = Console.visitor(server)) {
      HtmlPage home = read(reader, "/");
      Page feed = reader.get("/feed.atom");
      Page sitemap = reader.get("/sitemap.xml");
      HtmlPage found = read(reader, "/search?q=" + word);
      List<String> results =
          found.querySelectorAll("h2.article-title a").stream()
              .map(a -> URI.create(((DomElement) a).getAttribute("href")).getPath())
              .toList();
      assertAll(
          () -> assertTrue(home.asNormalizedText().contains(articleTitle), "the article is listed"),
          () -> assertFalse(home.asNormalizedText().contains(pageTitle), "the page is listed"),
          () -> assertNull(home.querySelector("a[href$='/" + slug + "']"), "a link to the page"),
          () -> assertEquals(200, status(feed)),
          () ->
              assertTrue(
                  feed.getWebResponse().getContentType().startsWith("application/atom+xml"),
                  feed.getWebResponse().getContentType()),
          () -> assertTrue(Visitor.text(feed).contains(articleTitle), "the article's entry"),
          () -> assertFalse(Visitor.text(feed).contains(pageTitle), "the page's entry"),
          () -> assertFalse(Visitor.text(feed).contains("/" + slug + "\""), "the page's link"),
          () -> assertEquals(200, status(sitemap)),
          () ->
              assertTrue(
                  Visitor.text(sitemap).contains("/" + slug + "</loc>"),
                  "the page is not in the sitemap"),
          () -> assertFalse(Visitor.text(sitemap).contains("/articles/" + slug + "<")),
          () -> assertTrue(results.contains("/" + slug), () -> "search results: " + results),
          () -> assertTrue(results.size() >= 2, () -> "the article too: " + results));
    }
  }

  @Test
  void theRuntimesEndpointsAtTheRootStillAnswerAndNoPageMayTakeTheirAddress(TribuneServer server) {
    try (Visitor reader = Console.visitor(server)) {
      Page health = reader.get("/health");
      assertAll(
          () -> assertEquals(200, status(health), "/health, which load balancers poll"),
          () ->
              assertTrue(
                  health.getWebResponse().getContentType().startsWith("application/json"),
                  health.getWebResponse().getContentType()),
          () -> assertEquals(200, status(reader.get("/health/ready")), "readiness"),
          () -> assertEquals(200, status(reader.get("/metrics")), "metrics"));
    }
    try (Visitor admin = admin(server)) {
      HtmlPage refused =
          Editor.pressForPage(
              admin,
              admin.open("/admin/articles/edit?type=page"),
              Map.of("title", Editor.uniqueTitle("Santé"), "slug", "health"),
              "save");
      assertEquals(
          spaced(text("editor.page.reserved", "health")),
          spaced(Editor.fieldError(refused, "slug")));
    }
  }

  // --- Who may write pages ---------------------------------------------------------------------

  @Test
  void anAuthorMayNeitherWriteNorOpenAPageNorSeeThePageList(TribuneServer server) {
    AuthorAccount account;
    long page;
    try (Visitor admin = admin(server)) {
      account = ConsoleFlowsIT.authorAccount(admin);
      page =
          Editor.createPage(
              admin,
              fields(
                  "title",
                  Editor.uniqueTitle("Contact"),
                  "authors",
                  Long.toString(account.authorId())));
    }
    try (Visitor author = ConsoleFlowsIT.signedInAuthor(server, account)) {
      assertAll(
          () -> assertEquals(200, status(author.get("/admin/articles/edit")), "an article"),
          () -> assertEquals(403, status(author.get("/admin/articles/edit?type=page"))),
          () ->
              assertEquals(
                  403, status(author.get("/admin/articles/edit?id=" + page)), "a page they sign"),
          () -> assertEquals(403, status(author.get("/admin/pages"))));
    }
  }
}
