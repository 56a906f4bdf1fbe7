package org.tribune.web.console.transfer;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.security.StaffAddresses;
import org.tribune.web.transfer.ImportJobs;
import org.tribune.web.transfer.ImportReport;
import org.tribune.web.transfer.MediaArchive;

/**
 * The transfer API, for scripts, authenticated with an administrator's e-mail address and password
 * (HTTP Basic, see {@link ApiAccess}):
 *
 * <ul>
 *   <li>{@code POST /api/admin/import/wxr} and {@code /api/admin/import/disqus}: the file is the
 *       request body ({@code Content-Type: application/xml}); the answer is the JSON report, 200
 *       when the file was read to its end, 422 when it could not be (the report says why; what was
 *       written before stays, whole articles only), 409 when another import is running;
 *   <li>{@code POST /api/admin/import/json}: restores a site from its JSON export, either the
 *       document as the body ({@code Content-Type: application/json}, for a site without media) or
 *       a {@code multipart/form-data} request with the parts {@code export} (the document) and
 *       {@code media} (the media archive); {@code ?replace=true} lets it replace a site that holds
 *       content. All or nothing: 200 with the report when the site was restored, 409 when the site
 *       is not empty (and {@code replace} was not given), another node runs, or an import runs, 422
 *       when the document or the archive was refused (nothing was changed);
 *   <li>{@code GET /api/admin/export/wxr} and {@code /api/admin/export/json}: the whole site;
 *       {@code GET /api/admin/export/media}: the media archive (a zip of the library's originals
 *       and their manifest, {@link MediaArchive}).
 * </ul>
 *
 * A browser cannot be tricked into an import: the body must carry an XML or JSON content type,
 * which a form on another site cannot send without the browser asking this site first (CORS), and
 * this site answers no such question. A form can send {@code multipart/form-data}, so a restore
 * sent that way is refused when the browser says it comes from another site ({@code Origin}, {@code
 * Sec-Fetch-Site}); scripts such as curl send neither.
 */
@WebServlet(
    name = "TransferApi",
    urlPatterns = {TransferApi.IMPORT + "*", TransferApi.EXPORT + "*"})
