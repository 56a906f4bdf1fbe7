package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Moving a site in and out over HTTP, as a script would ({@code /api/admin/import|export}) and as
 * readers then find it: the WordPress and Disqus fixtures ({@code src/test/resources/transfer/})
 * imported into a site without demo content, what the report says, what the pages show, the old
 * addresses, bad files, and the round trip through a WXR export into an empty site.
 *
 * <p>Tests share the site. Importing the same file again changes nothing, so each test imports what
 * it needs first; whichever runs first does the work.
 */
@ExtendWith(TransferServers.class)
class TransferIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private static String basic(String email, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static final String ADMIN =
      basic(ConsoleServer.ADMIN_EMAIL, ConsoleServer.ADMIN_PASSWORD);

  static byte[] fixture(String name) {
    try (InputStream in = TransferIT.class.getResourceAsStream("/transfer/" + name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofMinutes(3)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> post(
      TribuneServer server, String path, byte[] body, String type, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  static HttpResponse<String> get(TribuneServer server, String path) {
    return send(HttpRequest.newBuilder(server.uri(path)));
  }

  /** Imports a file with the API; the JSON report, failing unless the answer is {@code status}. */
  static JsonObject importFile(TribuneServer server, String format, byte[] file, int status) {
    HttpResponse<String> answer =
        post(server, "/api/admin/import/" + format, file, "application/xml", ADMIN);
    assertEquals(status, answer.statusCode(), answer::body);
    return json(answer.body());
  }

  static JsonObject importFixture(TribuneServer server, String name) {
    return importFile(server, name.startsWith("disqus") ? "disqus" : "wxr", fixture(name), 200);
  }

  /** Fixtures already imported into a server by an earlier test of the run. */
  private static final Map<String, Boolean> IMPORTED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Makes sure a fixture was imported into the server, once per run: importing it again would
   * change nothing (a test checks it) but costs a second or two.
   */
  static void imported(TribuneServer server, String name) {
    IMPORTED.computeIfAbsent(
        server.uri("/") + name,
        key -> {
          importFixture(server, name);
          return true;
        });
  }

  static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** The site's full JSON export. */
  static JsonObject export(TribuneServer server) {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(server.uri("/api/admin/export/json"))
                .header("Authorization", ADMIN));
    assertEquals(200, answer.statusCode(), answer::body);
    assertTrue(
        answer.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    return json(answer.body());
  }

  static Map<String, JsonObject> articlesBySlug(JsonObject export) {
    Map<String, JsonObject> bySlug = new TreeMap<>();
    for (JsonValue value : export.getJsonArray("articles")) {
      JsonObject article = value.asJsonObject();
      bySlug.put(article.getString("slug"), article);
    }
    return bySlug;
  }

  static Optional<JsonObject> articleTitled(JsonObject export, String title) {
    return export.getJsonArray("articles").stream()
        .map(JsonValue::asJsonObject)
        .filter(a -> a.getString("title").equals(title))
        .findFirst();
  }

  private static int count(JsonObject report, String kind, String outcome) {
    JsonObject counts = report.getJsonObject("counts").getJsonObject(kind);
    return counts == null ? 0 : counts.getInt(outcome);
  }

  private static boolean noted(JsonObject report, String list, String id, String code) {
    return report.getJsonArray(list).stream()
        .map(JsonValue::asJsonObject)
        .anyMatch(n -> id.equals(n.getString("id", null)) && code.equals(n.getString("code")));
  }

  private static String location(HttpResponse<?> answer) {
    return answer.headers().firstValue("Location").orElse("");
  }

  // --- The import and its report ---------------------------------------------------------------

  @Test
  void theWordPressFixtureIsImportedAndTheReportSaysWhatWasSkippedAndWhy(
      TransferServers.Source source) {
    JsonObject report = importFixture(source.server(), "wxr-1.2.xml");
    assertEquals("completed", report.getString("state"));
    assertAll(
        () ->
            assertEquals(
                10, count(report, "articles", "imported") + count(report, "articles", "unchanged")),
        () ->
            assertEquals(
                1, count(report, "pages", "imported") + count(report, "pages", "unchanged")),
        () ->
            assertEquals(
                18, count(report, "comments", "imported") + count(report, "comments", "unchanged")),
        () -> assertEquals(3, count(report, "comments", "skipped")),
        () -> assertEquals(1, count(report, "attachments", "skipped")),
        () -> assertEquals(1, count(report, "menu-items", "skipped")),
        () -> assertEquals(1, count(report, "other", "skipped")),
        () -> assertTrue(noted(report, "skipped", "1023", "pingback")),
        () -> assertTrue(noted(report, "skipped", "1024", "trackback")),
        () -> assertTrue(noted(report, "skipped", "1025", "empty")),
        () -> assertTrue(noted(report, "warnings", "105", "untitled")),
        () -> assertTrue(noted(report, "warnings", "107", "password")),
        () -> assertTrue(noted(report, "warnings", "108", "private")));
    String reason =
        report.getJsonArray("skipped").stream()
            .map(JsonValue::asJsonObject)
            .filter(n -> n.getString("code").equals("pingback"))
            .findFirst()
            .orElseThrow()
            .getString("reason");
    assertTrue(reason.contains("rétrolien"), reason);
  }

  @Test
  void runningTheSameImportAgainChangesNothing(TransferServers.Source source) {
    imported(source.server(), "wxr-1.2.xml");
    JsonObject before = export(source.server());
    JsonObject again = importFixture(source.server(), "wxr-1.2.xml");
    assertAll(
        () -> assertEquals(0, count(again, "articles", "imported")),
        () -> assertEquals(0, count(again, "articles", "updated")),
        () -> assertEquals(10, count(again, "articles", "unchanged")),
        () -> assertEquals(0, count(again, "comments", "imported")),
        () -> assertEquals(18, count(again, "comments", "unchanged")),
        () -> assertEquals(0, count(again, "sections", "imported")),
        () -> assertEquals(0, count(again, "tags", "imported")),
        () -> assertEquals(0, count(again, "authors", "imported")));
    assertEquals(articlesBySlug(before).keySet(), articlesBySlug(export(source.server())).keySet());
  }

  @Test
  void importedArticlesKeepStatusesDatesAuthorsTermsAndText(TransferServers.Source source) {
    imported(source.server(), "wxr-1.2.xml");
    JsonObject export = export(source.server());
    Map<String, JsonObject> articles = articlesBySlug(export);
    JsonObject cinema = articles.get("lete-au-cinema");
    assertNotNull(cinema, articles::toString);
    assertAll(
        () -> assertEquals("L’été « au cinéma »", cinema.getString("title")),
        () -> assertEquals("PUBLISHED", cinema.getString("status")),
        () -> assertEquals("2017-10-30T09:06:00Z", cinema.getString("publishedAt")),
        () -> assertEquals("HTML", cinema.getString("bodyFormat")),
        () -> assertEquals("Le festival d’été en « images ».", cinema.getString("standfirst")),
        () -> assertFalse(cinema.getString("bodyHtml").contains("wp:paragraph")),
        () -> assertFalse(cinema.getString("bodyHtml").contains("<script")),
        () -> assertFalse(cinema.getString("bodyHtml").contains("onerror")),
        () -> assertTrue(cinema.getString("bodyHtml").contains("<blockquote")));
    JsonObject scheduled = articles.get("sciences-et-societe");
    assertEquals("Sciences & société", scheduled.getString("title"));
    assertEquals("SCHEDULED", scheduled.getString("status"));
    assertEquals("2030-05-01T06:00:00Z", scheduled.getString("publishedAt"));
    assertEquals("<>&\"'", articles.get("caracteres-speciaux").getString("title"));
    assertEquals("TRASHED", articles.get("brouillon-jete").getString("status"));
    assertEquals("DRAFT", articles.get("reserve-aux-abonnes").getString("status"));
    assertEquals("DRAFT", articles.get("note-privee").getString("status"));
    assertTrue(articles.get("article-epingle").getBoolean("sticky"));
    assertEquals(60, articles.get("soixante-mots-cles").getJsonArray("tagIds").size());
    assertEquals(
        "Anticonstitutionnellementextraordinairementinterminablementincompréhensiblementlongue",
        articles.get("soixante-mots-cles").getString("title"));
    JsonObject greek =
        articleTitled(export, "Η αστρονομία στο χωριό — l’astronomie au village").orElseThrow();
    assertEquals("PUBLISHED", greek.getString("status"));
    assertTrue(greek.getString("bodyHtml").contains("Το τηλεσκόπιο του συλλόγου"));
    JsonObject untitled = articleTitled(export, "Sans titre").orElseThrow();
    assertEquals("DRAFT", untitled.getString("status"));
    assertEquals("", untitled.getString("body"));

    Map<String, JsonObject> authors = new HashMap<>();
    export
        .getJsonArray("authors")
        .forEach(a -> authors.put(a.asJsonObject().getString("name"), a.asJsonObject()));
    assertTrue(authors.containsKey("José Pérez & fils"), authors::toString);
    assertEquals(
        "claire.dumont@ancien.example.org", authors.get("Claire Dumont").getString("email"));
    Map<String, JsonObject> sections = new HashMap<>();
    export
        .getJsonArray("sections")
        .forEach(s -> sections.put(s.asJsonObject().getString("slug"), s.asJsonObject()));
    assertEquals(
        sections.get("culture").getJsonNumber("id").longValue(),
        sections.get("cinema").getJsonNumber("parentId").longValue());
    assertEquals(
        sections.get("cinema").getJsonNumber("id").longValue(),
        cinema.getJsonNumber("sectionId").longValue());
    // A WordPress page is a page here: at the root, in no section.
    JsonObject about = articles.get("a-propos");
    assertEquals("a-propos", about.getJsonObject("page").getString("path"));
    assertTrue(about.isNull("sectionId"));
    assertFalse(sections.containsKey("pages"));
  }

  @Test
  void commentsKeepTheirStatusesAndTheirThreadsTenLevelsDeep(TransferServers.Source source) {
    imported(source.server(), "wxr-1.2.xml");
    JsonObject cinema = articlesBySlug(export(source.server())).get("lete-au-cinema");
    Map<String, JsonObject> byText = new HashMap<>();
    Map<Long, JsonObject> byId = new HashMap<>();
    for (JsonValue value : cinema.getJsonArray("comments")) {
      JsonObject c = value.asJsonObject();
      byText.put(c.getString("body").strip(), c);
      byId.put(c.getJsonNumber("id").longValue(), c);
    }
    JsonObject deepest = byText.get("Réponse de niveau 10.");
    assertNotNull(deepest, byText::toString);
    assertEquals(9, deepest.getInt("depth"));
    int levels = 1;
    JsonObject walk = deepest;
    while (!walk.isNull("parentId")) {
      walk = byId.get(walk.getJsonNumber("parentId").longValue());
      levels++;
    }
    assertEquals(10, levels);
    assertEquals("Premier niveau : quelle belle soirée.", walk.getString("body"));
    JsonObject pending = byText.get("Une réponse en attente sous un commentaire approuvé.");
    assertEquals("PENDING", pending.getString("status"));
    assertEquals(walk.getJsonNumber("id"), pending.getJsonNumber("parentId"));
    assertEquals(
        "SPAM",
        byText.values().stream()
            .filter(c -> c.getString("authorName").equals("Vendeur"))
            .findFirst()
            .orElseThrow()
            .getString("status"));
    assertEquals("TRASH", byText.get("Un commentaire mis à la corbeille.").getString("status"));
    JsonObject orphan = byText.get("Je réponds à un commentaire disparu.");
    assertTrue(orphan.isNull("parentId"));
    JsonObject entities =
        byText.values().stream()
            .filter(c -> c.getString("authorName").equals("Marc & Zoé"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        entities.getString("body").contains("« bonjour » et l’apostrophe"), entities::toString);
    assertFalse(entities.getString("bodyHtml").contains("<script"));
    assertTrue(byText.get("Merci pour vos messages ! (la rédaction)").getBoolean("staff"));
  }

  @Test
  void readersSeeTheArticleItsApprovedCommentsAndNothingHidden(TransferServers.Source source) {
    imported(source.server(), "wxr-1.2.xml");
    HttpResponse<String> page = get(source.server(), "/articles/lete-au-cinema");
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertAll(
        () -> assertTrue(html.contains("L’été « au cinéma »")),
        () -> assertFalse(html.contains("&amp;laquo;")),
        () -> assertTrue(html.contains("Réponse de niveau 10.")),
        () -> assertTrue(html.contains("Premier niveau : quelle belle soirée.")),
        () -> assertFalse(html.contains("Une réponse en attente")),
        () -> assertFalse(html.contains("Achetez")),
        () -> assertFalse(html.contains("mis à la corbeille")),
        () -> assertFalse(html.contains("alert(")),
        () -> assertTrue(html.contains("staff-badge")));
    assertEquals(404, get(source.server(), "/articles/reserve-aux-abonnes").statusCode());
    assertEquals(404, get(source.server(), "/articles/sciences-et-societe").statusCode());
    String home = get(source.server(), "/").body();
    int sticky = home.indexOf("Article épinglé");
    int newer = home.indexOf("L’été « au cinéma »");
    assertTrue(sticky >= 0 && newer >= 0 && sticky < newer, "the sticky article comes first");
    int featured = home.indexOf("class=\"featured\"");
    assertTrue(
        featured >= 0 && featured < sticky && home.indexOf("featured-lead") < sticky,
        "the sticky post is « À la une »");
  }

  // --- Old addresses -------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "/?p=101, /articles/lete-au-cinema",
    "/2017/10/30/lete-au-cinema/, /articles/lete-au-cinema",
    "/2017/10/30/lete-au-cinema, /articles/lete-au-cinema",
    "/2017/10/lete-au-cinema/, /articles/lete-au-cinema",
    "/lete-au-cinema/, /articles/lete-au-cinema",
    "/2017/10/30/lete-au-cinema/comment-page-2/, /articles/lete-au-cinema",
    "/?page_id=201, /a-propos",
    "/?p=201, /a-propos",
    "/a-propos/, /a-propos",
    "/category/culture/cinema/, /sections/cinema",
    "/category/culture/, /sections/culture",
    "/tag/festival/, /tags/festival",
    "/feed/, /feed.atom",
    "/comments/feed/, /comments.atom",
    "/category/culture/cinema/feed/, /sections/cinema/feed.atom",
    "/2017/10/30/lete-au-cinema/feed/, /articles/lete-au-cinema/comments.atom",
    "/2017/10/, /archives/2017/10"
  })
  void oldWordPressAddressesAnswerAPermanentRedirect(
      String old, String now, TransferServers.Source source) {
    imported(source.server(), "wxr-1.2.xml");
    HttpResponse<String> answer = get(source.server(), old);
    assertEquals(301, answer.statusCode(), () -> old + " answered " + answer.statusCode());
    assertEquals(now, location(answer), old);
  }

  @Test
  void anOldAuthorPageAndAGreekPermalinkLeadToTheirNewPlaces(TransferServers.Source source) {
    imported(source.server(), "wxr-1.2.xml");
    HttpResponse<String> author = get(source.server(), "/author/claire/");
    assertEquals(301, author.statusCode());
    assertTrue(location(author).startsWith("/authors/"), location(author));
    assertEquals(200, get(source.server(), location(author)).statusCode());
    HttpResponse<String> greek =
        get(
            source.server(),
            "/2018/02/03/%CE%B7-%CE%B1%CF%83%CF%84%CF%81%CE%BF%CE%BD%CE%BF%CE%BC%CE%AF%CE%B1/");
    assertEquals(301, greek.statusCode());
    assertEquals(200, get(source.server(), location(greek)).statusCode());
    assertEquals(404, get(source.server(), "/2017/10/30/jamais-existe/").statusCode());
  }

  @Test
  void anOldCommentAnchorFindsTheCommentsNewPlace(TransferServers.Source source) {
    imported(source.server(), "wxr-1.2.xml");
    HttpResponse<String> post = get(source.server(), "/?p=101");
    assertTrue(
        post.headers().allValues("Set-Cookie").stream()
            .anyMatch(c -> c.startsWith("tribune-legacy=1")),
        () -> post.headers().map().toString());
    HttpResponse<String> legacy =
        get(source.server(), "/comments/legacy/1027?article=lete-au-cinema");
    assertEquals(302, legacy.statusCode());
    assertTrue(
        location(legacy).matches(".*/articles/lete-au-cinema/comments/\\d+"), location(legacy));
    HttpResponse<String> permalink = get(source.server(), URI.create(location(legacy)).getPath());
    assertEquals(302, permalink.statusCode());
    assertEquals(
        404, get(source.server(), "/comments/legacy/424242?article=lete-au-cinema").statusCode());
  }

  // --- WordPress as its readers knew it ------------------------------------------------------

  @Test
  void wordPressPagesArePagesUnderTheSameParentsWhateverTheirOrderInTheFile(
      TransferServers.Source source) {
    JsonObject report = importFixture(source.server(), "wxr-network-a.xml");
    assertEquals("completed", report.getString("state"), report::toString);
    assertEquals(5, count(report, "pages", "imported") + count(report, "pages", "unchanged"));
    assertTrue(noted(report, "warnings", "604", "parent-missing"), report::toString);
    Map<String, JsonObject> articles = articlesBySlug(export(source.server()));
    assertAll(
        () -> assertEquals("niveau-1", page(articles, "niveau-1").getString("path")),
        () -> assertEquals("niveau-1/niveau-2", page(articles, "niveau-2").getString("path")),
        () ->
            assertEquals(
                "niveau-1/niveau-2/niveau-3", page(articles, "niveau-3").getString("path")),
        // Its parent is not in the file: at the root, reported.
        () -> assertEquals("orpheline", page(articles, "orpheline").getString("path")),
        // The site answers /search: the page takes another address.
        () -> assertEquals("search-2", page(articles, "search-2").getString("path")),
        () -> assertTrue(articles.get("niveau-2").isNull("sectionId")));
    String third = get(source.server(), "/niveau-1/niveau-2/niveau-3").body();
    assertEquals(200, get(source.server(), "/niveau-1/niveau-2/niveau-3").statusCode());
    assertTrue(third.contains("La page du troisième niveau."), third);
    assertTrue(third.contains("href=\"/niveau-1/niveau-2\""), "the breadcrumb: " + third);
    // Not in the lists of articles.
    assertFalse(get(source.server(), "/").body().contains("Niveau deux"));
  }

  private static JsonObject page(Map<String, JsonObject> articles, String slug) {
    JsonObject article = articles.get(slug);
    assertNotNull(article, () -> slug + " in " + articles.keySet());
    assertTrue(article.containsKey("page"), () -> slug + " is not a page: " + article);
    return article.getJsonObject("page");
  }

  @ParameterizedTest
  @CsvSource({
    "/niveau-1/niveau-2/, /niveau-1/niveau-2",
    "/niveau-1/niveau-2/niveau-3/, /niveau-1/niveau-2/niveau-3",
    "/?page_id=603, /niveau-1/niveau-2/niveau-3",
    "/disparue/orpheline/, /orpheline",
    "/search/, /search-2",
    "/?cat=8, /sections/marches",
    "/?tag=marche, /tags/marche",
    "/?author=4, /authors/mlaurent",
    "/?paged=3, /?page=3",
    "/?s=march%C3%A9+couvert, /search?q=march%C3%A9+couvert",
    "/?m=201605, /archives/2016/05",
    "/page/2/, /?page=2",
    "/category/quartier/marches/page/2/, /sections/marches?page=2",
    "/tag/marche/page/3/, /tags/marche?page=3",
    "/2016/, /archives/2016",
    "/2016/05/12/, /archives/2016/05",
    "/2016/05/12/la-halle-rouvre/, /articles/la-halle-rouvre"
  })
  void wordPressListingsPagesAndQueriesAnswerAPermanentRedirect(
      String old, String now, TransferServers.Source source) {
    imported(source.server(), "wxr-network-a.xml");
    HttpResponse<String> answer = get(source.server(), old);
    assertEquals(301, answer.statusCode(), () -> old + " answered " + answer.statusCode());
    assertEquals(now, location(answer), old);
  }

  @Test
  void aYearsArchiveListsItsArticlesAndLeadsToTheYearsAround(TransferServers.Source source) {
    imported(source.server(), "wxr-network-a.xml");
    HttpResponse<String> year = get(source.server(), "/archives/2016");
    assertEquals(200, year.statusCode());
    assertAll(
        () -> assertTrue(year.body().contains("La halle rouvre ses portes"), year::body),
        () -> assertTrue(year.body().contains("href=\"/archives/2015\""), year::body),
        () -> assertTrue(year.body().contains("href=\"/archives/2017\""), year::body),
        () ->
            assertTrue(
                get(source.server(), "/archives/2016/05")
                    .body()
                    .contains("href=\"/archives/2016\""),
                "a month leads to its year"));
  }

  @Test
  void theReportCountsWhatWasCreatedAndListsEachUnknownShortcodeWithItsPosts(
      TransferServers.Source source) {
    JsonObject report = importFixture(source.server(), "wxr-network-a.xml");
    // « Marché » and « marché » are one tag here; counted once (imported, or unchanged when an
    // earlier test imported the file).
    assertEquals(1, count(report, "tags", "imported") + count(report, "tags", "unchanged"));
    assertEquals(2, count(report, "authors", "imported") + count(report, "authors", "unchanged"));
    Map<String, JsonObject> left = new HashMap<>();
    report
        .getJsonArray("leftAsText")
        .forEach(v -> left.put(v.asJsonObject().getString("name"), v.asJsonObject()));
    assertEquals(2, left.get("[gallery]").getInt("items"), report::toString);
    assertEquals(
        List.of("401", "402"),
        left.get("[gallery]").getJsonArray("ids").getValuesAs(JsonValue::toString).stream()
            .map(id -> id.replace("\"", ""))
            .sorted()
            .toList());
    assertEquals(1, left.get("[contact-form-7]").getInt("items"));
    // A login with stray characters and no display name: a clean byline.
    String article = get(source.server(), "/articles/la-halle-rouvre").body();
    assertTrue(article.contains(">j.dupont<"), article);
    assertFalse(article.contains("@@"), article);
  }

  @Test
  void twoBlogsOfOneNetworkAreTwoSites(TransferServers.Source source) {
    imported(source.server(), "wxr-network-a.xml");
    JsonObject report = importFixture(source.server(), "wxr-network-b.xml");
    // Its post 401 is not the other blog's post 401.
    assertEquals(1, count(report, "articles", "imported") + count(report, "articles", "unchanged"));
    assertEquals(
        200, get(source.server(), "/articles/la-bibliotheque-ouvre-le-dimanche").statusCode());
    assertEquals(200, get(source.server(), "/articles/la-halle-rouvre").statusCode());
  }

  // --- Images from the old site ------------------------------------------------------------------

  /** wxr-media.xml with the stand-in old site's address. */
  private static byte[] mediaExport(TransferServers.OldSite old) {
    return new String(fixture("wxr-media.xml"), StandardCharsets.UTF_8)
        .replace("{{SITE}}", old.site().address())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject media(JsonObject export, String originalName) {
    return export.getJsonArray("media").stream()
        .map(JsonValue::asJsonObject)
        .filter(m -> m.getString("originalName").equals(originalName))
        .findFirst()
        .orElseThrow(() -> new AssertionError(originalName + " not in the library"));
  }

  @Test
  void theOldSitesImagesComeIntoTheLibraryOnceAndPostsShowTheLibrarys(
      TransferServers.Source source, TransferServers.OldSite old) {
    JsonObject report = importFile(source.server(), "wxr", mediaExport(old), 200);
    assertEquals("completed", report.getString("state"), report::toString);
    assertAll(
        () -> assertEquals(2, count(report, "attachments", "imported"), report::toString),
        () -> assertEquals(1, count(report, "images", "imported"), report::toString),
        () -> assertEquals(3, count(report, "attachments", "skipped"), report::toString),
        () -> assertTrue(noted(report, "skipped", "503", "not-an-image")),
        () -> assertTrue(noted(report, "skipped", "504", "fetch-status")),
        () -> assertTrue(noted(report, "skipped", "505", "rejected-not-an-image")),
        () -> assertTrue(noted(report, "warnings", "502", "alt-derived")));

    JsonObject export = export(source.server());
    JsonObject halle = media(export, "halle.jpg");
    assertAll(
        () -> assertEquals("La halle couverte rénovée, vue de la place", halle.getString("alt")),
        () -> assertEquals("La halle, samedi matin", halle.getString("caption")),
        () -> assertEquals(1200, halle.getInt("width")),
        () -> assertEquals("Étal de primeurs", media(export, "etal.png").getString("alt")),
        () ->
            assertEquals(
                "L’affiche de la réouverture", media(export, "affiche.jpg").getString("alt")));
    JsonObject post = articlesBySlug(export).get("la-halle-en-images");
    assertEquals(
        media(export, "etal.png").getJsonNumber("id").longValue(),
        post.getJsonNumber("leadMediaId").longValue(),
        "the featured image leads");

    // What a reader sees: the library's figures, none of the old site's images.
    org.jsoup.nodes.Document page =
        org.jsoup.Jsoup.parse(get(source.server(), "/articles/la-halle-en-images").body());
    org.jsoup.select.Elements figures = page.select("article figure.media");
    assertTrue(figures.size() >= 4, () -> "caption, gallery of two, affiche: " + figures);
    for (org.jsoup.nodes.Element image : figures.select("img")) {
      assertTrue(image.attr("src").startsWith("/media/"), image::outerHtml);
      assertTrue(image.attr("srcset").contains("/media/"), image::outerHtml);
      assertFalse(image.attr("alt").isBlank(), image::outerHtml);
    }
    assertTrue(figures.text().contains("La halle, samedi matin"), figures::toString);
    assertTrue(page.select("img[src*=127.0.0.1]").isEmpty(), "no image from the old site");
    assertEquals(
        "https://ailleurs.example.net/logo.png",
        page.select("img[alt=Un logo d’ailleurs]").attr("src"),
        "another site's image stays as it was");
    assertTrue(
        page.select("a[href$=plan.pdf]").size() == 1, "the link to a file that is no image stays");
    assertTrue(
        page.select("meta[property=og:image]").attr("content").contains("/media/"),
        "the lead image is the library's");
    org.jsoup.nodes.Document block =
        org.jsoup.Jsoup.parse(get(source.server(), "/articles/vue-den-haut").body());
    assertEquals(
        "Vue du belvédère", block.select("article figure.media figcaption").text(), block::html);

    // In a browser: every figure's image is loaded from the library, on a desktop and a phone.
    Chromium.requireInstalled();
    try (Chromium chromium = Chromium.start()) {
      chromium.driver().get(source.server().uri("/articles/la-halle-en-images").toString());
      String loaded =
          "const images = [...document.querySelectorAll('article figure.media img')];"
              + " images.forEach(i => { i.loading = 'eager'; });"
              + " return images.map(i => i.complete && i.naturalWidth > 0"
              + " && new URL(i.currentSrc).pathname.startsWith('/media/'));";
      org.openqa.selenium.support.ui.WebDriverWait wait =
          new org.openqa.selenium.support.ui.WebDriverWait(
              chromium.driver(), java.time.Duration.ofSeconds(20));
      wait.until(
          d ->
              ((List<?>) chromium.driver().executeScript(loaded))
                  .stream().allMatch(Boolean.TRUE::equals));
      assertTrue(((List<?>) chromium.driver().executeScript(loaded)).size() >= 4);
      chromium.screenshot("transfer-imported-images.png");
      chromium.phone(390, 844);
      chromium.driver().navigate().refresh();
      wait.until(
          d ->
              ((List<?>) chromium.driver().executeScript(loaded))
                  .stream().allMatch(Boolean.TRUE::equals));
      assertEquals(
          Boolean.TRUE,
          chromium
              .driver()
              .executeScript(
                  "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
          "no sideways scrolling on a phone");
      chromium.screenshot("transfer-imported-images-phone.png");
    }

    // A second import fetches nothing it took (it tries again what failed).
    JsonObject again = importFile(source.server(), "wxr", mediaExport(old), 200);
    assertAll(
        () ->
            assertEquals(
                List.of(1, 1, 1),
                List.of(
                    old.site().requests(OldWordPressSite.UPLOADS + "halle.jpg"),
                    old.site().requests(OldWordPressSite.UPLOADS + "etal.png"),
                    old.site().requests("/wp-content/uploads/2016/04/affiche.jpg")),
                "each image taken was fetched once, the original, not its variants"),
        () -> assertEquals(0, old.site().requests(OldWordPressSite.UPLOADS + "halle-300x225.jpg")),
        () -> assertEquals(2, count(again, "attachments", "unchanged"), again::toString),
        () -> assertEquals(1, count(again, "images", "unchanged"), again::toString),
        () -> assertEquals(0, count(again, "attachments", "imported")));
  }

  // --- Other sources ---------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "wxr-1.0.xml, /articles/marche-de-noel",
    "wxr-1.1-https.xml, /articles/crue-de-la-riviere"
  })
  void olderAndHttpsNamespacesImportToo(String file, String page, TransferServers.Source source) {
    JsonObject report = importFixture(source.server(), file);
    assertEquals("completed", report.getString("state"));
    assertEquals(200, get(source.server(), page).statusCode());
  }

  @Test
  void disqusCommentsJoinTheirArticlesWithTheirThreads(TransferServers.Source source) {
    imported(source.server(), "wxr-1.2.xml");
    JsonObject report = importFixture(source.server(), "disqus.xml");
    assertEquals("completed", report.getString("state"));
    assertTrue(noted(report, "skipped", "9003", "thread-unmatched"), report::toString);
    assertTrue(noted(report, "skipped", "7007", "thread-unmatched-post"), report::toString);
    assertEquals(6, count(report, "comments", "imported") + count(report, "comments", "unchanged"));
    JsonObject export = export(source.server());
    JsonObject greek =
        articleTitled(export, "Η αστρονομία στο χωριό — l’astronomie au village").orElseThrow();
    Map<String, JsonObject> byText = new HashMap<>();
    Map<Long, JsonObject> byId = new HashMap<>();
    for (JsonValue value : greek.getJsonArray("comments")) {
      JsonObject c = value.asJsonObject();
      byText.put(c.getString("body").strip(), c);
      byId.put(c.getJsonNumber("id").longValue(), c);
    }
    JsonObject reply = byText.get("Réponse à Théo, placée avant lui dans le fichier.");
    assertNotNull(reply, byText::toString);
    assertEquals(
        "Quel télescope avez-vous utilisé ?",
        byId.get(reply.getJsonNumber("parentId").longValue()).getString("body"));
    assertEquals(2, reply.getInt("depth"));
    assertEquals("TRASH", byText.get("Message supprimé par son auteur.").getString("status"));
    assertEquals(
        "SPAM",
        byText.values().stream()
            .filter(c -> c.getString("authorName").equals("Promo"))
            .findFirst()
            .orElseThrow()
            .getString("status"));
    JsonObject cinema = articlesBySlug(export).get("lete-au-cinema");
    assertTrue(
        cinema.getJsonArray("comments").stream()
            .anyMatch(c -> c.asJsonObject().getString("body").contains("Vu au festival")));
    assertEquals(
        0,
        count(importFixture(source.server(), "disqus.xml"), "comments", "imported"),
        "a second Disqus import adds nothing");
  }

  // --- Bad files --------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "not-xml.xml, malformed",
    "empty.xml, malformed",
    "xxe.xml, dtd",
    "xml-bomb.xml, dtd",
    "wrong-namespace.xml, namespace",
    "no-namespace.xml, namespace"
  })
  void badFilesAreRefusedWithAClearReportAndChangeNothing(
      String file, String code, TransferServers.Source source) {
    imported(source.server(), "wxr-1.2.xml");
    int before = export(source.server()).getJsonArray("articles").size();
    JsonObject report = importFile(source.server(), "wxr", fixture(file), 422);
    assertEquals("failed", report.getString("state"));
    assertEquals(code, report.getJsonObject("error").getString("code"));
    assertFalse(report.getJsonObject("error").getString("message").isBlank());
    assertEquals(before, export(source.server()).getJsonArray("articles").size());
  }

  @Test
  void aTruncatedFileLeavesWholeArticlesOnlyAndTheFullFileThenGoesOn(
      TransferServers.Source source) {
    String full =
        new String(fixture("wxr-1.2.xml"), StandardCharsets.UTF_8)
            .replace("ancien.example.org", "coupe.example.org")
            .replace("https://coupe.example.org/", "https://coupe.example.org/coupe/")
            .replaceAll("<wp:post_id>(\\d+)</wp:post_id>", "<wp:post_id>9$1</wp:post_id>")
            .replaceAll(
                "<wp:post_name><!\\[CDATA\\[([a-z-]+)\\]\\]>",
                "<wp:post_name><![CDATA[coupe-$1]]>");
    String cut = full.substring(0, full.indexOf("<wp:post_id>9106</wp:post_id>") + 40);
    JsonObject broken =
        importFile(source.server(), "wxr", cut.getBytes(StandardCharsets.UTF_8), 422);
    assertEquals("malformed", broken.getJsonObject("error").getString("code"));
    assertEquals(5, count(broken, "articles", "imported"));
    Map<String, JsonObject> after = articlesBySlug(export(source.server()));
    assertFalse(after.containsKey("coupe-soixante-mots-cles"), "no partial article");
    assertTrue(after.containsKey("coupe-lete-au-cinema"));
    assertEquals(16, after.get("coupe-lete-au-cinema").getJsonArray("comments").size());

    JsonObject resumed =
        importFile(source.server(), "wxr", full.getBytes(StandardCharsets.UTF_8), 200);
    assertEquals(5, count(resumed, "articles", "imported"));
    assertEquals(5, count(resumed, "articles", "unchanged"));
    assertTrue(articlesBySlug(export(source.server())).containsKey("coupe-soixante-mots-cles"));
  }

  // --- Access -----------------------------------------------------------------------------------

  @Test
  void onlyAnAdministratorsCredentialsOpenTheApi(TransferServers.Source source) {
    TribuneServer server = source.server();
    byte[] file = fixture("wxr-1.1-https.xml");
    HttpResponse<String> none =
        post(server, "/api/admin/import/wxr", file, "application/xml", null);
    assertEquals(401, none.statusCode());
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertEquals(
        401,
        post(
                server,
                "/api/admin/import/wxr",
                file,
                "application/xml",
                basic(ConsoleServer.ADMIN_EMAIL, "pas le bon mot de passe"))
            .statusCode());
    assertEquals(401, get(server, "/api/admin/export/json").statusCode());
    HttpResponse<String> form =
        post(server, "/api/admin/import/wxr", file, "application/x-www-form-urlencoded", ADMIN);
    assertEquals(415, form.statusCode(), "a form from another site cannot send an import");
    assertEquals(
        415, post(server, "/api/admin/import/wxr", file, "text/plain", ADMIN).statusCode());
    assertEquals(405, get(server, "/api/admin/import/wxr").statusCode());
    assertEquals(
        404, post(server, "/api/admin/import/rss", file, "application/xml", ADMIN).statusCode());
  }

  // --- The console -----------------------------------------------------------------------------

  @Test
  void theConsoleFormImportsAFileAndShowsTheReportWithoutJavaScript(TransferServers.Source source)
      throws IOException {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("crue", ".xml");
    java.nio.file.Files.write(file, fixture("wxr-1.1-https.xml"));
    try (Visitor admin = Console.visitor(source.server())) {
      Console.signedIn(admin, ConsoleServer.ADMIN_EMAIL, ConsoleServer.ADMIN_PASSWORD);
      org.htmlunit.html.HtmlPage page = admin.open("/admin/transfer");
      org.htmlunit.html.HtmlForm form = page.getHtmlElementById("import-form");
      org.htmlunit.html.HtmlFileInput input = form.querySelector("input[type=file]");
      input.setFiles(file.toFile());
      org.htmlunit.Page answer = admin.press(form.querySelector("button[type=submit]"));
      assertEquals(302, Visitor.status(answer), () -> Visitor.text(answer));
      assertTrue(
          Visitor.location(answer).contains("/admin/transfer?job="), Visitor.location(answer));
      org.htmlunit.html.HtmlPage report = admin.follow(answer);
      String text = report.asNormalizedText();
      assertTrue(text.contains(Console.text("transfer.report")), text);
      assertTrue(text.contains(Console.text("transfer.progress.done")), text);
      assertTrue(text.contains(Console.text("transfer.kind.articles")), text);

      // The same form without its token (a page on another site cannot know it) is refused.
      org.htmlunit.html.HtmlPage again = admin.open("/admin/transfer");
      org.htmlunit.html.HtmlForm forged = again.getHtmlElementById("import-form");
      ((org.htmlunit.html.HtmlHiddenInput) forged.querySelector("input[name=token]"))
          .setValue("forged");
      ((org.htmlunit.html.HtmlFileInput) forged.querySelector("input[type=file]"))
          .setFiles(file.toFile());
      org.htmlunit.Page refused = admin.press(forged.querySelector("button[type=submit]"));
      assertTrue(Visitor.location(refused).endsWith("/admin/transfer?refused=token"));
      assertTrue(
          admin.follow(refused).asNormalizedText().contains(Console.shown("transfer.error.token")));
      assertEquals(200, Visitor.status(admin.get("/admin/transfer/export/json")));
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  // --- Round trip -------------------------------------------------------------------------------

  @Test
  void aWxrExportImportedIntoAnEmptySiteGivesTheSameSite(
      TransferServers.Source source, TransferServers.Copy copy) {
    imported(source.server(), "wxr-1.2.xml");
    imported(source.server(), "disqus.xml");
    imported(source.server(), "wxr-network-a.xml");
    HttpResponse<String> wxr =
        send(
            HttpRequest.newBuilder(source.server().uri("/api/admin/export/wxr"))
                .header("Authorization", ADMIN));
    assertEquals(200, wxr.statusCode());
    JsonObject report =
        importFile(copy.server(), "wxr", wxr.body().getBytes(StandardCharsets.UTF_8), 200);
    assertEquals("completed", report.getString("state"), report::toString);

    Map<String, JsonObject> original = articlesBySlug(export(source.server()));
    Map<String, JsonObject> copied = articlesBySlug(export(copy.server()));
    assertEquals(original.keySet(), copied.keySet());
    for (String slug : original.keySet()) {
      JsonObject a = original.get(slug);
      JsonObject b = copied.get(slug);
      assertAll(
          slug,
          () -> assertEquals(a.getString("title"), b.getString("title")),
          () -> assertEquals(a.getString("status"), b.getString("status")),
          () -> assertEquals(a.get("publishedAt"), b.get("publishedAt")),
          () -> assertEquals(a.getBoolean("sticky"), b.getBoolean("sticky")),
          () -> assertEquals(a.getString("standfirst"), b.getString("standfirst")),
          () -> assertEquals(a.getJsonArray("tagIds").size(), b.getJsonArray("tagIds").size()),
          () -> assertEquals(threads(a), threads(b)),
          // Pages stay pages, under the same parents (their paths say so).
          () -> assertEquals(pagePath(a), pagePath(b)));
      if (a.getString("status").equals("PUBLISHED")) {
        String path = pagePath(a) == null ? "/articles/" + slug : "/" + pagePath(a);
        assertEquals(200, get(copy.server(), path).statusCode(), path);
      }
    }
  }

  // --- Restore from the JSON export
  // ---------------------------------------------------------------

  /** A {@code multipart/form-data} body of named files. */
  private static HttpRequest.Builder multipart(
      TribuneServer server, String path, Map<String, byte[]> files) {
    String boundary = "tribune-" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    try {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + file.getKey()
                    + "\"; filename=\""
                    + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file.getValue());
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpRequest.newBuilder(server.uri(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private static byte[] download(TribuneServer server, String path) {
    try {
      HttpResponse<byte[]> answer =
          HTTP.send(
              HttpRequest.newBuilder(server.uri(path))
                  .header("Authorization", ADMIN)
                  .timeout(Duration.ofMinutes(3))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, answer.statusCode(), path);
      return answer.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theRestoreApiRefusesWhatItMustThenPutsTheSiteBackWithItsOldAddresses(
      TransferServers.Source source) {
    TribuneServer server = source.server();
    imported(server, "wxr-1.2.xml");
    imported(server, "disqus.xml");
    byte[] document = download(server, "/api/admin/export/json");
    byte[] media = download(server, "/api/admin/export/media");
    Map<String, byte[]> both = new java.util.LinkedHashMap<>();
    both.put("export", document);
    both.put("media", media);

    // A small body: a refused request's body is not read, and the connection is closed.
    byte[] small = "{}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> anonymous =
        post(server, "/api/admin/import/json", small, "application/json", null);
    assertEquals(401, anonymous.statusCode(), anonymous::body);
    HttpResponse<String> xml =
        post(server, "/api/admin/import/json", small, "application/xml", ADMIN);
    assertEquals(415, xml.statusCode(), xml::body);
    assertEquals("content-type-json", json(xml.body()).getJsonObject("error").getString("code"));
    HttpResponse<String> crossSite =
        send(
            multipart(server, "/api/admin/import/json?replace=true", Map.of("export", small))
                .header("Authorization", ADMIN)
                .header("Origin", "https://ailleurs.example"));
    assertEquals(403, crossSite.statusCode(), crossSite::body);
    HttpResponse<String> notEmpty =
        send(multipart(server, "/api/admin/import/json", both).header("Authorization", ADMIN));
    assertEquals(409, notEmpty.statusCode(), notEmpty::body);
    assertEquals("not-empty", json(notEmpty.body()).getJsonObject("error").getString("code"));

    HttpResponse<String> restored =
        send(
            multipart(server, "/api/admin/import/json?replace=true", both)
                .header("Authorization", ADMIN));
    assertEquals(200, restored.statusCode(), restored::body);
    JsonObject report = json(restored.body());
    assertEquals("completed", report.getString("state"), report::toString);
    JsonObject before = json(new String(document, StandardCharsets.UTF_8));
    assertEquals(
        before.getJsonArray("articles").size(),
        count(report, "articles", "imported") + count(report, "pages", "imported"),
        report::toString);
    JsonObject after = export(server);
    assertEquals(articlesBySlug(before), articlesBySlug(after));
    // The imported WordPress site's addresses still lead to their articles.
    HttpResponse<String> old = get(server, "/?p=101");
    assertEquals(301, old.statusCode(), old::body);
    assertTrue(location(old).endsWith("/articles/lete-au-cinema"), location(old));
  }

  private static String pagePath(JsonObject article) {
    return article.containsKey("page") ? article.getJsonObject("page").getString("path") : null;
  }

  /** An article's comments as "status depth text (parent's text)" lines, ids aside. */
  private static List<String> threads(JsonObject article) {
    JsonArray comments = article.getJsonArray("comments");
    Map<Long, String> texts = new HashMap<>();
    for (JsonValue value : comments) {
      JsonObject c = value.asJsonObject();
      texts.put(c.getJsonNumber("id").longValue(), c.getString("body"));
    }
    return comments.stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> !c.getString("body").isBlank())
        .map(
            c ->
                c.getString("status")
                    + " "
                    + c.getInt("depth")
                    + " "
                    + c.getString("body")
                    + " ("
                    + (c.isNull("parentId")
                        ? ""
                        : texts.get(c.getJsonNumber("parentId").longValue()))
                    + ")")
        .sorted()
        .toList();
  }
}
