package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribune.web.it.DemoArticles.DemoArticle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Atom feeds, the sitemap and {@code robots.txt}, read the way feed readers and search engines
 * read them: parsed with Rome and a namespace-aware XML parser, every address they give followed.
 */
@ExtendWith(SharedTribune.class)
class FeedsIT {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String XML = "http://www.w3.org/XML/1998/namespace";
  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void siteFeedIsAtomInFrenchWithEveryDemoArticleNewestFirst(TribuneServer server)
      throws Exception {
    HttpResponse<String> response = get(server, "/feed.atom");
    SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
    Element root = parse(response.body()).getDocumentElement();

    assertAll(
        () -> assertEquals(200, response.statusCode()),
        () -> assertMediaType("application/atom+xml", response),
        () -> assertEquals("public, max-age=300", header(response, "Cache-Control")),
        () -> assertEquals("atom_1.0", feed.getFeedType()),
        () -> assertEquals(ATOM, root.getNamespaceURI()),
        () -> assertEquals("fr", root.getAttributeNS(XML, "lang")),
        () -> assertEquals("Tribune", feed.getTitle()),
        () -> assertEquals("Informations et débats", feed.getDescription()),
        () -> assertEquals(server.uri("/feed.atom").toString(), selfLink(root)),
        () -> assertEquals(DemoArticles.titlesNewestFirst(), titles(feed)));
  }

  @Test
  void everyEntryCarriesTheWholeArticleAsHtml(TribuneServer server) throws Exception {
    SyndFeed feed = feed(server, "/feed.atom");
    assertEquals(DemoArticles.newestFirst().size(), feed.getEntries().size());
    for (DemoArticle demo : DemoArticles.newestFirst()) {
      SyndEntry entry = entry(feed, demo.title());
      assertEquals(1, entry.getContents().size(), () -> demo.title() + ": one content");
      SyndContent content = entry.getContents().get(0);
      String text = textOf(content.getValue());
      assertAll(
          demo.title(),
          () -> assertEquals("html", content.getType()),
          () -> assertTrue(content.getValue().contains("<blockquote>"), "no blockquote"),
          () ->
              assertTrue(
                  text.contains(firstParagraph(demo)),
                  () -> "the first paragraph is missing from " + text),
          () ->
              assertTrue(
                  text.contains(quotation(demo)), () -> "the quotation is missing from " + text),
          () -> assertFalse(entry.getDescription().getValue().isBlank(), "no summary"),
          () -> assertFalse(entry.getAuthors().isEmpty(), "no author"),
          () -> assertNotNull(entry.getPublishedDate(), "no published date"),
          () ->
              assertEquals(
                  sectionName(demo),
                  entry.getCategories().isEmpty() ? null : entry.getCategories().get(0).getName()));
    }
  }

  @Test
  void everyEntryLinksToItsArticleByAnAbsoluteAddressThatAnswers(TribuneServer server)
      throws Exception {
    SyndFeed feed = feed(server, "/feed.atom");
    for (SyndEntry entry : feed.getEntries()) {
      URI link = URI.create(entry.getLink());
      assertAll(
          entry.getTitle(),
          () -> assertTrue(link.isAbsolute(), "relative link " + link),
          () -> assertTrue(link.getPath().startsWith("/articles/"), "not an article: " + link),
          () -> assertEquals(200, status(link), () -> link + " does not answer 200"),
          () ->
              assertTrue(
                  entry.getUri().startsWith("tag:"), () -> "id " + entry.getUri() + " is no tag"));
    }
  }

  @Test
  void entriesNameTheirTagsAsCategories(TribuneServer server) throws Exception {
    SyndEntry comet =
        entry(feed(server, "/feed.atom"), "Une comète visible à l’œil nu dans le ciel d’automne");
    assertEquals(
        List.of("Sciences", "astronomie", "sorties"),
        comet.getCategories().stream().map(c -> c.getName()).toList());
  }

  @Test
  void feedFollowsTheAtomRulesRomeDoesNotCheck(TribuneServer server) throws Exception {
    for (String path : List.of("/feed.atom", "/sections/vie-locale/feed.atom")) {
      Element feed = parse(get(server, path).body()).getDocumentElement();
      List<String> problems = new ArrayList<>();
      checkAtomRules(path, feed, problems);
      assertEquals(List.of(), problems, path);
    }
  }

