package org.tribune.web.console.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.tribune.articles.api.ArticleRestoreService;
import org.tribune.comments.api.CommentRestoreService;
import org.tribune.web.cache.PageCache;
import org.tribune.web.cluster.ClusterChanges;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.audit.AuditLog;
import org.tribune.web.console.security.StaffAddresses;
import org.tribune.web.site.SiteSettings;
import org.tribune.web.transfer.CountingInputStream;
import org.tribune.web.transfer.ImportJobs;
import org.tribune.web.transfer.ImportReport;
import org.tribune.web.transfer.ImportedSites;
import org.tribune.web.transfer.JsonRestoreWriter;

/**
 * Restores a site from its JSON export and media archive, for the API and the console: one import
 * or restore at a time on this node ({@link ImportJobs}), all or nothing ({@link
 * JsonRestoreWriter}), then every copy this node keeps of what changed is dropped. Refused while
 * other nodes run: they hold blocks of ids taken from the sequences and copies of the former site
 * that a restore would make wrong, so the README has them stopped first. The restore is recorded in
 * the restored audit log.
 */
@ApplicationScoped
public class JsonRestore {
  private static final Logger LOG = Logger.getLogger(JsonRestore.class.getName());

  @Inject private ImportJobs jobs;
  @Inject private JsonRestoreWriter writer;
  @Inject private ArticleRestoreService articles;
  @Inject private CommentRestoreService comments;
  @Inject private StaffAddresses addresses;
  @Inject private SiteSettings site;
  @Inject private ImportedSites imported;
  @Inject private PageCache cache;
  @Inject private AuditLog audit;
  @Inject private ConsoleMessages messages;
  @Inject private ClusterChanges cluster;

  /**
   * A part of a multipart request (the export, the media archive) copied to a temporary file the
   * caller deletes, or {@code null} when the part is missing or empty.
   */
  public static Path spool(jakarta.servlet.http.Part part, String suffix) throws IOException {
    if (part == null || part.getSize() == 0) {
      return null;
    }
    Path file = Files.createTempFile("tribune-restore-", suffix);
    try (InputStream in = part.getInputStream()) {
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  /** A report for a restore about to start, in the site's language. */
  public ImportReport report() {
    return new ImportReport(
        "json", (key, args) -> args.length == 0 ? messages.get(key) : messages.format(key, args));
  }

  /** Registers a restore, or empty when an import or a restore is already running here. */
  public Optional<ImportJobs.Job> begin(ImportReport report, String actor, long total) {
    return jobs.start(UUID.randomUUID().toString(), actor, report, total);
  }

  /**
   * Reads the document to its end and writes its site, then ends the job.
   *
   * @param document the JSON export, kept on disk by the caller
   * @param mediaArchive the media archive (zip), or {@code null}
   * @param replace whether a site that holds content may be replaced
   */
  public void run(
      ImportJobs.Job job, Path document, Path mediaArchive, boolean replace, String addressHash) {
    ImportReport report = job.report();
    Map<String, Integer> counts = new LinkedHashMap<>();
    boolean written = false;
    if (cluster.members() > 1) {
      // The other nodes hold blocks of ids and copies a restore would make wrong.
      report.fail("cluster", String.valueOf(cluster.members()));
      jobs.finish(job);
      return;
    }
    try (ZipFile media = mediaArchive == null ? null : new ZipFile(mediaArchive.toFile());
        InputStream in = new CountingInputStream(Files.newInputStream(document), job::read);
        JsonParser parser = Json.createParser(in)) {
      writer.restore(parser, media, replace, counts);
      written = true;
    } catch (ZipException e) {
      report.fail("media-archive", e.getMessage());
    } catch (JsonRestoreWriter.RefusedException e) {
      report.fail("not-empty", null);
    } catch (JsonRestoreWriter.InvalidException e) {
      LOG.log(Level.INFO, "Restore refused: " + e.code(), e);
      report.fail(e.code(), e.getMessage());
    } catch (IOException e) {
      report.fail("read", e.getMessage());
    } catch (RuntimeException e) {
      // The transaction could not commit (a constraint of the database, a lost connection).
      LOG.log(Level.WARNING, "Restore failed; nothing was written", e);
      report.fail("restore-database", rootMessage(e));
    } finally {
      if (written) {
        counts.forEach((kind, n) -> report.count(kind, ImportReport.Outcome.IMPORTED, n));
        forgetCopies();
      }
      jobs.finish(job);
      audit.record(
          job.owner(),
          AuditAction.SITE_RESTORED,
          "json",
          report.state().name().toLowerCase(Locale.ROOT)
              + (report.errorCode() == null ? "" : " (" + report.errorCode() + ")")
              + (written ? "; " + counts : ""),
          addressHash);
    }
  }

  /** This node's copies of the former site go; the other nodes are told to drop theirs. */
  private void forgetCopies() {
    articles.forgetCopies();
    comments.forgetCopies();
    addresses.forget();
    imported.restored();
    site.refresh();
    cache.invalidate();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
