package org.tribune.web.console.media;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRejectedException;
import org.tribune.articles.api.MediaService;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.UploadToken;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;

/**
 * {@code POST /admin/media/upload}: images into the library (authors and up, by {@code web.xml} and
 * again here). Two ways in:
 *
 * <ul>
 *   <li>the page's multipart form, without JavaScript: any number of files ({@code files}), the
 *       token ({@code token}), optionally {@code replace} (an item's id: its new file); answered
 *       with a redirect to the library (or the item) showing what was taken and what refused;
 *   <li>the page's script, one file per request as the body, its name percent-encoded in {@code
 *       X-File-Name} and the token in {@code X-Tribune-Token} ({@code ?replace=id} likewise); the
 *       answer is JSON: {@code 201 {"id", "name", "edit"}} or {@code 4xx {"error", "message"}}.
 * </ul>
 *
 * A body longer than {@code tribune.media.max-bytes} per file is refused with 413 by {@code
 * config.RequestLimits} before it is read.
 */
@WebServlet(name = "MediaUpload", urlPatterns = MediaUploadServlet.PATH)
@MultipartConfig(fileSizeThreshold = 1 << 20)
public class MediaUploadServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  public static final String PATH = "/admin/media/upload";

  /** Session attribute: what the last form upload did, shown once by the library page. */
  static final String REPORT = "tribune.media.upload-report";

  @Inject private transient MediaService media;
  @Inject private transient Staff staff;
  @Inject private transient ConsoleMessages messages;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String type = request.getContentType() == null ? "" : request.getContentType();
    boolean multipart = type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    if (!staff.isAuthor()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (multipart) {
      fromForm(request, response);
    } else {
      fromScript(request, response);
    }
  }

  private void fromForm(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String token = UploadToken.field(request, UploadToken.FIELD);
    Long replace = id(UploadToken.field(request, "replace"));
    String back =
        request.getContextPath() + (replace == null ? "/admin/media" : "/admin/media/edit");
    if (!UploadToken.matches(request, token)) {
      response.sendRedirect(back + "?refused=token" + (replace == null ? "" : "&id=" + replace));
      return;
    }
    List<UploadResult> results = new ArrayList<>();
    for (Part part : request.getParts()) {
      if (!part.getName().equals("files") || part.getSubmittedFileName() == null) {
        continue;
      }
      if (part.getSize() == 0 && part.getSubmittedFileName().isEmpty()) {
        continue; // the form sent without a file chosen
      }
      try (InputStream in = part.getInputStream()) {
        results.add(take(in, part.getSubmittedFileName(), replace));
      } finally {
        part.delete();
      }
      if (replace != null) {
        break;
      }
    }
    if (results.isEmpty()) {
      results.add(UploadResult.refused("", messages.get("media.upload.none")));
    }
    HttpSession session = request.getSession();
    session.setAttribute(REPORT, new ArrayList<>(results));
    response.sendRedirect(back + "?report" + (replace == null ? "" : "&id=" + replace));
  }

  private void fromScript(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!UploadToken.matches(request, request.getHeader(UploadToken.HEADER))) {
      json(response, 403, null, null, messages.get("media.upload.token"));
      return;
    }
    String header = request.getHeader("X-File-Name");
    String name =
        header == null ? "" : URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
    Long replace = id(request.getParameter("replace"));
    UploadResult result;
    try (InputStream in = request.getInputStream()) {
      result = take(in, name, replace);
    }
    if (result.id() == null) {
      json(response, 400, null, result.name(), result.message());
    } else {
      json(response, 201, result.id(), result.name(), result.message());
    }
  }

  /** Reads one file into the library (or as an item's new file), and says how it went. */
  private UploadResult take(InputStream in, String submittedName, Long replace) throws IOException {
    String name = submittedName == null || submittedName.isBlank() ? "image" : submittedName;
    Path file = Files.createTempFile("tribune-upload-", ".bin");
    try {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      if (replace != null) {
        Optional<MediaItem> item = media.find(replace);
        if (item.isEmpty() || !MediaLibraryBacking.mayEdit(staff, item.get())) {
          return UploadResult.refused(name, messages.get("media.upload.not-yours"));
        }
        MediaItem replaced = media.replaceFile(replace, file, name);
        staff.audit(AuditAction.MEDIA_REPLACED, "media " + replaced.id(), replaced.originalName());
        return UploadResult.taken(replaced, messages.format("media.upload.replaced", name));
      }
      MediaItem item = media.upload(file, name, staff.getEmail());
      staff.audit(AuditAction.MEDIA_UPLOADED, "media " + item.id(), item.originalName());
      return UploadResult.taken(item, messages.format("media.upload.taken", item.originalName()));
    } catch (MediaRejectedException e) {
      return UploadResult.refused(
          name,
          messages.format(
              "media.refused." + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
              name));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void json(HttpServletResponse response, int status, Long id, String name, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        JsonGenerator json = Json.createGenerator(out)) {
      json.writeStartObject();
      if (id != null) {
        json.write("id", id);
        json.write("edit", "/admin/media/edit?id=" + id);
      } else {
        json.write("error", status == 403 ? "token" : "refused");
      }
      if (name != null) {
        json.write("name", name);
      }
      json.write("message", message);
      json.writeEnd();
    }
  }

  private static Long id(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  /**
   * What the last form upload of this session did, when the address asks for it ({@code ?report}):
   * read once, then forgotten.
   */
  static List<UploadResult> takeReport(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (request.getParameter("report") == null || session == null) {
      return null;
    }
    Object kept = session.getAttribute(REPORT);
    session.removeAttribute(REPORT);
    return kept instanceof List<?> list
        ? list.stream().map(UploadResult.class::cast).toList()
        : null;
  }
}
