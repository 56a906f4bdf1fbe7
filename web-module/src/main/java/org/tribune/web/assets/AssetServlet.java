package org.tribune.web.assets;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.tribune.web.site.HttpCaching;

/**
 * Serves the catalogued static files from memory. At a fingerprinted address ({@code /assets/…})
 * the bytes can never change: caches keep them a year without revalidating ({@code immutable}). At
 * the plain address ({@code /css/site.css}, still linked by pages cached elsewhere or written
 * before) they may change with the next release: ten minutes, then a conditional request. Both
 * carry an {@code ETag}, answer 304 to {@code If-None-Match}, and send the gzip twin to a client
 * that accepts gzip ({@code Vary: Accept-Encoding} for shared caches).
 */
@WebServlet(
    name = "Assets",
    urlPatterns = {"/assets/*", "/css/*", "/js/*", "/images/*"})
public class AssetServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String SHORT = "public, max-age=600";

  @Inject private transient Assets assets;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    boolean fingerprinted = path.startsWith(AssetCatalogue.PREFIX);
    AssetCatalogue catalogue = assets.catalogue();
    Optional<Asset> found = fingerprinted ? catalogue.byAddress(path) : catalogue.byPath(path);
    if (found.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Asset asset = found.get();
    boolean gzip = asset.hasGzip() && HttpCaching.acceptsGzip(request.getHeader("Accept-Encoding"));
    response.setHeader("Cache-Control", fingerprinted ? IMMUTABLE : SHORT);
    response.setHeader("Vary", "Accept-Encoding");
    response.setHeader("ETag", asset.etag(gzip));
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (matches(request.getHeader("If-None-Match"), asset)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(asset.contentType());
    if (gzip) {
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentLength(asset.length(gzip));
    // Servlet 6's default doHead runs doGet and leaves dropping the body to the server; Payara
    // Micro's HTTP/2 (h2c) connector sends it anyway (see feed.CachedResponse).
    if (!"HEAD".equals(request.getMethod())) {
      asset.writeTo(response.getOutputStream(), gzip);
    }
  }

  /**
   * {@code If-None-Match} against either representation's tag: the weak comparison RFC 9110
   * (13.1.2) prescribes for this header, and one entity whatever its encoding.
   */
  static boolean matches(String ifNoneMatch, Asset asset) {
    return HttpCaching.ifNoneMatch(ifNoneMatch, asset.etag(false), asset.etag(true));
  }
}
