package org.tribune.web.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.tribune.articles.api.ArticleLimits;
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
          "avatars",
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

  /** No page path is longer: a slug's length, plus the segments of a page's parents. */
  private static final int LONGEST_PAGE_PATH = 1 + ArticleLimits.SLUG_LENGTH;

  private static final String SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";

  /** One to {@link ArticleLimits#PAGE_DEPTH} slugs from the root. */
  private static final Pattern PAGE =
      Pattern.compile(SLUG + "(?:/" + SLUG + "){0," + (ArticleLimits.PAGE_DEPTH - 1) + "}");

  /** First segments of the servlets' own mappings, learnt at start: an added servlet counts too. */
  private volatile Set<String> mapped = Set.of();

  /**
   * Learns the first segments of every servlet's path mappings ({@code /test-seed/*} gives {@code
   * test-seed}): an address a servlet answers is never a page's, whoever added the servlet.
   */
  public void learnServlets(ServletContext context) {
    Set<String> segments = new HashSet<>();
    for (ServletRegistration servlet : context.getServletRegistrations().values()) {
      for (String mapping : servlet.getMappings()) {
        if (mapping.startsWith("/") && mapping.length() > 1 && !mapping.equals("/*")) {
          String rest = mapping.substring(1);
          int end = rest.length();
          for (char stop : new char[] {'/', '*'}) {
            int at = rest.indexOf(stop);
            end = at >= 0 ? Math.min(end, at) : end;
          }
          if (end > 0) {
            segments.add(rest.substring(0, end).toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    mapped = Set.copyOf(segments);
  }

  /**
   * Whether a site path ({@code /a-propos/equipe}) is one a page may have: one to five slugs, the
   * first not reserved. The page view answers it (a page, a redirect to where it went, or 404).
   */
  public boolean isPagePath(String path) {
    if (path.length() < 2 || path.length() > LONGEST_PAGE_PATH || path.charAt(0) != '/') {
      return false;
    }
    String page = path.substring(1);
    int slash = page.indexOf('/');
    return !isReserved(slash < 0 ? page : page.substring(0, slash)) && PAGE.matcher(page).matches();
  }

  @Override
  public boolean isReserved(String slug) {
    return slug != null && (RESERVED.contains(slug) || mapped.contains(slug));
  }
}
