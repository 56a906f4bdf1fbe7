package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tribune.web.it.Console.admin;
import static org.tribune.web.it.Console.auditRows;
import static org.tribune.web.it.Console.createdAccount;
import static org.tribune.web.it.Console.messages;
import static org.tribune.web.it.Console.rows;
import static org.tribune.web.it.Console.shown;
import static org.tribune.web.it.Console.signedIn;
import static org.tribune.web.it.Console.uniqueEmail;
import static org.tribune.web.it.Console.visitor;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipFile;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots from the console ({@code /admin/backups}): one taken while readers post comments holds
 * every comment committed before it and no half of one; downloaded, it starts a new site with
 * {@code TRIBUNE_BACKUP_RESTORE_FROM}, as the README tells an owner after a lost disk.
 */
@ExtendWith(ConsoleFlowsServer.class)
class BackupIT {
  @TempDir Path dir;

  @Test
  void aSnapshotTakenWhileCommentsArePostedStartsANewSiteWithEveryCommentItHeld(
      TribuneServer server) throws Exception {
    String path = firstArticle(server);
    List<Long> posted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      posted.add(postComment(server, path, "Avant la sauvegarde, numéro " + i));
    }
    AtomicBoolean posting = new AtomicBoolean(true);
    List<Long> during = new ArrayList<>();
    Thread readers =
        new Thread(
            () -> {
              for (int i = 0; posting.get() && i < 200; i++) {
                long id = postComment(server, path, "Pendant la sauvegarde, numéro " + i);
                synchronized (during) {
                  during.add(id);
                }
              }
            });
    readers.start();
    Path zip = dir.resolve("snapshot.zip");
    String name;
    try (Visitor admin = admin(server)) {
      HtmlPage page = admin.open("/admin/backups");
      assertEquals(shown("backups.title"), page.querySelector("main h1").getTextContent().strip());
      while (true) {
        synchronized (during) {
          if (during.size() >= 2) {
            break;
          }
        }
        Thread.sleep(50);
      }
      HtmlPage taken = admin.send(page, "backup-now", Map.of(), "backup-now:take");
      assertTrue(
          messages(taken).startsWith(shown("backups.taken", "§").split("§")[0]), messages(taken));
      List<List<String>> listed = rows(taken, "snapshots");
      assertFalse(listed.isEmpty(), "the new snapshot is listed");
      name = listed.get(0).get(2);
      Page file = admin.get("/admin/backups/file/" + name);
      assertEquals(200, file.getWebResponse().getStatusCode());
      assertEquals("application/zip", file.getWebResponse().getContentType());
      try (InputStream in = file.getWebResponse().getContentAsStream()) {
        Files.copy(in, zip);
      }
      assertFalse(auditRows(admin, name).isEmpty(), "the audit log names the snapshot");
      assertEquals(
          404, admin.get("/admin/backups/file/../tribune.mv.db").getWebResponse().getStatusCode());
      assertEquals(
          404, admin.get("/admin/backups/file/tribune-nope.zip").getWebResponse().getStatusCode());
    } finally {
      posting.set(false);
      readers.join();
    }

    JsonObject manifest;
    try (ZipFile snapshot = new ZipFile(zip.toFile());
        InputStream in = snapshot.getInputStream(snapshot.getEntry("manifest.json"));
        JsonReader reader = Json.createReader(in)) {
      manifest = reader.readObject();
    }
    assumeTrue(
        server.usesH2(), "on PostgreSQL a snapshot holds the media only (pg_dump does the rest)");
    assertEquals("h2", manifest.getString("database"));
    long held = manifest.getJsonObject("counts").getJsonNumber("comments").longValue();
    assertTrue(held >= posted.size(), "held " + held);

