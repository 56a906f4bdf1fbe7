package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search page over HTTP, on the demo articles: folding, ranking, highlighting, and inputs that
 * must never break it.
 */
@ExtendWith(SharedTribune.class)
class SearchIT {
  private static final String COMET = "Une comète visible à l’œil nu dans le ciel d’automne";
  private static final String LIBRARY = "La bibliothèque municipale ouvre une nuit par mois";
  private static final String FESTIVAL =
      "Le festival de musique de chambre dévoile sa programmation";

  /** A Java stack frame ("at org.example.Foo.bar(Foo.java:12)") or an exception class name. */
  private static final Pattern STACK_TRACE =
      Pattern.compile("(\\bat [\\w.$]+\\([\\w.]*(:\\d+)?\\))|\\w+(Exception|Error)\\b");

  private WebClient client;
  private TribuneServer server;

  @BeforeEach
  void openClient(TribuneServer server) {
    this.server = server;
    client = WebClients.withoutJavaScript();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private HtmlPage search(String query) throws IOException {
    return open("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
  }

  private HtmlPage open(String path) throws IOException {
    return client.getPage(server.uri(path).toURL());
  }

  private static List<String> resultTitles(HtmlPage page) {
    return texts(page.querySelectorAll(".search-results h2.article-title"));
  }

  private static String text(HtmlPage page, String selector) {
    DomNode node = page.querySelector(selector);
    return node == null ? null : node.getTextContent().strip().replaceAll("\\s+", " ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"comete", "comètes", "COMÈTE", "  Comète\t"})
  void accentsCaseAndPluralsDoNotMatter(String query) throws IOException {
    HtmlPage page = search(query);

    assertEquals(200, page.getWebResponse().getStatusCode());
    assertEquals(List.of(COMET), resultTitles(page));
    assertEquals(
        "1 résultat pour «\u00a0" + query.strip() + "\u00a0»",
        text(page, ".search-count"),
        "result count");
  }

  @Test
  void aLibrarySearchFindsTheLibraryArticle() throws IOException {
    assertEquals(List.of(LIBRARY), resultTitles(search("bibliothèque")));
    assertEquals(List.of(LIBRARY), resultTitles(search("bibliotheques NUIT")));
  }

  @Test
  void everyWordOfTheQueryMustMatch() throws IOException {
    HtmlPage page = search("comète bibliothèque");

    assertEquals(List.of(), resultTitles(page));
    assertEquals(
        "Aucun résultat pour «\u00a0comète bibliothèque\u00a0»", text(page, ".search-count"));
    assertTrue(text(page, ".search-results .empty").startsWith("Aucun article ne contient"));
  }

  @Test
  void aTitleMatchComesBeforeANewerBodyOnlyMatch() throws IOException {
    // "ouvre" is in the library article's title and only in the body of the newer festival one:
    // ranked by date alone, the festival would come first.
    List<String> newestFirst = DemoArticles.titlesNewestFirst();
    assertTrue(newestFirst.indexOf(FESTIVAL) < newestFirst.indexOf(LIBRARY), "test premise");

    assertEquals(List.of(LIBRARY, FESTIVAL), resultTitles(search("ouvre")));
  }

  @Test
  void matchedWordsAreMarkedInTitlesAndStandfirsts() throws IOException {
    HtmlPage page = search("comètes");

    List<String> marked = texts(page.querySelectorAll(".search-results mark"));
    assertEquals(List.of("comète", "comète"), marked, "one in the title, one in the standfirst");
    assertNotNull(page.querySelector(".search-results h2.article-title a mark"));
    assertNotNull(page.querySelector(".search-results .article-standfirst mark"));
    assertEquals(COMET, text(page, ".search-results h2.article-title"), "the title is intact");
  }

  @Test
  void resultsShowTheListDetailsOfOtherLists() throws IOException {
    HtmlPage page = search("comete");

    assertAll(
        () -> assertNotNull(page.querySelector(".search-results .article-meta time")),
        () -> assertEquals("Aucun commentaire", text(page, ".search-results .comment-count")),
        () ->
            assertTrue(
                ((DomElement) page.querySelector(".search-results h2.article-title a"))
                    .getAttribute("href")
                    .startsWith("/articles/une-comete-visible")));
  }

  @Test
  void anEmptyQueryShowsTheFormOnly() throws IOException {
    for (String path : List.of("/search", "/search?q=", "/search?q=+%09+", "/search?page=abc")) {
      HtmlPage page = open(path);
      assertEquals(200, page.getWebResponse().getStatusCode(), path);
      assertSearchForm(page);
      assertNull(page.querySelector(".search-results"), path + " shows a results section");
      assertNull(page.querySelector(".search-no-terms"), path + " shows a message");
      assertEquals("Rechercher – Tribune", page.getTitleText());
    }
  }

  @Test
  void aQueryWithoutUsableWordsSaysSoInFrench() throws IOException {
    for (String query : List.of("le la de", "?!… — « »", "%_'\"")) {
      HtmlPage page = search(query);
      assertEquals(200, page.getWebResponse().getStatusCode(), query);
      assertNull(page.querySelector(".search-results"), query);
      assertTrue(
          text(page, ".search-no-terms").startsWith("Cette recherche ne contient aucun mot"),
          query);
      assertEquals(query, ((HtmlInput) page.getElementById("search-query")).getValue());
    }
  }

  @Test
  void searchPagesAreNotIndexed() throws IOException {
    for (HtmlPage page : List.of(open("/search"), search("comète"), search("le"))) {
      DomElement robots = page.querySelector("meta[name=robots]");
      assertNotNull(robots, page.getUrl() + " has no robots meta");
      assertEquals("noindex", robots.getAttribute("content"));
    }
  }

  @Test
  void pagesKeepTheQueryInTheirLinks() throws IOException {
    HtmlPage second = open("/search?q=com%C3%A8te&page=2");

    assertEquals(200, second.getWebResponse().getStatusCode());
    assertEquals("Il n’y a pas d’article sur cette page.", text(second, ".search-results .empty"));
    DomElement first = second.querySelector(".search-results .empty + p a");
    assertNotNull(first, "no link back to the first page");
    assertEquals("/search?q=com%C3%A8te", first.getAttribute("href"));
    DomElement canonical = second.querySelector("link[rel=canonical]");
    assertTrue(
        canonical.getAttribute("href").endsWith("/search?q=com%C3%A8te&page=2"),
        canonical.getAttribute("href"));
  }

  @Test
  void aMalformedPageNumberGivesTheFrenchBadRequestPage() throws IOException {
    for (String page : List.of("abc", "0", "-1", "99999999", "1e3")) {
      HtmlPage answer = open("/search?q=comete&page=" + page);
      assertEquals(400, answer.getWebResponse().getStatusCode(), page);
      assertEquals("Requête invalide", text(answer, "h1"), page);
    }
  }

  @Test
  void theHeaderSearchFormLeadsToTheResults() throws IOException {
    HtmlPage home = open("/");
    HtmlForm form = (HtmlForm) home.querySelector("header form[role=search]");
    assertNotNull(form, "no search form in the site header");
    HtmlInput input = form.getInputByName("q");
    assertEquals("search", input.getTypeAttribute());
    assertAccessibleName(home, input);
    assertEquals("get", form.getMethodAttribute().toLowerCase(java.util.Locale.ROOT));

    input.setValue("Comète");
    HtmlPage results = form.getOneHtmlElementByAttribute("button", "type", "submit").click();

    assertEquals(List.of(COMET), resultTitles(results));
    assertTrue(
        results.getUrl().toString().contains("/search?q=Com%C3%A8te"), results.getUrl().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%",
        "_",
        "100 %",
        "'",
        "\"",
        "l'œil",
        "' OR 1=1 --",
        "'; DROP TABLE articles_search_term; --",
        "<script>alert('xss')</script>",
        "\"><img src=x onerror=alert(1)>",
        "&amp; &lt;b&gt;",
        "\u0000\u0001\u0007\u001b[31m comète",
        "\ud83d\ude80 fusée",
        "{0} {1,number} ${x} #{x}",
        "\\ / * ? | ~ ^ $ ( ) [ ] { }"
      })
  void hostileQueriesGiveANormalPage(String query) throws IOException {
    HtmlPage page = search(query);
    String body = page.getWebResponse().getContentAsString();

    assertAll(
        () -> assertEquals(200, page.getWebResponse().getStatusCode()),
        () -> assertSearchForm(page),
        () -> assertFalse(body.contains("<script>alert"), "the query is echoed unescaped"),
        () -> assertFalse(body.contains("<img src=x"), "the query is echoed unescaped"),
        () -> assertFalse(body.contains("\u0000"), "a NUL character is echoed"),
        () -> assertFalse(STACK_TRACE.matcher(body).find(), "the page shows a stack trace"));
  }

  @Test
  void longQueriesGiveANormalPageOrA400() throws IOException {
    // Under the server's 8 KB request line: searched (its first 500 characters).
    HtmlPage words = search("comete ".repeat(1000));
    assertEquals(200, words.getWebResponse().getStatusCode());
    assertEquals(List.of(COMET), resultTitles(words));
    assertTrue(text(words, ".search-count").endsWith("…\u00a0»"), "the query shown is shortened");

    // Over it: the server refuses the request line itself (an empty 400, not our page), before
    // the application sees it. The forms' maxlength keeps what readers type far below.
    org.htmlunit.Page tooLong =
        client.getPage(server.uri("/search?q=" + "a".repeat(10_000)).toURL());
    assertEquals(400, tooLong.getWebResponse().getStatusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%zz", "%FF", "%C3", "100%", "a%00b", "%%%", "x&q=%E2%82"})
  void malformedEscapesInTheAddressNeverGive500(String rawQuery) throws IOException {
    String answer = rawGet("/search?q=" + rawQuery);
    String status = answer.lines().findFirst().orElse("");

    assertTrue(
        status.startsWith("HTTP/1.1 200") || status.startsWith("HTTP/1.1 400"),
        rawQuery + " gives " + status);
    assertFalse(STACK_TRACE.matcher(answer).find(), "the page shows a stack trace");
  }

  /** A GET with the path sent byte for byte: clients refuse to send a malformed escape. */
  private String rawGet(String path) throws IOException {
    try (Socket socket = new Socket(server.uri("/").getHost(), server.uri("/").getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void assertSearchForm(HtmlPage page) {
    HtmlForm form = (HtmlForm) page.querySelector("main form[role=search]");
    assertNotNull(form, "no search form in the page");
    assertEquals("/search", form.getActionAttribute());
    HtmlInput input = form.getInputByName("q");
    assertEquals("search", input.getTypeAttribute());
    assertAccessibleName(page, input);
  }

  private static void assertAccessibleName(HtmlPage page, HtmlInput input) {
    DomNode label = page.querySelector("label[for='" + input.getId() + "']");
    boolean named =
        (label != null && !label.getTextContent().isBlank())
            || !input.getAttribute("aria-label").isBlank();
    assertTrue(named, "the search field has no label");
  }

  private static List<String> texts(List<DomNode> nodes) {
    return nodes.stream().map(node -> node.getTextContent().strip()).toList();
  }
}
