package org.tribune.web.config;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
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

  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Inject private transient TrustedProxies proxies;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (proxies.isSecure(request)) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    chain.doFilter(request, response);
  }
}
