package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public home page, as a reader without JavaScript gets it. */
@ExtendWith(SharedTribune.class)
class HomePageIT {
  /** "29 novembre 2026": day, French month name, year. */
  private static final Pattern FRENCH_DATE =
      Pattern.compile(
          "\\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre"
              + "|décembre) \\d{4}");

  /** The site's default language and time zone (tribune.site.locale, tribune.site.time-zone). */
  private static final DateTimeFormatter SITE_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

  private WebClient client;
  private HtmlPage home;

  @BeforeEach
  void openHomePage(TribuneServer server) throws IOException {
    client = WebClients.withoutJavaScript();
    home = client.getPage(server.uri("/").toURL());
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void homePageAnswersInFrenchWithATitle() {
    assertAll(
        () -> assertEquals(200, home.getWebResponse().getStatusCode()),
        () -> assertEquals("fr", home.getDocumentElement().getAttribute("lang")),
        () -> assertFalse(home.getTitleText().isBlank(), "the page has an empty <title>"));
  }

  @Test
  void listsEachDemoArticleOnceNewestFirst() {
    List<String> demoTitles = DemoArticles.titlesNewestFirst();
    List<String> listed = texts(home.querySelectorAll("h2.article-title"));

    for (String title : demoTitles) {
      assertEquals(
          1,
          listed.stream().filter(title::equals).count(),
          () -> "'" + title + "' should be listed once in " + listed);
    }
    assertEquals(
        demoTitles,
        listed.stream().filter(demoTitles::contains).toList(),
        "demo articles are not listed newest first");
  }

  @Test
  void eachArticleShowsItsDateInFrenchWithAMachineReadableInstant() {
    List<DomNode> times = home.querySelectorAll("li.article-item time");
    assertTrue(times.size() >= DemoArticles.newestFirst().size(), "too few <time> elements");
    for (DomNode node : times) {
      DomElement time = (DomElement) node;
      String datetime = time.getAttribute("datetime");
      String text = time.getTextContent().strip();
      Instant instant = parseInstant(datetime);
      assertAll(
          () ->
              assertTrue(
                  FRENCH_DATE.matcher(text).matches(),
                  () -> "'" + text + "' is not a date such as '29 novembre 2026'"),
          () ->
              assertEquals(
                  SITE_DATE.format(instant),
                  text,
                  () -> "the text of <time datetime=\"" + datetime + "\"> shows another day"));
    }
  }

  @Test
  void articlesWithoutCommentsSayAucunCommentaire() {
    List<String> demoTitles = DemoArticles.titlesNewestFirst();
    int checked = 0;
    for (DomNode item : home.querySelectorAll("li.article-item")) {
      DomNode title = item.querySelector("h2.article-title");
      if (title != null && demoTitles.contains(title.getTextContent().strip())) {
        DomNode count = item.querySelector("span.comment-count");
        assertNotNull(count, () -> "no comment count for " + title.getTextContent());
        assertEquals("Aucun commentaire", count.getTextContent().strip());
        checked++;
      }
    }
    assertEquals(demoTitles.size(), checked, "not every demo article has a list item");
  }

  @Test
  void firstLinkSkipsToTheMainContent() {
    DomElement firstLink = home.getBody().querySelector("a");
    DomElement content = home.getElementById("content");
    assertAll(
        () -> assertEquals("#content", firstLink.getAttribute("href")),
        () -> assertFalse(firstLink.getTextContent().isBlank(), "the skip link has no text"),
        () -> assertNotNull(content, "no element with id=content"),
        () -> assertEquals("main", content.getTagName()));
  }

  @Test
  void styleSheetIsServedAsCss(TribuneServer server) throws IOException {
    WebResponse css = client.loadWebResponse(new WebRequest(server.uri("/css/site.css").toURL()));
    assertAll(
        () -> assertEquals(200, css.getStatusCode()),
        () -> assertEquals("text/css", css.getContentType()),
        () -> assertFalse(css.getContentAsString().isBlank(), "the style sheet is empty"));
  }

  @Test
  void pagesLinkFingerprintedFilesCachedForAYearWithAGzipTwin(TribuneServer server)
      throws Exception {
    String css =
        home.querySelector("link[rel=stylesheet]")
            .getAttributes()
            .getNamedItem("href")
            .getNodeValue();
    String icon =
        home.querySelector("link[rel=icon]").getAttributes().getNamedItem("href").getNodeValue();
    HtmlPage article =
        client.getPage(
            server
                .uri(
                    home.querySelector("h2.article-title a")
                        .getAttributes()
                        .getNamedItem("href")
                        .getNodeValue())
                .toURL());
    String js =
        article.querySelector("script[src]").getAttributes().getNamedItem("src").getNodeValue();
    assertAll(
        () -> assertTrue(css.matches("/assets/site\\.[0-9a-f]{10}\\.css"), css),
        () -> assertTrue(icon.matches("/assets/favicon\\.[0-9a-f]{10}\\.svg"), icon),
        () -> assertTrue(js.matches("/assets/discussion\\.[0-9a-f]{10}\\.js"), js));

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> plain = get(http, server.uri(css), "identity", null);
    HttpResponse<byte[]> gzipped = get(http, server.uri(css), "gzip, deflate, br", null);
    HttpResponse<byte[]> old = get(http, server.uri("/css/site.css"), "identity", null);
    String etag = gzipped.headers().firstValue("ETag").orElse("");
    HttpResponse<byte[]> again = get(http, server.uri(css), "gzip", etag);
    HttpResponse<byte[]> script = get(http, server.uri(js), "gzip", null);
    assertAll(
        () -> assertEquals(200, plain.statusCode()),
        () -> assertEquals("public, max-age=31536000, immutable", header(plain, "Cache-Control")),
        () -> assertEquals("Accept-Encoding", header(plain, "Vary")),
        () -> assertEquals("text/css;charset=UTF-8", header(plain, "Content-Type")),
        () -> assertEquals("", header(plain, "Content-Encoding")),
        () -> assertTrue(header(plain, "ETag").matches("\"[0-9a-f]{20}\""), header(plain, "ETag")),
        () -> assertEquals("gzip", header(gzipped, "Content-Encoding")),
        () -> assertTrue(gzipped.body().length < plain.body().length / 2, "gzip twin too big"),
        () -> assertArrayEquals(plain.body(), gunzip(gzipped.body())),
        () -> assertTrue(etag.endsWith("-gzip\""), etag),
        () -> assertEquals(304, again.statusCode()),
        () -> assertEquals(0, again.body().length),
        () -> assertEquals(200, old.statusCode(), "the plain address must keep working"),
        () -> assertEquals("public, max-age=600", header(old, "Cache-Control")),
        () -> assertArrayEquals(plain.body(), old.body()),
        () -> assertEquals("gzip", header(script, "Content-Encoding")),
        () -> assertEquals("text/javascript;charset=UTF-8", header(script, "Content-Type")),
        () ->
            assertEquals(
                404,
                get(http, server.uri("/assets/site.0123456789.css"), "gzip", null).statusCode()),
        () ->
            assertEquals(404, get(http, server.uri("/css/absent.css"), "gzip", null).statusCode()));
  }

  private static HttpResponse<byte[]> get(
      HttpClient http, URI uri, String acceptEncoding, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Accept-Encoding", acceptEncoding);
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  @Test
  void publicPagesSetNoCookie() {
    List<String> setCookies =
        home.getWebResponse().getResponseHeaders().stream()
            .filter(header -> header.getName().equalsIgnoreCase("Set-Cookie"))
            .map(header -> header.getValue())
            .toList();
    assertAll(
        () -> assertEquals(List.of(), setCookies, "the home page opens a session"),
        () -> assertEquals(0, client.getCookieManager().getCookies().size()));
  }

  /**
   * Every answer carries the security headers: pages rendered and kept, an article, a file, a page
   * not found; no script may run inline; HSTS only over HTTPS, which a visitor cannot claim by
   * sending X-Forwarded-Proto themselves (no proxy is trusted here).
   */
  @Test
  void everyAnswerCarriesTheSecurityHeadersAndNoInlineScriptPolicy(TribuneServer server)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String article =
        home.<DomNode>querySelector("h2.article-title a")
            .getAttributes()
            .getNamedItem("href")
            .getNodeValue();
    for (String path :
        List.of("/", "/", article, article, "/css/site.css", "/pas-une-page", "/feed")) {
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(server.uri(path))
                  .header("Accept-Encoding", "gzip")
                  .header("X-Forwarded-Proto", "https")
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      List<String> policies = answer.headers().allValues("Content-Security-Policy");
      assertAll(
          path,
          () -> assertEquals(1, policies.size(), () -> path + ": " + policies),
          () -> assertTrue(policies.get(0).contains("script-src 'self';"), policies::toString),
          () -> assertFalse(policies.get(0).contains("unsafe-inline"), policies::toString),
          () -> assertTrue(policies.get(0).contains("object-src 'none'"), policies::toString),
          () ->
              assertEquals(
                  "nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse("")),
          () ->
              assertEquals(
                  "strict-origin-when-cross-origin",
                  answer.headers().firstValue("Referrer-Policy").orElse("")),
          () ->
              assertTrue(
                  answer.headers().firstValue("Strict-Transport-Security").isEmpty(),
                  "HSTS over plain HTTP, on a forged X-Forwarded-Proto"));
    }
  }

  private static Instant parseInstant(String datetime) {
    try {
      return Instant.parse(datetime);
    } catch (DateTimeParseException e) {
      throw new AssertionError("<time datetime=\"" + datetime + "\"> is not an ISO instant", e);
    }
  }

  private static List<String> texts(List<DomNode> nodes) {
    return nodes.stream().map(node -> node.getTextContent().strip()).toList();
  }
}
