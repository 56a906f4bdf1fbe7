package org.tribune.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.tribune.articles.api.ArticleSummary;

/**
 * Addresses of the site's pages, relative to the context and absolute (for canonical links, feeds,
 * sharing). The absolute base is {@code tribune.site.url} when set, else the request's own.
 */
@Named("links")
@RequestScoped
public class Links {

  @Inject private SiteSettings site;
  @Inject private HttpServletRequest request;

  public String article(String slug) {
    return path("/articles/" + slug);
  }

  /** Where an article or a page is read: {@code /articles/{slug}} or {@code /{page path}}. */
  public String content(ArticleSummary article) {
    return path(sitePath(article));
  }

  /** The site path of an article or a page, without the context path. */
  public static String sitePath(ArticleSummary article) {
    return article.isPage() ? "/" + article.pagePath() : "/articles/" + article.slug();
  }

  /** A page's address from its path ({@code a-propos/equipe}). */
  public String page(String pagePath) {
    return path("/" + pagePath);
  }

  public String section(String slug) {
    return path("/sections/" + slug);
  }

  public String tag(String slug) {
    return path("/tags/" + slug);
  }

  public String author(String slug) {
    return path("/authors/" + slug);
  }

  public String archive(int year, int month) {
    return path(String.format("/archives/%04d/%02d", year, month));
  }

  /** A site path prefixed with the context path. */
  public String path(String sitePath) {
    return request.getContextPath() + sitePath;
  }

  /** The absolute address of a site path. */
  public String absolute(String sitePath) {
    String base = site.getUrl();
    if (base == null) {
      StringBuilder url =
          new StringBuilder(request.getScheme()).append("://").append(request.getServerName());
      int port = request.getServerPort();
      boolean defaultPort =
          ("http".equals(request.getScheme()) && port == 80)
              || ("https".equals(request.getScheme()) && port == 443);
      if (!defaultPort) {
        url.append(':').append(port);
      }
      base = url.append(request.getContextPath()).toString();
    }
    return base + sitePath;
  }

  /** URL-encodes a query parameter value. */
  public String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
