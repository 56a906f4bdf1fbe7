package org.tribune.web.config;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribune.web.assets.AssetCatalogue;
import org.tribune.web.assets.Assets;
import org.tribune.web.site.Router;
import org.tribune.web.site.SiteSettings;

/**
 * Answers pages with a short 503 page in the site's language while the database is not ready
 * (unreachable, wrong settings, migrations not run), instead of letting every request fail deep in
 * JPA with a stack trace. See {@link DatabaseReadiness} for how often it looks again.
 *
 * <p>A page that fails because the database stopped answering while it was served (a connection
 * refused or lost: {@link DatabaseFailures}) gets the same 503 page rather than a 500, and closes
 * the gate: the next pages answer 503 at once, without waiting on the database, until a check finds
 * it again. Pages kept by the page cache, which comes first, are still served.
 */
@WebFilter(filterName = "DatabaseGate")
public class DatabaseGate extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(DatabaseGate.class.getName());

  @Inject private transient DatabaseReadiness readiness;
  @Inject private transient SiteSettings site;
  @Inject private transient Assets assets;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isStatic(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (readiness.isOpen()) {
      try {
        chain.doFilter(request, response);
        return;
      } catch (ServletException | IOException | RuntimeException e) {
        if (!DatabaseFailures.isUnreachable(e) || response.isCommitted()) {
          throw e;
        }
        if (readiness.lost()) {
          LOG.log(
              Level.WARNING,
              "The database stopped answering: pages answer 503 until it is back ({0})",
              DatabaseFailures.describe(e));
        }
        response.reset();
      }
    }
    unavailable(response);
  }

  private void unavailable(HttpServletResponse response) throws IOException {
    ResourceBundle messages = site.messages();
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "10");
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\""
                + site.getLanguage()
                + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>"
                + messages.getString("unavailable.title")
                + "</title><link rel=\"stylesheet\" href=\""
                + assets.path("/css/site.css")
                + "\"></head><body><main"
                + " class=\"error-page\"><h1>"
                + messages.getString("unavailable.title")
                + "</h1><p>"
                + messages.getString("unavailable.text")
                + "</p></main></body></html>");
  }

  /** Static files, and the server's own health endpoint, which must say DOWN itself. */
  private static boolean isStatic(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/images/")
        || path.startsWith(AssetCatalogue.PREFIX)
        || path.startsWith(Router.FACES_RESOURCES)
        || path.equals("/favicon.ico")
        || path.startsWith("/health");
  }
}
