package org.tribune.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers of every console answer: never stored by a browser or a proxy (pages show unpublished
 * work and personal data), never framed (clickjacking), no content-type guessing, and no address
 * leaking to other sites. {@code /admin} and {@code /admin/} lead to the dashboard. Mapped in
 * {@code web.xml} on {@code /admin/*}.
 */
@WebFilter(filterName = "ConsoleHeaders")
public class ConsoleHeaders extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The console's home page. */
  public static final String DASHBOARD = "/admin/dashboard";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/admin") || path.equals("/admin/")) {
      response.sendRedirect(request.getContextPath() + DASHBOARD);
      return;
    }
    chain.doFilter(request, response);
  }
}
