package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Console.admin;
import static org.tribune.web.it.Console.text;
import static org.tribune.web.it.Visitor.status;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The media library over HTTP, as staff use it without JavaScript and as the page's script sends
 * files: uploads and their refusals (content sniffed whatever the name, SVG, a decompression bomb,
 * an empty file, a body over {@code tribune.media.max-bytes} refused before it is read, visitors
 * and moderators refused), the files served at addresses naming their content with a year of
 * immutable caching, and an image described, made an article's lead image (figure with srcset,
 * caption and credit, Open Graph at 1 200 px, a thumbnail in the lists), then deleted after a
 * confirmation naming the article. On the server of {@link ConsoleFlowsServer}.
 */
@ExtendWith(ConsoleFlowsServer.class)
class MediaIT {
  private static final Pattern EDIT_ID = Pattern.compile("/admin/media/edit\\?id=(\\d+)");
  private static final Pattern RENDITION =
      Pattern.compile("/media/([0-9a-f]{64})-(\\d+)\\.(jpg|png)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @TempDir Path folder;

  // --- Uploads -----------------------------------------------------------------------------------

  @Test
  void imagesUploadedThroughThePlainFormAreListedWithTheirSizes(TribuneServer server)
      throws IOException {
    String name = unique("Fête de la lumière") + ".jpg";
    try (Visitor admin = admin(server)) {
      HtmlPage report = upload(admin, file(name, jpeg(2400, 1600)), file("logo-été.png", png()));

      List<String> lines = reportLines(report);
      long id = idOf(report, name);
      HtmlPage item = admin.open("/admin/media/edit?id=" + id);
      String itemText = spaced(item.asNormalizedText());
      List<String> widths = renditionWidths(item);
      assertAll(
          () -> assertEquals(2, lines.size(), () -> "report: " + lines),
          () ->
              assertTrue(lines.get(0).contains(text("media.upload.taken", name)), lines::toString),
          () -> assertTrue(itemText.contains(name), "the original name is shown"),
          () -> assertTrue(itemText.contains("2 400 × 1 600 px"), itemText),
          () -> assertEquals(List.of("320", "640", "960", "1280", "1920"), widths),
          () ->
              assertTrue(
                  itemText.contains(spaced(text("media.no-alt.explain"))), "alt text asked for"));
      HtmlPage library = admin.open("/admin/media?q=" + URLEncoder.encode("FÊTE DE LA", UTF8()));
      assertTrue(
          library.asNormalizedText().contains(name), "found by its name, any case or accents");
    }
  }

  @Test
  void whatIsNotAnImageIsRefusedInFrenchAndNothingIsStored(TribuneServer server)
      throws IOException {
    try (Visitor admin = admin(server)) {
      long before = count(admin.open("/admin/media"));
      HtmlPage report =
          upload(
              admin,
              file("photo.jpg", "<html><script>alert(1)</script></html>".getBytes(UTF8())),
              file(
                  "dessin.png",
                  ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">"
                          + "<script>alert(1)</script></svg>")
                      .getBytes(UTF8())),
              file("bombe.png", pngHeader(50_000, 50_000)),
              file("vide.jpg", new byte[0]),
              file("coupée.jpg", truncated(jpeg(800, 600))));
      List<String> lines = reportLines(report);
      assertAll(
          () -> assertEquals(text("media.refused.not-an-image", "photo.jpg"), lines.get(0)),
          () -> assertEquals(text("media.refused.svg", "dessin.png"), lines.get(1)),
          () -> assertEquals(text("media.refused.too-many-pixels", "bombe.png"), lines.get(2)),
          () -> assertEquals(text("media.refused.empty", "vide.jpg"), lines.get(3)),
          () -> assertEquals(text("media.refused.damaged", "coupée.jpg"), lines.get(4)),
          () -> assertEquals(before, count(admin.open("/admin/media")), "nothing stored"));
    }
  }

