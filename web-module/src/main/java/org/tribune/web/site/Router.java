package org.tribune.web.site;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribune.articles.api.ArticleLimits;

/**
 * Maps the public addresses ({@code /articles/{slug}}…, and pages at the root: {@code
 * /a-propos/equipe}) to their Faces views, which live under {@code /WEB-INF/views/} so that no
 * {@code .xhtml} address is reachable directly. The path parameters go to the view as the request
 * attribute {@value #PARAMETERS}. Mapped in {@code web.xml}, after {@code config.DatabaseGate}.
 */
@WebFilter(filterName = "Router")
public class Router extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** Request attribute holding the path parameters as a {@code Map<String, String>}. */
  public static final String PARAMETERS = "tribune.route";

  /** Where Faces serves the console's style sheets and scripts ({@code *.xhtml} addresses). */
  public static final String FACES_RESOURCES = "/jakarta.faces.resource/";

  private static final String SLUG = "([a-z0-9]+(?:-[a-z0-9]+)*)";

  /**
   * No route is longer: a slug has at most {@link ArticleLimits#SLUG_LENGTH} characters. Longer
   * paths are not matched at all, because Java's regular expressions recurse once per repetition of
   * the slug's group and a path of a few thousand "a-a-a…" overflows the stack (a 500).
   */
  static final int LONGEST_ROUTE = "/sections/".length() + ArticleLimits.SLUG_LENGTH;

  private record Route(Pattern pattern, String view, List<String> names) {}

  private static final List<Route> ROUTES =
      List.of(
          new Route(Pattern.compile("/"), "home", List.of()),
          new Route(Pattern.compile("/articles/" + SLUG), "article", List.of("slug")),
          new Route(Pattern.compile("/sections/" + SLUG), "section", List.of("slug")),
          new Route(Pattern.compile("/tags/" + SLUG), "tag", List.of("slug")),
          new Route(Pattern.compile("/authors/" + SLUG), "author", List.of("slug")),
          new Route(
              Pattern.compile("/archives/(\\d{4})/(\\d{2})"), "archive", List.of("year", "month")),
          new Route(Pattern.compile("/archives/(\\d{4})"), "archive", List.of("year")),
          new Route(Pattern.compile("/share/mastodon"), "share-mastodon", List.of()),
          new Route(Pattern.compile("/search"), "search", List.of()));

  @Inject private transient SiteAddresses addresses;

  @Override
  public void init() throws ServletException {
    addresses.learnServlets(getServletContext());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.endsWith(".xhtml") && !path.startsWith(FACES_RESOURCES)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (path.length() > LONGEST_ROUTE) {
      chain.doFilter(request, response);
      return;
    }
    for (Route route : ROUTES) {
      Matcher matcher = route.pattern().matcher(path);
      if (matcher.matches()) {
        Map<String, String> parameters = new java.util.HashMap<>();
        for (int i = 0; i < route.names().size(); i++) {
          parameters.put(route.names().get(i), matcher.group(i + 1));
        }
        request.setAttribute(PARAMETERS, Map.copyOf(parameters));
        request
            .getRequestDispatcher("/WEB-INF/views/" + route.view() + ".xhtml")
            .forward(request, response);
        return;
      }
    }
    if (addresses.isPagePath(path)) {
      request.setAttribute(PARAMETERS, Map.of("path", path.substring(1)));
      request.getRequestDispatcher("/WEB-INF/views/article.xhtml").forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