  @Test
  void sectionFeedHasOnlyItsSectionAndSubSectionArticles(TribuneServer server) throws Exception {
    HttpResponse<String> response = get(server, "/sections/vie-locale/feed.atom");
    SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
    SyndFeed subSection = feed(server, "/sections/urbanisme/feed.atom");
    assertAll(
        () -> assertEquals(200, response.statusCode()),
        () -> assertMediaType("application/atom+xml", response),
        () -> assertEquals(demoTitlesIn("Vie locale"), titles(feed)),
        () -> assertEquals(2, feed.getEntries().size(), "Vie locale and Urbanisme"),
        () -> assertEquals(demoTitlesIn("Vie locale / Urbanisme"), titles(subSection)),
        () -> assertEquals("Vie locale – Tribune", feed.getTitle()),
        () ->
            assertEquals(
                server.uri("/sections/vie-locale/feed.atom").toString(),
                selfLink(parse(response.body()).getDocumentElement())));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/sections/no-such-section/feed.atom",
        "/sections/vie-locale/feed.rss",
        "/sections/vie-locale/urbanisme/feed.atom",
        "/sections/Vie-Locale/feed.atom"
      })
  void feedOfNoSectionIsNotFound(String path, TribuneServer server) throws Exception {
    assertEquals(404, get(server, path).statusCode());
  }

  @Test
  void sectionPageNamesItsFeedInItsHead(TribuneServer server) throws IOException {
    try (WebClient client = WebClients.withoutJavaScript()) {
      HtmlPage page = client.getPage(server.uri("/sections/culture").toURL());
      DomElement link =
          page.getHead()
              .querySelector(
                  "link[rel=alternate][type='application/atom+xml']"
                      + "[href='/sections/culture/feed.atom']");
      assertNotNull(link, "no <link rel=alternate> to the section's feed in <head>");
      assertEquals("Culture – Tribune", link.getAttribute("title"));
    }
  }

  @Test
  void unchangedFeedIsNotSentAgain(TribuneServer server) throws Exception {
    HttpResponse<String> first = get(server, "/feed.atom");
    String etag = header(first, "ETag");
    String lastModified = header(first, "Last-Modified");
    HttpResponse<String> byTag = get(server, "/feed.atom", "If-None-Match", etag);
    HttpResponse<String> byDate = get(server, "/feed.atom", "If-Modified-Since", lastModified);
    HttpResponse<String> otherTag = get(server, "/feed.atom", "If-None-Match", "\"other\"");
    assertAll(
        () -> assertNotNull(etag, "no ETag"),
        () -> assertNotNull(lastModified, "no Last-Modified"),
        () -> assertEquals(304, byTag.statusCode()),
        () -> assertEquals("", byTag.body()),
        () -> assertEquals(304, byDate.statusCode()),
        () -> assertEquals(200, otherTag.statusCode()),
        () -> assertEquals(first.body(), otherTag.body()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed.atom", "/sections/sciences/feed.atom", "/sitemap.xml"})
  void headAnswersLikeGetWithoutABody(String path, TribuneServer server) throws Exception {
    HttpResponse<String> get = get(server, path);
    HttpResponse<String> head =
        http.send(
            HttpRequest.newBuilder(server.uri(path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertAll(
        () -> assertEquals(200, head.statusCode()),
        () -> assertEquals("", head.body()),
        () -> assertEquals(header(get, "Content-Type"), header(head, "Content-Type")),
        () -> assertEquals(header(get, "ETag"), header(head, "ETag")));
  }

  @Test
  void sitemapListsEveryArticleAndPageByAnAddressThatAnswers(TribuneServer server)
      throws Exception {
    HttpResponse<String> response = get(server, "/sitemap.xml");
    Element urlset = parse(response.body()).getDocumentElement();
    List<String> articles = new ArrayList<>();
    Set<String> locations = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (Element url : children(urlset, SITEMAP, "url")) {
      String loc = text(url, SITEMAP, "loc");
      if (loc == null || !URI.create(loc).isAbsolute()) {
        problems.add("relative or missing <loc>: " + loc);
        continue;
      }
      locations.add(loc);
      if (status(URI.create(loc)) != 200) {
        problems.add(loc + " does not answer 200");
      }
      if (URI.create(loc).getPath().startsWith("/articles/")) {
        articles.add(loc);
        String lastmod = text(url, SITEMAP, "lastmod");
        if (lastmod == null || !isW3cDateTime(lastmod)) {
          problems.add(loc + " has no W3C datetime lastmod: " + lastmod);
        }
      }
    }
    Set<String> feedLinks =
        feed(server, "/feed.atom").getEntries().stream()
            .map(SyndEntry::getLink)
            .collect(Collectors.toSet());
    assertAll(
        () -> assertEquals(200, response.statusCode()),
        () -> assertMediaType("application/xml", response),
        () -> assertEquals(SITEMAP, urlset.getNamespaceURI()),
        () -> assertEquals("urlset", urlset.getLocalName()),
        () -> assertEquals(List.of(), problems),
        () -> assertEquals(DemoArticles.newestFirst().size(), articles.size()),
        () -> assertEquals(feedLinks, Set.copyOf(articles)),
        () ->
            assertTrue(
                locations.containsAll(
                    List.of(
                        server.uri("/").toString(),
                        server.uri("/sections/vie-locale").toString(),
                        server.uri("/sections/urbanisme").toString(),
                        server.uri("/authors/claire-dumont").toString())),
                () -> "home, section or author page missing from " + locations));
  }

  @Test
  void robotsTxtPointsToTheSitemapAndKeepsRobotsOutOfTheConsole(TribuneServer server)
      throws Exception {
    HttpResponse<String> response = get(server, "/robots.txt");
    List<String> lines = response.body().lines().toList();
    assertAll(
        () -> assertEquals(200, response.statusCode()),
        () -> assertMediaType("text/plain", response),
        () -> assertTrue(lines.contains("User-agent: *"), response.body()),
        () -> assertTrue(lines.contains("Disallow: /admin/"), response.body()),
        () ->
            assertTrue(
                lines.contains("Sitemap: " + server.uri("/sitemap.xml")),
                () -> "no absolute sitemap address in " + response.body()));
  }

  /**
   * RFC 4287 rules a parser forgives: section 4.1.1 (feed), 4.1.2 (entry), 3.3 (dates), 4.2.6 (ids
   * are IRIs), 4.2.7.2 (one alternate link per type and language).
   */
  private static void checkAtomRules(String path, Element feed, List<String> problems) {
    checkOnce(path, feed, problems, "id", "title", "updated");
    boolean feedHasAuthor = !children(feed, ATOM, "author").isEmpty();
    if (children(feed, ATOM, "link").stream()
        .noneMatch(l -> "self".equals(l.getAttribute("rel")))) {
      problems.add(path + ": no rel=self link");
    }
    checkLinksAndIds(path, feed, problems);
    for (Element entry : children(feed, ATOM, "entry")) {
      String where = path + " entry " + text(entry, ATOM, "title");
      checkOnce(where, entry, problems, "id", "title", "updated");
      if (children(entry, ATOM, "published").size() > 1) {
        problems.add(where + ": several published");
      }
      if (!feedHasAuthor && children(entry, ATOM, "author").isEmpty()) {
        problems.add(where + ": no author, and the feed has none");
      }
      for (Element author : children(entry, ATOM, "author")) {
        if (text(author, ATOM, "name") == null) {
          problems.add(where + ": an author without a name");
        }
      }
      if (children(entry, ATOM, "content").isEmpty()
          && children(entry, ATOM, "link").stream()
              .noneMatch(l -> "alternate".equals(l.getAttribute("rel")))) {
        problems.add(where + ": neither content nor alternate link");
      }
      checkLinksAndIds(where, entry, problems);
    }
  }

  private static void checkOnce(
      String where, Element parent, List<String> problems, String... names) {
    for (String name : names) {
      List<Element> found = children(parent, ATOM, name);
      if (found.size() != 1) {
        problems.add(where + ": " + found.size() + " <" + name + "> instead of one");
      }
    }
    for (String date : List.of("updated", "published")) {
      for (Element element : children(parent, ATOM, date)) {
        if (!isRfc3339(element.getTextContent())) {
          problems.add(where + ": <" + date + "> " + element.getTextContent() + " not RFC 3339");
        }
      }
    }
  }

  private static void checkLinksAndIds(String where, Element parent, List<String> problems) {
    for (Element id : children(parent, ATOM, "id")) {
      if (!isAbsolute(id.getTextContent())) {
        problems.add(where + ": id " + id.getTextContent() + " is not an absolute IRI");
      }
    }
    Set<String> alternates = new HashSet<>();
    for (Element link : children(parent, ATOM, "link")) {
      String rel = link.hasAttribute("rel") ? link.getAttribute("rel") : "alternate";
      if (!isAbsolute(link.getAttribute("href"))) {
        problems.add(where + ": link " + link.getAttribute("href") + " is not absolute");
      }
      if (rel.equals("alternate")
          && !alternates.add(link.getAttribute("type") + " " + link.getAttribute("hreflang"))) {
        problems.add(where + ": two alternate links of one type and language");
      }
    }
  }

  private HttpResponse<String> get(TribuneServer server, String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private SyndFeed feed(TribuneServer server, String path) throws Exception {
    HttpResponse<String> response = get(server, path);
    assertEquals(200, response.statusCode(), path);
    return new SyndFeedInput().build(new StringReader(response.body()));
  }

  private int status(URI uri) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static void assertMediaType(String expected, HttpResponse<?> response) {
    String contentType = header(response, "Content-Type");
    assertNotNull(contentType, "no Content-Type");
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    assertEquals(expected, parts[0].strip(), contentType);
    assertTrue(
        List.of(parts).stream().anyMatch(p -> p.strip().replace("\"", "").equals("charset=utf-8")),
        () -> "no UTF-8 charset in " + contentType);
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static List<Element> children(Element parent, String namespace, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element
          && namespace.equals(element.getNamespaceURI())
          && name.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static String text(Element parent, String namespace, String name) {
    List<Element> found = children(parent, namespace, name);
    return found.isEmpty() ? null : found.get(0).getTextContent().strip();
  }

  private static String selfLink(Element feed) {
    return children(feed, ATOM, "link").stream()
        .filter(link -> "self".equals(link.getAttribute("rel")))
        .map(link -> link.getAttribute("href"))
        .findFirst()
        .orElse(null);
  }

  private static List<String> titles(SyndFeed feed) {
    return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
  }

  private static SyndEntry entry(SyndFeed feed, String title) {
    return feed.getEntries().stream()
        .filter(entry -> title.equals(entry.getTitle()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry titled " + title));
  }

  /** Demo titles, newest first, of a section and its sub-sections. */
  private static List<String> demoTitlesIn(String section) {
    return DemoArticles.newestFirst().stream()
        .filter(demo -> demo.section().equals(section) || demo.section().startsWith(section + " /"))
        .map(DemoArticle::title)
        .toList();
  }

  /** The article's own section: the last of "Vie locale / Urbanisme". */
  private static String sectionName(DemoArticle demo) {
    String[] path = demo.section().split("/");
    return path[path.length - 1].strip();
  }

  private static String firstParagraph(DemoArticle demo) {
    return collapse(demo.body().split("\n\\s*\n")[0]);
  }

  private static String quotation(DemoArticle demo) {
    return collapse(
        demo.body()
            .lines()
            .filter(line -> line.startsWith(">"))
            .map(line -> line.substring(1))
            .collect(Collectors.joining(" ")));
  }

  /** The text of an HTML fragment, tags taken out, whitespace collapsed. */
  private static String textOf(String html) {
    return collapse(
        html.replaceAll("<[^>]*>", " ")
            .replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&nbsp;", " ")
            .replace("&amp;", "&"));
  }

  /** Runs of spaces as one space; the no-break spaces of French typography count as spaces. */
  private static String collapse(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ").strip();
  }

  private static boolean isAbsolute(String iri) {
    try {
      return new URI(iri.strip()).isAbsolute();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static boolean isRfc3339(String date) {
    try {
      OffsetDateTime.parse(date.strip());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A date in the W3C Datetime profile of ISO 8601, which sitemaps use. */
  private static boolean isW3cDateTime(String date) {
    return date.matches(
        "\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?");
  }
}
