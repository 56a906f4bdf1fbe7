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
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.UploadToken;
import org.tribune.web.console.security.StaffAddresses;
import org.tribune.web.transfer.ImportJobs;
import org.tribune.web.transfer.ImportReport;

/**
 * The console's import and export endpoints (administrators only, by {@code web.xml}):
 *
 * <ul>
 *   <li>{@code POST /admin/transfer/upload?format=wxr|disqus}: the page's script sends the file as
 *       the body ({@code application/xml}, the token in a header) and shows the bytes sent; the
 *       answer is {@code {"job": id, "state": …}} once the file is read. Without the script, the
 *       page's multipart form comes here and is answered with a redirect to the report.
 *   <li>{@code POST /admin/transfer/restore}: the page's restore form ({@code multipart/form-data}:
 *       the JSON export, the media archive, whether to replace a site that holds content), answered
 *       with a redirect to the report;
 *   <li>{@code GET /admin/transfer/export/wxr|json}: the full export, as a download; {@code
 *       /admin/transfer/export/media}: the media archive (zip).
 * </ul>
 */
@WebServlet(
    name = "TransferUpload",
    urlPatterns = {"/admin/transfer/upload", "/admin/transfer/restore", "/admin/transfer/export/*"})
@MultipartConfig(fileSizeThreshold = 1 << 20)
public class TransferUploadServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient Transfers transfers;
  @Inject private transient Exports exports;
  @Inject private transient ConsoleMessages messages;
  @Inject private transient StaffAddresses addresses;
  @Inject private transient JsonRestore restore;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String info = request.getPathInfo();
    Optional<Exports.Format> format =
        info == null ? Optional.empty() : Exports.Format.of(info.substring(1));
    if (!request.getServletPath().equals("/admin/transfer/export") || format.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    exports.send(format.get(), request.getRemoteUser(), request, response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (request.getServletPath().equals("/admin/transfer/restore")) {
      restore(request, response);
      return;
    }
    if (!request.getServletPath().equals("/admin/transfer/upload")) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    String type = request.getContentType() == null ? "" : request.getContentType();
    boolean multipart = type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    String token;
    String formatName;
    boolean fetchMedia;
    InputStream file;
    long size;
    if (multipart) {
      token = UploadToken.field(request, UploadToken.FIELD);
      formatName = UploadToken.field(request, "format");
      // An unticked box is not sent.
      fetchMedia = "fetch".equals(UploadToken.field(request, "media"));
      Part part = request.getPart("file");
      if (!UploadToken.matches(request, token)) {
        refuse(request, response, multipart, "token");
        return;
      }
      if (part == null || part.getSize() == 0) {
        response.sendRedirect(request.getContextPath() + "/admin/transfer?empty=1");
        return;
      }
      file = part.getInputStream();
      size = part.getSize();
    } else {
      token = request.getHeader(UploadToken.HEADER);
      formatName = request.getParameter("format");
      fetchMedia = !"skip".equals(request.getParameter("media"));
      if (!UploadToken.matches(request, token)) {
        refuse(request, response, multipart, "token");
        return;
      }
      file = request.getInputStream();
      size = request.getContentLengthLong();
    }
    Transfers.Format format =
        "disqus".equals(formatName) ? Transfers.Format.DISQUS : Transfers.Format.WXR;
    ImportReport report = transfers.report(format);
    Optional<ImportJobs.Job> job = transfers.begin(report, request.getRemoteUser(), size);
    if (job.isEmpty()) {
      refuse(request, response, multipart, "busy");
      return;
    }
    try (InputStream in = file) {
      transfers.run(job.get(), format, in, addresses.hash(request), fetchMedia);
    }
    String page = request.getContextPath() + "/admin/transfer?job=" + job.get().id();
    if (multipart) {
      response.sendRedirect(page);
      return;
    }
    response.setContentType("application/json;charset=UTF-8");
    try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        JsonGenerator json = Json.createGenerator(out)) {
      json.writeStartObject();
      json.write("job", job.get().id());
      json.write("state", report.state().name().toLowerCase(Locale.ROOT));
      json.write("report", page);
      json.writeEnd();
    }
  }

  /** The restore form: the site is replaced by the export's, all or nothing. */
  private void restore(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String type = request.getContentType() == null ? "" : request.getContentType();
    if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
      return;
    }
    if (!UploadToken.matches(request, UploadToken.field(request, UploadToken.FIELD))) {
      refuse(request, response, true, "token");
      return;
    }
    Path document = JsonRestore.spool(request.getPart("export"), ".json");
    if (document == null) {
      response.sendRedirect(request.getContextPath() + "/admin/transfer?empty=1#restore");
      return;
    }
    Path media = null;
    try {
      media = JsonRestore.spool(request.getPart("media"), ".zip");
      ImportReport report = restore.report();
      Optional<ImportJobs.Job> job =
          restore.begin(report, request.getRemoteUser(), Files.size(document));
      if (job.isEmpty()) {
        refuse(request, response, true, "busy");
        return;
      }
      restore.run(
          job.get(),
          document,
          media,
          "replace".equals(UploadToken.field(request, "replace")),
          addresses.hash(request));
      response.sendRedirect(request.getContextPath() + "/admin/transfer?job=" + job.get().id());
    } finally {
      Files.deleteIfExists(document);
      if (media != null) {
        Files.deleteIfExists(media);
      }
    }
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, boolean multipart, String code)
      throws IOException {
    int status = code.equals("busy") ? HttpServletResponse.SC_CONFLICT : 403;
    if (multipart) {
      response.sendRedirect(request.getContextPath() + "/admin/transfer?refused=" + code);
      return;
    }
    TransferApi.error(response, status, code, messages.get("transfer.error." + code));
  }
}
