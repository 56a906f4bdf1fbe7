package org.tribune.web.console.backup;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.security.StaffAddresses;
import org.tribune.web.console.transfer.ApiAccess;
import org.tribune.web.console.transfer.TransferApi;

/**
 * The snapshots for scripts (an operator's cron job before an upgrade, the fault tests), with an
 * administrator's e-mail address and password in HTTP Basic as for the transfer API:
 *
 * <ul>
 *   <li>{@code GET /api/admin/backups}: {@code {"folder": …, "snapshots": [{"name", "bytes",
 *       "created"}…]}}, newest first;
 *   <li>{@code POST /api/admin/backups}: takes one now, as the console's button does (audited); 200
 *       with {@code {"name", "bytes", "millis"}}, 500 with the problem when it failed (the site
 *       goes on), 409 while another is being taken, 403 from a page of another site.
 * </ul>
 *
 * The files themselves are downloaded from the console ({@code /admin/backups/file/{name}}) or
 * copied from the folder.
 */
@WebServlet(name = "BackupApi", urlPatterns = "/api/admin/backups")
public class BackupApi extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient ApiAccess access;
  @Inject private transient Snapshots snapshots;
  @Inject private transient StaffAddresses addresses;
  @Inject private transient ConsoleMessages messages;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (access.administrator(request, response).isEmpty()) {
      return;
    }
    TransferApi.json(
        response,
        HttpServletResponse.SC_OK,
        json -> {
          json.write("folder", snapshots.folder().toString());
          json.writeStartArray("snapshots");
          for (Snapshots.Snapshot s : snapshots.list()) {
            json.writeStartObject();
            json.write("name", s.name());
            json.write("bytes", s.bytes());
            json.write("created", s.created().toString());
            json.writeEnd();
          }
          json.writeEnd();
        });
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (TransferApi.fromAnotherSite(request)) {
      TransferApi.error(
          response, HttpServletResponse.SC_FORBIDDEN, "cross-site", text("cross-site"));
      return;
    }
    Optional<String> admin = access.administrator(request, response);
    if (admin.isEmpty()) {
      return;
    }
    Snapshots.Attempt attempt;
    try {
      attempt = snapshots.takeFor(admin.get(), addresses.hash(request));
    } catch (Snapshots.BusyException e) {
      TransferApi.error(
          response, HttpServletResponse.SC_CONFLICT, "backup-busy", messages.get("backups.busy"));
      return;
    }
    if (attempt.failed()) {
      TransferApi.error(
          response,
          HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
          "backup-failed",
          messages.format("backups.failed", attempt.problem()));
      return;
    }
    TransferApi.json(
        response,
        HttpServletResponse.SC_OK,
        json -> {
          json.write("name", attempt.snapshot().name());
          json.write("bytes", attempt.snapshot().bytes());
          json.write("millis", attempt.took().toMillis());
        });
  }

  private String text(String code) {
    return messages.get("transfer.error." + code);
  }
}
