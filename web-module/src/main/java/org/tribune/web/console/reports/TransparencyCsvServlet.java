package org.tribune.web.console.reports;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.security.Role;
import org.tribune.web.site.SiteSettings;

/**
 * {@code GET /admin/reports/transparency.csv?from=2026-01&to=2026-12}: the transparency figures of
 * the page as a download ({@link TransparencyCsv}), to moderators and administrators (the console's
 * security constraint, checked again here). A missing or wrong period gives the last twelve months,
 * as the page does.
 */
@WebServlet(name = "TransparencyCsv", urlPatterns = TransparencyCsvServlet.PATH)
public class TransparencyCsvServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String PATH = "/admin/reports/transparency.csv";

  @Inject private transient Transparency transparency;
  @Inject private transient SiteSettings site;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (!request.isUserInRole(Role.MODERATOR.name())) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    Period period =
        transparency.periodOr12Months(request.getParameter("from"), request.getParameter("to"));
    Transparency.Figures figures = transparency.of(period);
    String csv =
        TransparencyCsv.write(
            figures,
            site.messages(),
            ResourceBundle.getBundle(ConsoleMessages.BUNDLE, site.getLocale()));
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    response.setContentType(TransparencyCsv.MEDIA_TYPE);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"signalements-" + period.from() + "-" + period.to() + ".csv\"");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
