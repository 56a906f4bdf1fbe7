package org.tribune.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Headers of every console answer: never stored by a browser or a proxy (pages show unpublished
 * work and personal data), never framed (clickjacking), no content-type guessing, and no address
 * leaking to other sites. {@code /admin} and {@code /admin/} lead to the dashboard. Mapped in
 * {@code web.xml} on {@code /admin/*}.
 *
 * <p>A form POST without a Faces view state gets the "form expired" page with 403, as one with a
 * forged or stale view state does (through its {@code ViewExpiredException}): Faces would take it
 * for a first request and show the page again with 200, having done nothing, which hides a forged
 * request instead of refusing it. Multipart bodies are left to Faces: their fields cannot be read
 * here without parsing the upload.
 */
@WebFilter(filterName = "ConsoleHeaders")
public class ConsoleHeaders extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The console's home page. */
  public static final String DASHBOARD = "/admin/dashboard";

  private static final String VIEW_STATE = "jakarta.faces.ViewState";
  private static final String EXPIRED_PAGE = "/WEB-INF/errors/expired.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/admin") || path.equals("/admin/")) {
      response.sendRedirect(request.getContextPath() + DASHBOARD);
      return;
    }
    if (isFormPostWithoutViewState(request)) {
      request.getRequestDispatcher(EXPIRED_PAGE).forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isFormPostWithoutViewState(HttpServletRequest request) {
    String type = request.getContentType();
    return "POST".equals(request.getMethod())
        && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
        && request.getParameter(VIEW_STATE) == null;
  }
}
