package org.tribune.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.tribune.articles.api.ReservedPaths;

/**
 * The first path segments the site answers by itself, which no page may take: the public routes
 * ({@code Router}), the servlets' addresses, the console, the static folders, the runtime's own
 * endpoints ({@code /health}), and the prefixes of a WordPress site's old addresses that {@code
 * LegacyAddresses} keeps alive. A test checks this list against the routes, the servlets' mappings
 * and the web application's folders.
 */
@ApplicationScoped
public class SiteAddresses implements ReservedPaths {

  /** Reserved first segments, lower case. */
  public static final Set<String> RESERVED =
      Set.of(
          // Routes and servlets.
          "articles",
          "sections",
          "tags",
          "authors",
          "archives",
          "share",
          "search",
          "media",
          "comments",
          "api",
          "admin",
          "assets",
          // Static folders of the web application, and what Faces serves.
          "css",
          "images",
          "js",
          "resources",
          "web-inf",
          "meta-inf",
          // What Payara Micro adds to the application at the root: MicroProfile Health (/health,
          // /health/ready…, which load balancers poll), Metrics and OpenAPI.
          "health",
          "metrics",
          "openapi",
          // A WordPress site's old addresses, answered with a redirect after an import.
          "feed",
          "category",
          "tag",
          "author",
          "page",
          "wp-admin",
          "wp-content",
          "wp-includes",
          "wp-json",
          "wp-login",
          // Words a visitor would take for the site's own pages.
          "login",
          "logout",
          "console",
          "sitemap",
          "robots",
          "favicon",
          "brand");

  @Override
  public boolean isReserved(String slug) {
    return slug != null && RESERVED.contains(slug);
  }
}