@MultipartConfig(fileSizeThreshold = 1 << 20)
public class TransferApi extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String IMPORT = "/api/admin/import/";
  static final String EXPORT = "/api/admin/export/";
  private static final Set<String> XML_TYPES =
      Set.of("application/xml", "text/xml", "application/rss+xml", "application/octet-stream");

  @Inject private transient ApiAccess access;
  @Inject private transient Transfers transfers;
  @Inject private transient Exports exports;
  @Inject private transient ConsoleMessages messages;
  @Inject private transient StaffAddresses addresses;
  @Inject private transient JsonRestore restore;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", "no-store");
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.equals(IMPORT + "json")) {
      restore(request, response);
      return;
    }
    Optional<Transfers.Format> format = importFormat(request);
    if (format.isEmpty()) {
      error(response, HttpServletResponse.SC_NOT_FOUND, "unknown-format", text("unknown-format"));
      return;
    }
    String type = request.getContentType();
    String mediaType = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!XML_TYPES.contains(mediaType)) {
      error(response, 415, "content-type", text("content-type"));
      return;
    }
    Optional<String> admin = access.administrator(request, response);
    if (admin.isEmpty()) {
      return;
    }
    ImportReport report = transfers.report(format.get());
    Optional<ImportJobs.Job> job =
        transfers.begin(report, admin.get(), request.getContentLengthLong());
    if (job.isEmpty()) {
      error(response, HttpServletResponse.SC_CONFLICT, "busy", text("busy"));
      return;
    }
    // ?media=skip: the images stay at their old addresses (nothing fetched).
    transfers.run(
        job.get(),
        format.get(),
        request.getInputStream(),
        addresses.hash(request),
        !"skip".equals(request.getParameter("media")));
    response.setStatus(report.state() == ImportReport.State.FAILED ? 422 : 200);
    response.setContentType("application/json;charset=UTF-8");
    try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
      report.writeJson(out);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!path.startsWith(EXPORT)) {
      response.setHeader("Allow", "POST");
      error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method", text("method"));
      return;
    }
    Optional<Exports.Format> format = Exports.Format.of(path.substring(EXPORT.length()));
    if (format.isEmpty()) {
      error(response, HttpServletResponse.SC_NOT_FOUND, "unknown-format", text("unknown-format"));
      return;
    }
    Optional<String> admin = access.administrator(request, response);
    if (admin.isEmpty()) {
      return;
    }
    exports.send(format.get(), admin.get(), request, response);
  }

  /** {@code POST /api/admin/import/json}: a restore. */
  private void restore(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String type = request.getContentType();
    String mediaType = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    boolean multipart = mediaType.equals("multipart/form-data");
    if (!multipart && !mediaType.equals("application/json")) {
      error(response, 415, "content-type-json", text("content-type-json"));
      return;
    }
    if (multipart && fromAnotherSite(request)) {
      error(response, HttpServletResponse.SC_FORBIDDEN, "cross-site", text("cross-site"));
      return;
    }
    Optional<String> admin = access.administrator(request, response);
    if (admin.isEmpty()) {
      return;
    }
    Path document = null;
    Path media = null;
    try {
      if (multipart) {
        document = JsonRestore.spool(request.getPart("export"), ".json");
        if (document == null) {
          error(response, HttpServletResponse.SC_BAD_REQUEST, "no-export", text("no-export"));
          return;
        }
        media = JsonRestore.spool(request.getPart("media"), ".zip");
      } else {
        document = Files.createTempFile("tribune-restore-", ".json");
        try (InputStream in = request.getInputStream()) {
          Files.copy(in, document, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      ImportReport report = restore.report();
      Optional<ImportJobs.Job> job = restore.begin(report, admin.get(), Files.size(document));
      if (job.isEmpty()) {
        error(response, HttpServletResponse.SC_CONFLICT, "busy", text("busy"));
        return;
      }
      restore.run(
          job.get(),
          document,
          media,
          "true".equals(request.getParameter("replace")),
          addresses.hash(request));
      int status = 200;
      if (report.state() == ImportReport.State.FAILED) {
        status = Set.of("not-empty", "cluster").contains(report.errorCode()) ? 409 : 422;
      }
      response.setStatus(status);
      response.setContentType("application/json;charset=UTF-8");
      try (Writer out =
          new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
        report.writeJson(out);
      }
    } finally {
      if (document != null) {
        Files.deleteIfExists(document);
      }
      if (media != null) {
        Files.deleteIfExists(media);
      }
    }
  }

  /** Whether the browser says the request comes from a page of another site. */
  public static boolean fromAnotherSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      return true;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    String own = request.getScheme() + "://" + request.getServerName();
    int port = request.getServerPort();
    boolean defaultPort =
        (port == 80 && "http".equals(request.getScheme()))
            || (port == 443 && "https".equals(request.getScheme()));
    return !origin.equalsIgnoreCase(defaultPort ? own : own + ":" + port);
  }

  private static Optional<Transfers.Format> importFormat(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!path.startsWith(IMPORT)) {
      return Optional.empty();
    }
    return switch (path.substring(IMPORT.length())) {
      case "wxr" -> Optional.of(Transfers.Format.WXR);
      case "disqus" -> Optional.of(Transfers.Format.DISQUS);
      default -> Optional.empty();
    };
  }

  private String text(String code) {
    return messages.get("transfer.error." + code);
  }

  /** A JSON error: {@code {"error": {"code": …, "message": …}}}. */
  public static void error(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    json(
        response,
        status,
        json -> {
          json.writeStartObject("error");
          json.write("code", code);
          json.write("message", message);
          json.writeEnd();
        });
  }

  /** A JSON object answered with this status, its members written by {@code members}. */
  public static void json(
      HttpServletResponse response, int status, java.util.function.Consumer<JsonGenerator> members)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        JsonGenerator json = Json.createGenerator(out)) {
      json.writeStartObject();
      members.accept(json);
      json.writeEnd();
    }
  }
}