  @Test
  void theScriptsUploadAnswersJsonAndABodyOverTheLimitIsRefusedBeforeItIsRead(TribuneServer server)
      throws IOException {
    try (Visitor admin = admin(server)) {
      String token = token(admin.open("/admin/media"));
      String name = unique("Marché couvert") + " 🥕.png";
      HttpResponse<String> taken = raw(server, admin, token, name, png());
      HttpResponse<String> refused =
          raw(server, admin, token, "page.png", "<html></html>".getBytes(UTF8()));
      HttpResponse<String> forged = raw(server, admin, "pas-le-jeton", "x.png", png());
      String tooLarge = announcedOnly(server, admin, token, 20 * 1024 * 1024 + 1);
      assertAll(
          () -> assertEquals(201, taken.statusCode(), taken::body),
          () -> assertTrue(taken.body().contains("\"name\":\"" + name + "\""), taken::body),
          () -> assertEquals(400, refused.statusCode(), refused::body),
          () -> assertTrue(refused.body().contains("n’est pas une image"), refused::body),
          () -> assertEquals(403, forged.statusCode(), forged::body),
          () -> assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge));
    }
  }

  @Test
  void aFileNameIsOnlyDisplayedPathsDroppedAccentsAndEmojiKeptTwiceTheSameNameTwoImages(
      TribuneServer server) throws IOException {
    try (Visitor admin = admin(server)) {
      String token = token(admin.open("/admin/media"));
      String shown = "évasion " + Long.toHexString(System.nanoTime()) + " 🚀.png";
      HttpResponse<String> first = raw(server, admin, token, "../../../etc/" + shown, png());
      HttpResponse<String> second = raw(server, admin, token, "..\\..\\" + shown, png());
      long firstId = jsonId(first);
      long secondId = jsonId(second);
      HtmlPage item = admin.open("/admin/media/edit?id=" + firstId);
      String facts = item.querySelector(".media-facts dd").getTextContent().strip();
      assertAll(
          () -> assertEquals(201, first.statusCode(), first::body),
          () -> assertEquals(201, second.statusCode(), second::body),
          () -> assertTrue(firstId != secondId, "two items"),
          () -> assertEquals(shown, facts, "the name as given, without its path"),
          () -> assertTrue(first.body().contains("\"name\":\"" + shown + "\""), first::body));
    }
  }

  /** Uploads a small PNG as the page's script does; the new item's id. */
  static long uploadedId(TribuneServer server, Visitor staff, String name) throws IOException {
    HttpResponse<String> answer =
        raw(server, staff, token(staff.open("/admin/media")), name, png());
    assertEquals(201, answer.statusCode(), answer::body);
    return jsonId(answer);
  }

  private static long jsonId(HttpResponse<String> answer) {
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(answer.body());
    assertTrue(id.find(), answer::body);
    return Long.parseLong(id.group(1));
  }

  @Test
  void authorsChangeOnlyTheirOwnImagesAndOnlyEditorsDelete(TribuneServer server)
      throws IOException {
    String first = Console.uniqueEmail("photographe");
    String second = Console.uniqueEmail("pigiste");
    String password = "Mot de passe d’auteur assez long";
    try (Visitor admin = admin(server)) {
      Console.createdAccount(admin, first, "AUTHOR", password);
      Console.createdAccount(admin, second, "AUTHOR", password);
    }
    String name = unique("Vendanges") + ".jpg";
    long id;
    try (Visitor author = Console.visitor(server)) {
      Console.signedIn(author, first, password);
      id = idOf(upload(author, file(name, jpeg(600, 400))), name);
      HtmlPage own = author.open("/admin/media/edit?id=" + id);
      HtmlPage saved =
          author.send(own, "describe", Map.of("describe:alt", "Les vendanges"), "describe:save");
      assertAll(
          () -> assertEquals(text("media.saved"), Console.messages(saved)),
          () -> assertEquals(null, own.getElementById("delete"), "no deletion for an author"));
    }
    try (Visitor other = Console.visitor(server)) {
      Console.signedIn(other, second, password);
      HtmlPage theirs = other.open("/admin/media/edit?id=" + id);
      String token = token(other.open("/admin/media"));
      HttpResponse<String> replaced =
          send(
              HttpRequest.newBuilder(server.uri("/admin/media/upload?replace=" + id))
                  .header("Cookie", other.cookieHeader())
                  .header("X-Tribune-Token", token)
                  .header("X-File-Name", "autre.png")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(png())));
      assertAll(
          () -> assertTrue(theirs.getElementById("describe:alt").hasAttribute("disabled")),
          () -> assertEquals(null, theirs.getElementById("describe:save"), "no save button"),
          () -> assertEquals(null, theirs.getElementById("delete"), "no deletion"),
          () -> assertEquals(400, replaced.statusCode(), replaced::body),
          () ->
              assertTrue(
                  replaced.body().contains(spaced(text("media.upload.not-yours"))),
                  replaced::body));
    }
  }

  @Test
  void onlySignedInAuthorsMayUpload(TribuneServer server) throws IOException {
    String moderator = Console.uniqueEmail("moderatrice");
    try (Visitor admin = admin(server)) {
      Console.createdAccount(admin, moderator, "MODERATOR", "Mot de passe de modération");
    }
    HttpResponse<String> stranger =
        send(
            HttpRequest.newBuilder(server.uri("/admin/media/upload"))
                .header("Content-Type", "image/png")
                .header("X-File-Name", "x.png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png())));
    try (Visitor staff = Console.visitor(server)) {
      Console.signedIn(staff, moderator, "Mot de passe de modération");
      HttpResponse<String> moderatorAnswer = raw(server, staff, "", "x.png", png());
      assertAll(
          () -> assertEquals(403, stranger.statusCode(), stranger::body),
          () -> assertEquals(403, moderatorAnswer.statusCode(), moderatorAnswer::body));
    }
  }

  // --- Serving -----------------------------------------------------------------------------------

  @Test
  void renditionsAreServedImmutableWithTheirTypeAndNoMetadata(TribuneServer server)
      throws IOException {
    try (Visitor admin = admin(server)) {
      String name = unique("Pont") + ".jpg";
      long id = idOf(upload(admin, file(name, jpeg(1000, 700))), name);
      String path = rendition(admin.open("/admin/media/edit?id=" + id), 320);
      HttpResponse<byte[]> image = HTTP_BYTES(HttpRequest.newBuilder(server.uri(path)));
      String etag = image.headers().firstValue("ETag").orElse("");
      HttpResponse<byte[]> again =
          HTTP_BYTES(HttpRequest.newBuilder(server.uri(path)).header("If-None-Match", etag));
      HttpResponse<byte[]> unknown =
          HTTP_BYTES(HttpRequest.newBuilder(server.uri(path.replaceFirst("/media/.", "/media/0"))));
      HttpResponse<byte[]> traversal =
          HTTP_BYTES(HttpRequest.newBuilder(server.uri("/media/..%2F..%2Ftribune.mv.db")));
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
      assertAll(
          () -> assertEquals(200, image.statusCode()),
          () -> assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElse("")),
          () ->
              assertEquals(
                  "public, max-age=31536000, immutable",
                  image.headers().firstValue("Cache-Control").orElse("")),
          () -> assertFalse(etag.isEmpty(), "an ETag"),
          () -> assertEquals(304, again.statusCode()),
          () -> assertEquals(404, unknown.statusCode()),
          () -> assertTrue(traversal.statusCode() == 404 || traversal.statusCode() == 400),
          () -> assertNotNull(decoded, "a JPEG"),
          () -> assertEquals(320, decoded.getWidth()),
          () -> assertFalse(contains(image.body(), "Exif".getBytes(UTF8())), "no EXIF segment"));
    }
  }

  // --- In articles -------------------------------------------------------------------------------

  @Test
  void aDescribedImageLeadsAnArticleWithItsCaptionCreditAndSizesThenGoesAfterConfirmation(
      TribuneServer server) throws IOException {
    try (Visitor admin = admin(server)) {
      String name = unique("Observatoire") + ".jpg";
      long mediaId = idOf(upload(admin, file(name, jpeg(2000, 1333))), name);
      String alt = unique("La coupole de l’observatoire au crépuscule");
      describe(
          admin,
          mediaId,
          Map.of(
              "alt", alt,
              "caption", "La coupole s’ouvre à la tombée de la nuit.",
              "credit", "Studio Dupont / Tribune",
              "focal-x", "30",
              "focal-y", "70"));

      String title = Editor.uniqueTitle("Une nuit à l’observatoire");
      long articleId = Editor.create(admin, Map.of("title", title, "body", "Le ciel était clair."));
      HtmlPage chosen = pressInEditor(admin, articleId, alt, "editor.media.pick-named");
      Editor.pressForPage(admin, chosen, Map.of(), "publish");

      HtmlPage article = admin.open(admin.articlePath(title));
      DomElement figure = article.querySelector("figure.lead-image");
      assertNotNull(figure, () -> "no lead figure in\n" + article.asXml());
      DomElement img = figure.querySelector("img");
      String og =
          article.<DomElement>querySelector("meta[property='og:image']").getAttribute("content");
      HtmlPage home = admin.open("/");
      DomNode thumbnail = home.querySelector("a.thumbnail img");
      assertAll(
          () -> assertEquals(alt, img.getAttribute("alt")),
          () -> assertEquals("eager", img.getAttribute("loading")),
          () -> assertEquals("1920", img.getAttribute("width")),
          () -> assertEquals("1280", img.getAttribute("height")),
          () -> assertTrue(img.getAttribute("srcset").contains("-320.jpg 320w"), "srcset"),
          () -> assertTrue(img.getAttribute("sizes").contains("100vw"), "sizes"),
          () ->
              assertEquals(
                  "La coupole s’ouvre à la tombée de la nuit. Crédit\u00a0: Studio Dupont / Tribune",
                  figure
                      .querySelector("figcaption")
                      .getTextContent()
                      .strip()
                      .replaceAll("\\s+", " ")),
          () -> assertTrue(og.matches("https?://.*/media/[0-9a-f]{64}-1280\\.jpg"), og),
          () -> assertNotNull(thumbnail, "a thumbnail on the home page"),
          () ->
              assertTrue(
                  thumbnail
                      .getAttributes()
                      .getNamedItem("class")
                      .getNodeValue()
                      .contains("fx-3 fy-7")));

      HtmlPage asked =
          admin.send(
              admin.open("/admin/media/edit?id=" + mediaId), "delete", Map.of(), "delete:delete");
      assertTrue(asked.asNormalizedText().contains(title), "the confirmation names the article");
      String path = firstRendition(asked);
      Page deleted =
          admin.submit(asked.getHtmlElementById("delete"), Map.of(), "delete:delete-anyway");
      admin.follow(deleted);
      HtmlPage after = admin.open(admin.articlePath(title));
      assertAll(
          () -> assertEquals(null, after.querySelector("figure.lead-image"), "the article lost it"),
          () ->
              assertEquals(404, HTTP_BYTES(HttpRequest.newBuilder(server.uri(path))).statusCode()));
    }
  }

  /** Describes an image from its page (fields by their short name: alt, caption, credit…). */
  static void describe(Visitor staff, long mediaId, Map<String, String> fields) {
    Map<String, String> sent = new java.util.LinkedHashMap<>();
    fields.forEach((name, value) -> sent.put("describe:" + name, value));
    HtmlPage described =
        staff.send(
            staff.open("/admin/media/edit?id=" + mediaId), "describe", sent, "describe:save");
    assertEquals(text("media.saved"), Console.messages(described));
  }

  /**
   * Searches the library from an article's editor for an image by its text alternative and presses
   * that result's button ({@code editor.media.pick-named}: « Choisir », {@code
   * editor.media.insert-named}: « Insérer dans le texte »), as without JavaScript; the editor then.
   */
  static HtmlPage pressInEditor(Visitor staff, long articleId, String alt, String buttonKey) {
    HtmlPage found =
        Editor.pressForPage(
            staff, Editor.open(staff, articleId), Map.of("media-query", alt), "media-search");
    org.htmlunit.html.HtmlElement button =
        found.querySelector("input[aria-label='" + text(buttonKey, alt) + "']");
    assertNotNull(button, () -> "no " + buttonKey + " for " + alt + " in\n" + found.asXml());
    Page answer = staff.click(button);
    return Visitor.isRedirect(answer) ? staff.follow(answer) : Visitor.html(answer);
  }

  // --- Helpers -----------------------------------------------------------------------------------

  /** Non-breaking spaces as plain ones (HtmlUnit's text keeps some, not others). */
  static String spaced(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  static String unique(String text) {
    return text + " " + Long.toHexString(System.nanoTime());
  }

  private static java.nio.charset.Charset UTF8() {
    return StandardCharsets.UTF_8;
  }

  private File file(String name, byte[] content) throws IOException {
    Path dir = Files.createTempDirectory(folder, "f");
    Path path = dir.resolve(name);
    Files.write(path, content);
    return path.toFile();
  }

  /** Sends the library's upload form without JavaScript; the page it leads to. */
  static HtmlPage upload(Visitor staff, File... files) {
    HtmlPage library = staff.open("/admin/media");
    HtmlForm form = library.getHtmlElementById("upload-form");
    HtmlFileInput input = form.getInputByName("files");
    input.setFiles(files);
    Page answer =
        staff.click((org.htmlunit.html.HtmlElement) form.querySelector("button[type=submit]"));
    return staff.follow(answer);
  }

  private static List<String> reportLines(HtmlPage page) {
    List<String> lines = new ArrayList<>();
    for (DomNode item : page.querySelectorAll(".upload-report li")) {
      lines.add(
          item.getTextContent()
              .strip()
              .replaceAll("\\s+", " ")
              .replace(" " + text("media.describe"), ""));
    }
    return lines;
  }

  /** The id of the item the report says was taken under this name. */
  static long idOf(HtmlPage report, String name) {
    for (DomNode item : report.querySelectorAll(".upload-report li")) {
      if (item.getTextContent().contains(name)) {
        DomNode link = item.querySelector("a");
        assertNotNull(link, () -> "not taken: " + item.getTextContent());
        Matcher id = EDIT_ID.matcher(link.getAttributes().getNamedItem("href").getNodeValue());
        assertTrue(id.find());
        return Long.parseLong(id.group(1));
      }
    }
    throw new AssertionError("no report line for " + name + " in\n" + report.asNormalizedText());
  }

  private static List<String> renditionWidths(HtmlPage item) {
    List<String> widths = new ArrayList<>();
    for (DomNode link : item.querySelectorAll(".media-facts a")) {
      widths.add(link.getTextContent().strip());
    }
    return widths;
  }

  private static String rendition(HtmlPage item, int width) {
    Matcher matcher = RENDITION.matcher(item.asXml());
    while (matcher.find()) {
      if (matcher.group(2).equals(String.valueOf(width))) {
        return matcher.group();
      }
    }
    throw new AssertionError("no rendition " + width + " in\n" + item.asXml());
  }

  static String firstRendition(HtmlPage item) {
    Matcher matcher = RENDITION.matcher(item.asXml());
    assertTrue(matcher.find(), "a rendition's address");
    return matcher.group();
  }

  private static long count(HtmlPage library) {
    String heading = library.getHtmlElementById("library-title").getTextContent().strip();
    String digits = heading.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits);
  }

  private static String token(HtmlPage library) {
    return library
        .querySelector("#upload-form input[name=token]")
        .getAttributes()
        .getNamedItem("value")
        .getNodeValue();
  }

  private static HttpResponse<String> raw(
      TribuneServer server, Visitor staff, String token, String name, byte[] body) {
    return send(
        HttpRequest.newBuilder(server.uri("/admin/media/upload"))
            .header("Cookie", staff.cookieHeader())
            .header("X-Tribune-Token", token)
            .header(
                "X-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
            .header("Content-Type", "application/octet-stream")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /**
   * The status line answered to an upload announcing {@code length} bytes of which only the head is
   * sent: a refusal from the announced length alone, before anything is read.
   */
  private static String announcedOnly(
      TribuneServer server, Visitor staff, String token, long length) throws IOException {
    int port = server.uri("/").getPort();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      String head =
          "POST /admin/media/upload HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nCookie: "
              + staff.cookieHeader()
              + "\r\nX-Tribune-Token: "
              + token
              + "\r\nX-File-Name: big.jpg\r\nContent-Type: image/jpeg\r\nContent-Length: "
              + length
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      java.io.BufferedReader answer =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      String status = answer.readLine();
      return status == null ? "(no answer)" : status;
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofMinutes(1)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // A refusal that closes the connection before the whole body was sent.
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<byte[]> HTTP_BYTES(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean contains(byte[] data, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= data.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  static byte[] jpeg(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(
        new GradientPaint(0, 0, new Color(20, 40, 90), width, height, new Color(240, 200, 80)));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(400, 240, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(200, 30, 30, 160));
    g.fillOval(20, 20, 360, 200);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A PNG's signature and header declaring a size, and nothing else: a decompression bomb's. */
  static byte[] pngHeader(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    byte[] chunk = new byte[17];
    byte[] type = "IHDR".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(type, 0, chunk, 0, 4);
    putInt(chunk, 4, width);
    putInt(chunk, 8, height);
    chunk[12] = 8; // bit depth
    chunk[13] = 2; // truecolour
    byte[] length = new byte[4];
    putInt(length, 0, 13);
    out.write(length);
    out.write(chunk);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(chunk);
    byte[] sum = new byte[4];
    putInt(sum, 0, (int) crc.getValue());
    out.write(sum);
    return out.toByteArray();
  }

  private static void putInt(byte[] into, int at, int value) {
    into[at] = (byte) (value >>> 24);
    into[at + 1] = (byte) (value >>> 16);
    into[at + 2] = (byte) (value >>> 8);
    into[at + 3] = (byte) value;
  }

  private static byte[] truncated(byte[] data) {
    return java.util.Arrays.copyOf(data, data.length / 2);
  }
}
