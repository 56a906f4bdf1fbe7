package org.tribune.web.config;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Headers of every answer, public pages, kept pages, files and error pages alike (mapped first in
 * {@code web.xml}):
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts, styles, fonts and connections from the site only,
 *       no inline script and no inline style, no plugins; images also from HTTPS sites (articles
 *       may show pictures from elsewhere); forms post to the site only; pages framed by the site
 *       only; frames only from the privacy-enhanced video players ({@code youtube-nocookie.com},
 *       {@code player.vimeo.com}, {@code geo.dailymotion.com}), loaded after a click. The console's
 *       pages have their own: scripts from the site or carrying the page's nonce (PrimeFaces' nonce
 *       mode, {@code console.ScriptNonces}), never framed;
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

  /**
   * The only pages a public page may frame: the privacy-enhanced video players that an article's
   * video box loads after the reader's click ({@code js/embeds.js}). Nothing else is framed, and no
   * script of theirs runs in the page.
   */
  static final java.util.List<String> PLAYERS =
      java.util.List.of(
          "https://www.youtube-nocookie.com",
          "https://player.vimeo.com",
          "https://geo.dailymotion.com");

  /** The policy of every page but the console's. */
  public static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'self'; frame-src 'self' "
          + String.join(" ", PLAYERS);

  /**
   * What the console's policy says besides scripts: never framed, no plugins, forms to the site.
   */
  private static final String CONSOLE_BASE =
      "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /**
   * The console's policy for answers that are not Faces pages. A console page's own comes from
   * PrimeFaces' nonce mode ({@code console.ScriptNonces}): the same with {@code script-src 'self'
   * 'nonce-…'} instead. Styles are not restricted: PrimeFaces' components write style attributes.
   */
  public static final String CONSOLE_POLICY = CONSOLE_BASE + "; script-src 'self'";

  private static final String CSP = "Content-Security-Policy";

  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Inject private transient TrustedProxies proxies;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean console = isConsole(request);
    response.setHeader(CSP, console ? CONSOLE_POLICY : POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (proxies.isSecure(request)) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    chain.doFilter(request, new PolicyKeeper(response, console));
  }

  /**
   * The console's policy with PrimeFaces' script sources ({@code script-src 'self' 'nonce-…';}) in
   * place of its own.
   */
  static String consolePolicyWith(String scripts) {
    String sources = scripts.strip();
    while (sources.endsWith(";")) {
      sources = sources.substring(0, sources.length() - 1).strip();
    }
    return sources.startsWith("script-src ") && !sources.contains(";")
        ? CONSOLE_BASE + "; " + sources
        : CONSOLE_POLICY;
  }

  /**
   * Keeps one policy per answer: PrimeFaces sends its own with every Faces page; on a console page
   * its script sources replace the console's, elsewhere it is dropped (public pages have no inline
   * script and keep the stricter policy).
   */
  private static final class PolicyKeeper extends HttpServletResponseWrapper {
    private final boolean console;

    PolicyKeeper(HttpServletResponse response, boolean console) {
      super(response);
      this.console = console;
    }

    @Override
    public void setHeader(String name, String value) {
      if (CSP.equalsIgnoreCase(name)) {
        keep(value);
      } else {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (CSP.equalsIgnoreCase(name)) {
        keep(value);
      } else {
        super.addHeader(name, value);
      }
    }

    private void keep(String value) {
      if (console && value != null) {
        super.setHeader(CSP, consolePolicyWith(value));
      }
    }
  }

  /** A console address, or an error page shown for one (it runs again for those). */
  private static boolean isConsole(HttpServletRequest request) {
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = failed instanceof String original ? original : request.getRequestURI();
    String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/admin;");
  }
}
