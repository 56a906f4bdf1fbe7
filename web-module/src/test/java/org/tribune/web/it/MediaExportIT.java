package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Console.text;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.htmlunit.Page;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The media library leaving with the site: two images uploaded through the console (one described
 * and leading an article, one not), then the JSON export (every item with its description and
 * absolute addresses, the article's {@code leadMediaId}), the WXR export (attachments numbered
 * apart from the posts, the article's {@code _thumbnail_id}) and the media archive (originals whose
 * SHA-256 the manifest gives, refused to anyone but an administrator). On the transfer tests'
 * source site ({@link TransferServers}): no server of its own.
 *
 * <p>The library is made once per run whichever test runs first, like {@link TransferIT}'s imports:
 * each test only reads it.
 */
@ExtendWith(TransferServers.class)
class MediaExportIT {
  private static final String WP = "http://wordpress.org/export/1.2/";
  private static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  private static final String ADMIN =
      basic(ConsoleServer.ADMIN_EMAIL, ConsoleServer.ADMIN_PASSWORD);
  private static final String EDITOR_PASSWORD = "Mot de passe de la rédaction";
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** What the library holds for these tests. */
  private record Library(
      long described,
      String describedName,
      long bare,
      String bareName,
      String alt,
      String caption,
      String credit,
      String title,
      String editor) {}

  private static final Map<String, Library> LIBRARIES = new ConcurrentHashMap<>();

  private static Library library(TribuneServer server) {
    return LIBRARIES.computeIfAbsent(server.uri("/").toString(), key -> make(server));
  }

