package org.tribune.web.console.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.audit.AuditLog;
import org.tribune.web.transfer.CountingInputStream;
import org.tribune.web.transfer.DisqusImporter;
import org.tribune.web.transfer.ImportJobs;
import org.tribune.web.transfer.ImportReport;
import org.tribune.web.transfer.ImportReport.Counts;
import org.tribune.web.transfer.ImportedSites;
import org.tribune.web.transfer.WxrImporter;

/**
 * Runs an import for the API or the console: one at a time on this node, counted as it reads,
 * recorded in the audit log with its totals.
 */
@ApplicationScoped
public class Transfers {
  /** What can be imported. */
  public enum Format {
    WXR,
    DISQUS
  }

  @Inject private ImportJobs jobs;
  @Inject private WxrImporter wxr;
  @Inject private DisqusImporter disqus;
  @Inject private ConsoleMessages messages;
  @Inject private AuditLog audit;
  @Inject private ImportedSites imported;

  /** A report for an import about to start, in the site's language. */
  public ImportReport report(Format format) {
    return new ImportReport(
        format.name().toLowerCase(java.util.Locale.ROOT), (key, args) -> text(key, args));
  }

  private String text(String key, Object[] args) {
    return args.length == 0 ? messages.get(key) : messages.format(key, args);
  }

  /** Registers an import, or empty when one is already running on this node. */
  public Optional<ImportJobs.Job> begin(ImportReport report, String actor, long total) {
    return jobs.start(UUID.randomUUID().toString(), actor, report, total);
  }

  /**
   * Reads the file to its end into the job's report, then ends the job. A WordPress export is kept
   * on disk first (read twice: its images, then the rest), its images fetched unless {@code
   * fetchMedia} is false.
   */
  public void run(
      ImportJobs.Job job, Format format, InputStream in, String addressHash, boolean fetchMedia) {
    Path spool = null;
    try {
      if (format == Format.WXR) {
        spool = Files.createTempFile("tribune-import-", ".xml");
        try (InputStream body = in) {
          Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
        }
        wxr.run(spool, job::read, job.owner(), job.report(), fetchMedia);
      } else {
        try (InputStream counted = new CountingInputStream(in, job::read)) {
          disqus.run(counted, job.owner(), job.report());
        }
      }
    } catch (java.io.IOException e) {
      job.report().fail("read", e.getMessage());
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (java.io.IOException e) {
          // A temporary file left behind: the system's cleaning takes it.
        }
      }
      if (job.report().counts().stream().anyMatch(c -> c.imported() > 0)) {
        imported.imported();
      }
      jobs.finish(job);
      audit.record(
          job.owner(),
          AuditAction.SITE_IMPORTED,
          format.name().toLowerCase(java.util.Locale.ROOT),
          summary(job.report()),
          addressHash);
    }
  }

  private static String summary(ImportReport report) {
    StringBuilder text =
        new StringBuilder(report.state().name().toLowerCase(java.util.Locale.ROOT));
    if (report.errorCode() != null) {
      text.append(" (").append(report.errorCode()).append(')');
    }
    for (Counts c : report.counts()) {
      text.append("; ")
          .append(c.kind())
          .append(": ")
          .append(c.imported())
          .append(" imported, ")
          .append(c.updated())
          .append(" updated, ")
          .append(c.unchanged())
          .append(" unchanged, ")
          .append(c.skipped())
          .append(" skipped");
    }
    return text.toString();
  }

  public Optional<ImportJobs.Job> job(String id) {
    return jobs.find(id);
  }
}