    try (TribuneServer restored =
        TribuneServer.onTestDatabase("restored")
            .withEnvironment("TRIBUNE_ADMIN_PASSWORD", ConsoleServer.ADMIN_PASSWORD)
            .withEnvironment("TRIBUNE_BACKUP_RESTORE_FROM", zip.toString())
            .start()) {
      JsonObject export = exportJson(restored);
      List<Long> ids = new ArrayList<>();
      commentIds(export, ids);
      assertEquals(held, ids.size(), "the restored site holds the snapshot's comments");
      assertTrue(ids.containsAll(posted), "every comment posted before the snapshot: " + ids);
      // A comment is whole or absent: those posted during it are a first run of them.
      List<Long> kept = during.stream().filter(ids::contains).toList();
      assertEquals(during.subList(0, kept.size()), kept, "no gap among " + during);
      assertEquals(200, restored.status("/"));
    }
  }

  @Test
  void onlyAnAdministratorSeesTheBackupsOrDownloadsOne(TribuneServer server) {
    String email = uniqueEmail("redacteur");
    try (Visitor admin = admin(server)) {
      createdAccount(admin, email, "EDITOR", "Une phrase de passe de rédacteur");
    }
    try (Visitor editor = visitor(server)) {
      signedIn(editor, email, "Une phrase de passe de rédacteur");
      assertEquals(403, editor.get("/admin/backups").getWebResponse().getStatusCode());
      assertEquals(
          403,
          editor
              .get("/admin/backups/file/tribune-20261207-033000.zip")
              .getWebResponse()
              .getStatusCode());
    }
  }

  private static HttpResponse<String> backupApi(
      TribuneServer server, String method, String authorization, String origin)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri("/api/admin/backups"))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofMinutes(1));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String email, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aScriptTakesAndListsSnapshotsWithAnAdministratorsCredentialsOnly(TribuneServer server)
      throws Exception {
    String admin = basic(ConsoleServer.ADMIN_EMAIL, ConsoleServer.ADMIN_PASSWORD);
    assertEquals(401, backupApi(server, "POST", null, null).statusCode());
    assertEquals(403, backupApi(server, "POST", admin, "https://ailleurs.example").statusCode());
    String email = uniqueEmail("moderatrice");
    try (Visitor console = admin(server)) {
      createdAccount(console, email, "MODERATOR", "Une phrase de passe de modératrice");
    }
    assertEquals(
        403,
        backupApi(server, "POST", basic(email, "Une phrase de passe de modératrice"), null)
            .statusCode());

    HttpResponse<String> taken = backupApi(server, "POST", admin, null);
    assertEquals(200, taken.statusCode(), taken::body);
    String name;
    try (JsonReader reader = Json.createReader(new java.io.StringReader(taken.body()))) {
      name = reader.readObject().getString("name");
    }
    HttpResponse<String> listed = backupApi(server, "GET", admin, null);
    assertEquals(200, listed.statusCode(), listed::body);
    assertTrue(listed.body().contains("\"" + name + "\""), listed::body);
    try (Visitor console = admin(server)) {
      assertFalse(auditRows(console, name).isEmpty(), "the audit log names the snapshot");
    }
  }

  /** The text of a page as a reader sees it, spaces folded. */
  private static String words(HtmlPage page) {
    return page.asNormalizedText().replaceAll("[\\s\u00a0\u202f]+", " ");
  }

  private static HtmlPage sendRestoreForm(Visitor admin, Path json, Path media, boolean replace)
      throws IOException {
    HtmlPage page = admin.open("/admin/transfer");
    page.<HtmlFileInput>getHtmlElementById("restore-file").setFiles(json.toFile());
    page.<HtmlFileInput>getHtmlElementById("restore-media").setFiles(media.toFile());
    HtmlCheckBoxInput box =
        (HtmlCheckBoxInput)
            page.getFirstByXPath("//form[@id='restore-form']//input[@name='replace']");
    box.setChecked(replace);
    Page answer = page.<HtmlButton>getHtmlElementById("restore-start").click();
    assertEquals(302, answer.getWebResponse().getStatusCode(), () -> Visitor.text(answer));
    String report = answer.getWebResponse().getResponseHeaderValue("Location");
    assertTrue(report.contains("/admin/transfer?job="), report);
    return admin.open(report.substring(report.indexOf("/admin/")));
  }

  @Test
  void theConsoleRestoresTheSiteFromItsExportButReplacesItOnlyWhenAsked(TribuneServer server)
      throws Exception {
    Path json = dir.resolve("site.json");
    Path media = dir.resolve("media.zip");
    // A comment: the site holds more than its demo articles and draft legal pages.
    postComment(server, firstArticle(server), "Avant la restauration");
    try (Visitor admin = admin(server)) {
      try (InputStream in =
          admin.get("/admin/transfer/export/json").getWebResponse().getContentAsStream()) {
        Files.copy(in, json);
      }
      try (InputStream in =
          admin.get("/admin/transfer/export/media").getWebResponse().getContentAsStream()) {
        Files.copy(in, media);
      }
      JsonObject document;
      try (InputStream in = Files.newInputStream(json);
          JsonReader reader = Json.createReader(in)) {
        document = reader.readObject();
      }

      HtmlPage refused = sendRestoreForm(admin, json, media, false);
      assertTrue(words(refused).contains(shown("transfer.restore.failed")), () -> words(refused));
      assertTrue(
          words(refused).contains(shown("transfer.error.not-empty").replace('\u202f', ' ')),
          () -> words(refused));

      HtmlPage done = sendRestoreForm(admin, json, media, true);
      assertTrue(words(done).contains(shown("transfer.restore.done")), () -> words(done));
      long articles =
          document.getJsonArray("articles").stream()
              .filter(a -> !a.asJsonObject().containsKey("page"))
              .count();
      assertTrue(
          words(done).contains(shown("transfer.kind.articles") + " " + articles),
          () -> articles + " articles? " + words(done));
    }
    assertEquals(200, server.status(firstArticle(server)));
  }

  /** The ids of every comment in an export (each article holds its own). */
  private static void commentIds(jakarta.json.JsonValue value, List<Long> ids) {
    if (value instanceof JsonObject object) {
      object.forEach(
          (key, child) -> {
            if (key.equals("comments") && child instanceof jakarta.json.JsonArray comments) {
              comments.forEach(c -> ids.add(c.asJsonObject().getJsonNumber("id").longValue()));
            } else {
              commentIds(child, ids);
            }
          });
    } else if (value instanceof jakarta.json.JsonArray array) {
      array.forEach(child -> commentIds(child, ids));
    }
  }

  private static String firstArticle(TribuneServer server) {
    try (Visitor reader = new Visitor(server)) {
      HtmlPage home = reader.open("/");
      return home.querySelector("h2.article-title a")
          .getAttributes()
          .getNamedItem("href")
          .getNodeValue();
    }
  }

  private static long postComment(TribuneServer server, String path, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", "Lectrice de Lannion");
    fields.put("email", "lectrice-" + System.nanoTime() + "@example.org");
    fields.put("body", body);
    try (Visitor visitor = new Visitor(server)) {
      return visitor.postComment(path, fields);
    }
  }

  private static JsonObject exportJson(TribuneServer server)
      throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (ConsoleServer.ADMIN_EMAIL + ":" + ConsoleServer.ADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<InputStream> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.uri("/api/admin/export/json"))
                    .header("Authorization", "Basic " + basic)
                    .timeout(Duration.ofMinutes(1))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, answer.statusCode());
    try (InputStream in = answer.body();
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    }
  }
}
