package org.tribune.web.feed;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.tribune.web.site.Links;

/**
 * {@code /robots.txt}: robots may read the whole public site, not the console under {@code
 * /admin/}, and find every article in the sitemap.
 */
@WebServlet(name = "Robots", urlPatterns = "/robots.txt")
public class RobotsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient Links links;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = text(links.absolute(SitemapServlet.PATH)).getBytes(StandardCharsets.UTF_8);
    CachedResponse.send(request, response, "text/plain; charset=UTF-8", body, null);
  }

  static String text(String sitemapUrl) {
    return "User-agent: *\nDisallow: /admin/\n\nSitemap: " + sitemapUrl + "\n";
  }
}
