package org.tribune.web.discussion;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /avatars/{seed}.svg}: a commenter's picture ({@link Avatars}). A seed always draws the
 * same picture, so the answer is kept a year by every cache ({@code immutable}); the SVG holds
 * nothing but a rectangle and a path, and may run nothing ({@code Content-Security-Policy:
 * default-src 'none'}).
 */
@WebServlet(name = "Avatars", urlPatterns = "/avatars/*")
public class AvatarServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String SUFFIX = ".svg";

  @Inject private transient Avatars avatars;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    String seed =
        path != null && path.startsWith("/") && path.endsWith(SUFFIX)
            ? path.substring(1, path.length() - SUFFIX.length())
            : null;
    if (!Avatars.isSeed(seed)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] svg = avatars.svg(seed).getBytes(StandardCharsets.UTF_8);
    response.setContentType("image/svg+xml");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    response.setHeader("Content-Security-Policy", "default-src 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(svg.length);
    response.getOutputStream().write(svg);
  }
}
