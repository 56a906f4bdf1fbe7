package org.tribune.web.config;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.tribune.web.discussion.TrustedProxies;

/**
 * Headers of every answer, public pages, kept pages, files and error pages alike (mapped first in
 * {@code web.xml}):
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts, styles, fonts and connections from the site only,
 *       no inline script and no inline style, no plugins; images also from HTTPS sites (articles
 *       may show pictures from elsewhere); forms post to the site only; pages framed by the site
 *       only. The console's pages narrow it further (PrimeFaces' nonces, no framing at all: {@code
 *       console.ConsoleHeaders});
 *   <li>{@code X-Content-Type-Options: nosniff}; {@code Referrer-Policy:
 *       strict-origin-when-cross-origin} (other sites learn the site, not the page);
 *   <li>{@code Strict-Transport-Security} (a year) when the visitor came over HTTPS, directly or
 *       through a trusted proxy ({@code tribune.proxy.trusted}, {@code X-Forwarded-Proto}): a site
 *       reached over plain HTTP must not pin browsers to HTTPS.
 * </ul>
 */
@WebFilter(filterName = "SecurityHeaders")
public class SecurityHeaders extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The policy of every page but the console's. */
  public static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'self'";

  /**
   * The console's policy: never framed, no plugins, no base address, forms to the site only.
   * Scripts and styles are not restricted yet: PrimeFaces and Faces' Ajax write inline handlers,
   * and PrimeFaces' own nonce mode ({@code primefaces.CSP}) keeps state in a session on every Faces
   * page, public ones included, and broke plain form posts in the console's tests.
   */
  public static final String CONSOLE_POLICY =
      "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Inject private transient TrustedProxies proxies;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", isConsole(request) ? CONSOLE_POLICY : POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (proxies.isSecure(request)) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    chain.doFilter(request, response);
  }

  /** A console address, or an error page shown for one (it runs again for those). */
  private static boolean isConsole(HttpServletRequest request) {
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = failed instanceof String original ? original : request.getRequestURI();
    String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/admin;");
  }
}
