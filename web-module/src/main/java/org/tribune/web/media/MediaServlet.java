package org.tribune.web.media;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.tribune.articles.api.MediaFile;
import org.tribune.articles.api.MediaService;
import org.tribune.web.site.HttpCaching;

/**
 * Serves the images of the media library at {@code /media/{hash}-{width}.{ext}}. The address names
 * the content (a replaced image gets new addresses), so every answer may be kept a year without
 * asking again ({@code immutable}); its {@code ETag} is the name, and {@code If-None-Match} gets
 * 304. A name is checked against the library before anything is read: never a path of the store.
 */
@WebServlet(name = "Media", urlPatterns = "/media/*")
public class MediaServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  @Inject private transient MediaService media;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String info = request.getPathInfo();
    String name = info == null ? "" : info.substring(1);
    Optional<MediaFile> found = name.isEmpty() ? Optional.empty() : media.open(name);
    if (found.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try (MediaFile file = found.get()) {
      response.setHeader("Cache-Control", IMMUTABLE);
      response.setHeader("ETag", file.etag());
      response.setHeader("X-Content-Type-Options", "nosniff");
      if (HttpCaching.ifNoneMatch(request.getHeader("If-None-Match"), file.etag())) {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
      response.setContentType(file.contentType());
      response.setContentLengthLong(file.length());
      // Payara Micro's HTTP/2 connector sends a body to HEAD otherwise (see feed.CachedResponse).
      if (!"HEAD".equals(request.getMethod())) {
        try (OutputStream out = response.getOutputStream()) {
          file.content().transferTo(out);
        }
      }
    }
  }
}
