package org.tribune.web.console.transfer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.MissingResourceException;
import java.util.Optional;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.UploadToken;
import org.tribune.web.transfer.ImportJobs;
import org.tribune.web.transfer.ImportReport;

/** Backs {@code /admin/transfer}: the upload form's token, and the report of an import. */
@Named
@RequestScoped
public class TransferBacking {
  @Inject private HttpServletRequest request;
  @Inject private Transfers transfers;
  @Inject private ConsoleMessages messages;

  private Optional<ImportReport> report;

  public String getToken() {
    return UploadToken.of(request);
  }

  /** The report of {@code ?job=}, when it is the current administrator's and still kept. */
  public ImportReport getReport() {
    if (report == null) {
      String job = request.getParameter("job");
      report =
          job == null || job.length() > 64
              ? Optional.empty()
              : transfers
                  .job(job)
                  .filter(j -> j.owner().equals(request.getRemoteUser()))
                  .map(ImportJobs.Job::report);
    }
    return report.orElse(null);
  }

  public List<ImportReport.Counts> getCounts() {
    ImportReport r = getReport();
    return r == null ? List.of() : r.counts();
  }

  public String kind(String kind) {
    try {
      return messages.get("transfer.kind." + kind);
    } catch (MissingResourceException e) {
      return kind;
    }
  }

  public String more(int count) {
    return messages.format("transfer.report.more", count);
  }

  /** "12, 15, 40 et 3 autres": where something was left as text, by the contents' source ids. */
  public String ids(ImportReport.LeftAsText left) {
    String listed = String.join(", ", left.ids());
    int rest = left.items() - left.ids().size();
    return rest > 0 ? messages.format("transfer.report.left-more", listed, rest) : listed;
  }

  /** A refusal of the form upload ({@code ?refused=token|busy}), in words, or null. */
  public String getRefusal() {
    String code = request.getParameter("refused");
    if (!"token".equals(code) && !"busy".equals(code)) {
      return request.getParameter("empty") != null ? messages.get("transfer.no-file") : null;
    }
    return messages.get("transfer.error." + code);
  }
}
