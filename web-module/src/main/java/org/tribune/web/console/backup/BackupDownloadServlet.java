package org.tribune.web.console.backup;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code GET /admin/backups/file/{name}}: a snapshot, to an administrator (the console's security
 * constraint, checked again here). Any other name is a 404.
 */
@WebServlet(name = "BackupDownload", urlPatterns = BackupDownloadServlet.PATH + "*")
public class BackupDownloadServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String PATH = "/admin/backups/file/";

  @Inject private transient Snapshots snapshots;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (!request.isUserInRole("ADMIN")) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String info = request.getPathInfo();
    Optional<Path> file = snapshots.file(info == null ? null : info.substring(1));
    if (file.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("application/zip");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + file.get().getFileName() + "\"");
    response.setContentLengthLong(Files.size(file.get()));
    Files.copy(file.get(), response.getOutputStream());
  }
}