  /**
   * Uploads a JPEG and a PNG, describes the JPEG and makes it the lead image of a new article, and
   * creates an editor's account.
   */
  private static Library make(TribuneServer server) {
    TransferIT.imported(server, "wxr-1.2.xml"); // authors, for the article's byline
    String unique = Long.toHexString(System.nanoTime());
    String describedName = "Fête au port " + unique + ".jpg";
    String bareName = "logo été " + unique + ".png";
    String alt = "Les voiliers pavoisés du port " + unique;
    String caption = "Le port un soir de fête.";
    String credit = "Studio Dupont / Tribune";
    String editor = Console.uniqueEmail("redaction");
    try (Visitor admin = Console.admin(server)) {
      Path folder = Files.createTempDirectory("media-export");
      HtmlPage report =
          MediaIT.upload(
              admin,
              file(folder, describedName, MediaIT.jpeg(1600, 1000)),
              file(folder, bareName, MediaIT.png()));
      long described = MediaIT.idOf(report, describedName);
      long bare = MediaIT.idOf(report, bareName);
      MediaIT.describe(
          admin,
          described,
          Map.of(
              "alt", alt,
              "caption", caption,
              "credit", credit,
              "focal-x", "30",
              "focal-y", "70"));

      String title = Editor.uniqueTitle("Le port en fête");
      long article = Editor.create(admin, Map.of("title", title, "body", "Les voiliers."));
      HtmlPage chosen = MediaIT.pressInEditor(admin, article, alt, "editor.media.pick-named");
      Editor.pressForPage(admin, chosen, Map.of(), "save");
      Console.createdAccount(admin, editor, "EDITOR", EDITOR_PASSWORD);
      return new Library(
          described, describedName, bare, bareName, alt, caption, credit, title, editor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- JSON --------------------------------------------------------------------------------------

  @Test
  void theJsonExportListsEveryImageWithItsAddressesAndTheArticleItsLeadImage(
      TransferServers.Source source) {
    TribuneServer server = source.server();
    Library library = library(server);
    JsonObject export = TransferIT.export(server);
    Map<Long, JsonObject> media = mediaById(export);
    JsonObject described = media.get(library.described());
    JsonObject bare = media.get(library.bare());
    assertNotNull(described, () -> "not in the export: " + media.keySet());
    assertNotNull(bare, () -> "not in the export: " + media.keySet());
    JsonObject article = TransferIT.articleTitled(export, library.title()).orElseThrow();
    List<Long> ids = new ArrayList<>(media.keySet());
    JsonArray renditions = described.getJsonArray("renditions");
    JsonObject widest = renditions.getJsonObject(renditions.size() - 1).asJsonObject();
    String hash = described.getString("hash");
    assertAll(
        () -> assertEquals(ids.stream().sorted().toList(), ids, "oldest first"),
        () -> assertEquals(library.describedName(), described.getString("originalName")),
        () -> assertEquals("image/jpeg", described.getString("contentType")),
        () -> assertEquals(1600, described.getInt("width")),
        () -> assertEquals(1000, described.getInt("height")),
        () -> assertTrue(described.getJsonNumber("bytes").longValue() > 0),
        () -> assertTrue(hash.matches("[0-9a-f]{64}"), hash),
        () -> assertEquals(library.alt(), described.getString("alt")),
        () -> assertEquals(library.caption(), described.getString("caption")),
        () -> assertEquals(library.credit(), described.getString("credit")),
        () -> assertEquals(0.3, described.getJsonNumber("focalX").doubleValue(), 1e-9),
        () -> assertEquals(0.7, described.getJsonNumber("focalY").doubleValue(), 1e-9),
        () -> assertEquals(ConsoleServer.ADMIN_EMAIL, described.getString("uploadedBy")),
        () -> assertFalse(described.getString("uploadedAt").isEmpty()),
        () -> assertFalse(described.getString("updatedAt").isEmpty()),
        () ->
            assertEquals(
                List.of(320, 640, 960, 1280, 1600),
                renditions.stream().map(r -> r.asJsonObject().getInt("width")).toList()),
        () -> assertEquals(1000, widest.getInt("height")),
        () ->
            assertTrue(
                widest.getString("url").matches("https?://[^/]+/media/" + hash + "-1600\\.jpg"),
                widest::toString),
        () -> assertEquals(200, TransferIT.get(server, path(widest.getString("url"))).statusCode()),
        () ->
            assertTrue(
                described
                    .getString("archivePath")
                    .matches("originals/" + library.described() + "-Fete-au-port-[0-9a-f]+\\.jpg"),
                () -> described.getString("archivePath")),
        () -> assertEquals("image/png", bare.getString("contentType")),
        () -> assertEquals("", bare.getString("alt", "")),
        () -> assertTrue(bare.isNull("focalX")),
        () ->
            assertEquals(
                2, bare.getJsonArray("renditions").size(), "400 px wide: 320 and its own 400"),
        () ->
            assertTrue(
                bare.getString("archivePath").endsWith(".png"), bare.getString("archivePath")),
        () -> assertEquals(library.described(), article.getJsonNumber("leadMediaId").longValue()),
        () ->
            assertTrue(
                export.getJsonArray("articles").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(a -> a != article)
                    .allMatch(a -> a.containsKey("leadMediaId")),
                "every article says whether it has one"));
  }

  // --- WXR ---------------------------------------------------------------------------------------

  @Test
  void theWxrExportHasTheImagesAsAttachmentsAndTheArticleItsThumbnail(TransferServers.Source source)
      throws Exception {
    TribuneServer server = source.server();
    Library library = library(server);
    JsonObject described = mediaById(TransferIT.export(server)).get(library.described());
    JsonArray renditions = described.getJsonArray("renditions");
    String widest = renditions.getJsonObject(renditions.size() - 1).getString("url");

    HttpResponse<byte[]> answer = bytes(server, "/api/admin/export/wxr", ADMIN);
    assertEquals(200, answer.statusCode());
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document wxr = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()));
    List<Item> attachments = new ArrayList<>();
    List<Item> posts = new ArrayList<>();
    NodeList items = wxr.getElementsByTagName("item");
    for (int i = 0; i < items.getLength(); i++) {
      Item item = Item.of((Element) items.item(i));
      (item.type().equals("attachment") ? attachments : posts).add(item);
    }
    Item image =
        attachments.stream()
            .filter(a -> library.alt().equals(a.meta().get("_wp_attachment_image_alt")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no attachment with the text alternative"));
    Item bare =
        attachments.stream()
            .filter(a -> library.bareName().equals(a.title()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no attachment for the PNG"));
    Item article =
        posts.stream().filter(p -> p.title().equals(library.title())).findFirst().orElseThrow();
    List<String> postIds = posts.stream().map(Item::id).toList();
    assertAll(
        () -> assertEquals(library.describedName(), image.title()),
        () -> assertEquals(widest, image.field(WP, "attachment_url")),
        () -> assertEquals(widest, image.field(null, "guid")),
        () -> assertEquals(library.caption(), image.field(EXCERPT, "encoded")),
        () -> assertEquals("", image.field(CONTENT, "encoded")),
        () -> assertEquals("inherit", image.field(WP, "status")),
        () -> assertEquals(library.credit(), image.meta().get("_tribune_credit")),
        () ->
            assertEquals(
                path(widest).substring(1), image.meta().get("_wp_attached_file"), "media/…"),
        () -> assertFalse(bare.meta().containsKey("_tribune_credit"), "no credit, no meta"),
        () -> assertNotEquals(image.id(), bare.id()),
        () ->
            assertTrue(
                attachments.stream().map(Item::id).noneMatch(postIds::contains),
                () -> "attachment ids " + attachments + " among the posts' " + postIds),
        () -> assertEquals(image.id(), article.meta().get("_thumbnail_id")),
        () ->
            assertEquals(
                1_000_000 + library.described(), Long.parseLong(image.id()), "the documented id"));
  }

  /** An item of the WXR file: its id, type, title, its meta, and a way to read its fields. */
  private record Item(String id, String type, String title, Map<String, String> meta, Element e) {
    static Item of(Element item) {
      Map<String, String> meta = new LinkedHashMap<>();
      NodeList metas = item.getElementsByTagNameNS(WP, "postmeta");
      for (int i = 0; i < metas.getLength(); i++) {
        Element m = (Element) metas.item(i);
        meta.put(child(m, WP, "meta_key"), child(m, WP, "meta_value"));
      }
      return new Item(
          child(item, WP, "post_id"),
          child(item, WP, "post_type"),
          child(item, null, "title"),
          meta,
          item);
    }

    String field(String ns, String name) {
      return child(e, ns, name);
    }

    @Override
    public String toString() {
      return type + " " + id + " " + title;
    }

    private static String child(Element parent, String ns, String name) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element c
            && name.equals(c.getLocalName())
            && (ns == null ? c.getNamespaceURI() == null : ns.equals(c.getNamespaceURI()))) {
          return c.getTextContent();
        }
      }
      return null;
    }
  }

  // --- Media archive -----------------------------------------------------------------------------

  @Test
  void theMediaArchiveHoldsEveryOriginalWithTheDigestAndDescriptionItsManifestGives(
      TransferServers.Source source) throws IOException {
    TribuneServer server = source.server();
    Library library = library(server);
    Map<Long, JsonObject> exported = mediaById(TransferIT.export(server));
    HttpResponse<byte[]> answer = bytes(server, "/api/admin/export/media", ADMIN);
    assertEquals(200, answer.statusCode(), () -> new String(answer.body(), StandardCharsets.UTF_8));
    Map<String, byte[]> files = unzip(answer.body());
    JsonObject manifest =
        TransferIT.json(new String(files.get("manifest.json"), StandardCharsets.UTF_8));
    Map<Long, JsonObject> items = new HashMap<>();
    for (JsonValue value : manifest.getJsonArray("items")) {
      items.put(value.asJsonObject().getJsonNumber("id").longValue(), value.asJsonObject());
    }
    JsonObject described = items.get(library.described());
    JsonObject bare = items.get(library.bare());
    byte[] original = files.get(described.getString("file"));
    assertAll(
        () ->
            assertEquals("application/zip", answer.headers().firstValue("Content-Type").orElse("")),
        () ->
            assertTrue(
                answer
                    .headers()
                    .firstValue("Content-Disposition")
                    .orElse("")
                    .matches("attachment; filename=\"tribune-media-\\d{4}-\\d{2}-\\d{2}\\.zip\""),
                () -> answer.headers().map().toString()),
        () -> assertEquals("tribune-media", manifest.getString("format")),
        () -> assertEquals(1, manifest.getInt("version")),
        () -> assertFalse(manifest.getJsonObject("site").getString("name").isEmpty()),
        () -> assertFalse(manifest.getString("exportedAt").isEmpty()),
        () -> assertEquals(exported.keySet(), items.keySet(), "the JSON export's items"),
        () -> assertEquals(items.size(), manifest.getInt("count")),
        () -> assertEquals(0, manifest.getInt("problems")),
        () -> assertEquals(items.size() + 1, files.size(), () -> "files: " + files.keySet()),
        () -> assertNotNull(original, () -> described.getString("file") + " not in the zip"),
        () ->
            assertEquals(
                exported.get(library.described()).getString("archivePath"),
                described.getString("file")),
        () -> assertEquals(library.alt(), described.getString("alt")),
        () -> assertEquals(library.caption(), described.getString("caption")),
        () -> assertEquals(library.credit(), described.getString("credit")),
        () -> assertEquals(0.3, described.getJsonNumber("focalX").doubleValue(), 1e-9),
        () -> assertEquals(0.7, described.getJsonNumber("focalY").doubleValue(), 1e-9),
        () -> assertEquals(1600, described.getInt("width")),
        () -> assertEquals(1000, described.getInt("height")),
        () -> assertEquals("image/jpeg", described.getString("contentType")),
        () -> assertEquals(library.describedName(), described.getString("originalName")),
        () -> assertEquals(ConsoleServer.ADMIN_EMAIL, described.getString("uploadedBy")),
        () -> assertFalse(described.getString("uploadedAt").isEmpty()),
        () -> assertFalse(described.getString("updatedAt").isEmpty()),
        () -> assertEquals(1600, ImageIO.read(new ByteArrayInputStream(original)).getWidth()),
        () -> assertTrue(bare.getString("file").endsWith(".png"), bare.getString("file")));
    for (JsonObject item : items.values()) {
      byte[] file = files.get(item.getString("file"));
      assertNotNull(file, () -> item.getString("file") + " not in the zip");
      String digest = sha256(file);
      assertAll(
          item.getString("file"),
          () -> assertEquals(item.getString("sha256"), digest),
          () -> assertEquals(item.getString("hash"), digest, "the library's hash"),
          () -> assertEquals(item.getJsonNumber("bytes").longValue(), file.length),
          () ->
              assertEquals(
                  exported.get(item.getJsonNumber("id").longValue()).getString("hash"), digest));
    }
  }

  @Test
  void onlyAnAdministratorGetsTheMediaArchiveAndTheDownloadIsAudited(TransferServers.Source source)
      throws IOException {
    TribuneServer server = source.server();
    Library library = library(server);
    HttpResponse<byte[]> anonymous = bytes(server, "/api/admin/export/media", null);
    HttpResponse<byte[]> editorApi =
        bytes(server, "/api/admin/export/media", basic(library.editor(), EDITOR_PASSWORD));
    Page editorConsole;
    try (Visitor editor = Console.visitor(server)) {
      Console.signedIn(editor, library.editor(), EDITOR_PASSWORD);
      editorConsole = editor.get("/admin/transfer/export/media");
    }
    try (Visitor admin = Console.admin(server)) {
      HtmlPage page = admin.open("/admin/transfer");
      DomNode link = page.getElementById("media-archive");
      Page download = admin.get("/admin/transfer/export/media");
      byte[] zip = download.getWebResponse().getContentAsStream().readAllBytes();
      List<List<String>> audit = Console.auditRows(admin, "media");
      assertAll(
          () -> assertEquals(401, anonymous.statusCode()),
          () -> assertEquals(403, editorApi.statusCode()),
          () -> assertEquals(403, Visitor.status(editorConsole)),
          () -> assertNotNull(link, "a link on the page"),
          () ->
              assertTrue(
                  link.getAttributes()
                      .getNamedItem("href")
                      .getNodeValue()
                      .endsWith("/admin/transfer/export/media")),
          () -> assertEquals(text("transfer.export.media"), link.getTextContent().strip()),
          () -> assertEquals(200, Visitor.status(download)),
          () -> assertTrue(unzip(zip).containsKey("manifest.json"), "a zip with its manifest"),
          () ->
              assertTrue(
                  audit.stream()
                      .anyMatch(
                          row ->
                              row.contains(text("audit.action.SITE_EXPORTED"))
                                  && row.contains(text("audit.target.format.media"))),
                  audit::toString));
    }
  }

  // --- Helpers -----------------------------------------------------------------------------------

  private static String basic(String email, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<Long, JsonObject> mediaById(JsonObject export) {
    Map<Long, JsonObject> media = new LinkedHashMap<>();
    for (JsonValue value : export.getJsonArray("media")) {
      JsonObject item = value.asJsonObject();
      media.put(item.getJsonNumber("id").longValue(), item);
    }
    return media;
  }

  /** The path of an absolute address. */
  private static String path(String url) {
    return java.net.URI.create(url).getRawPath();
  }

  private static File file(Path folder, String name, byte[] content) throws IOException {
    Path path = Files.createTempDirectory(folder, "f").resolve(name);
    Files.write(path, content);
    return path.toFile();
  }

  private static HttpResponse<byte[]> bytes(
      TribuneServer server, String path, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofMinutes(2));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        assertFalse(files.containsKey(entry.getName()), entry.getName() + " twice");
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
