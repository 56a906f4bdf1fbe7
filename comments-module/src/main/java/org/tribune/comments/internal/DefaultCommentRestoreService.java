package org.tribune.comments.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.executable.ExecutableType;
import jakarta.validation.executable.ValidateOnExecution;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.tribune.comments.api.CommentRestoreService;
import org.tribune.comments.api.Decision;
import org.tribune.comments.api.DiscussionRules;
import org.tribune.comments.api.ExportedBan;
import org.tribune.comments.api.ExportedComment;
import org.tribune.comments.api.ExportedReport;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.internal.database.DatabaseProblems;

/**
 * The JDBC-backed {@link CommentRestoreService}: {@link RestoreWriter} writes the rows through the
 * module's data source. Inside the caller's JTA transaction the server hands out the connection
 * enlisted in it, the one the {@code comments} unit uses too, so the rows come and go with the rest
 * of the restore. Writes require that transaction ({@code MANDATORY}): a restore outside one would
 * commit row by row and leave half a site when it fails. Any failure, a refused row included, marks
 * it for rollback.
 *
 * <p>The entity manager is not used: it would check, version and keep in memory each of the
 * hundreds of thousands of rows, and its shared cache and blocks of ids are dropped afterwards by
 * {@link #forgetCopies} anyway. {@code @ValidateOnExecution}: see {@link DefaultModerationService}.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
@ValidateOnExecution(type = ExecutableType.IMPLICIT)
public class DefaultCommentRestoreService implements CommentRestoreService {

  @Resource(lookup = "java:app/jdbc/tribune")
  private DataSource dataSource;

  @Inject private CommentsPersistence persistence;
  @Inject private AddressHasher addresses;

  /** Writes through a connection of the current transaction, closed (given back) afterwards. */
  @FunctionalInterface
  private interface Work<T> {
    T with(RestoreWriter writer) throws SQLException;
  }

  private <T> T write(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.with(new RestoreWriter(connection));
    } catch (SQLException e) {
      // A batch's own message may only say which row failed; the next exception says why.
      SQLException next = e.getNextException();
      throw new IllegalStateException(
          "Comments restore: "
              + e.getMessage()
              + (next == null || next == e ? "" : " (" + next.getMessage() + ")"),
          e);
    }
  }

  /** A question asked before a restore, perhaps outside any transaction. */
  @Override
  @Transactional(TxType.SUPPORTS)
  public boolean holdsContent() {
    return write(RestoreWriter::holdsContent);
  }

  @Override
  public void clear() {
    write(
        writer -> {
          writer.clear();
          return null;
        });
  }

  @Override
  public void restoreSettings(Map<String, String> settings) {
    write(
        writer -> {
          writer.writeSettings(settings);
          return null;
        });
  }

  @Override
  public void restoreComments(List<ExportedComment> comments) {
    write(
        writer -> {
          writer.writeComments(comments);
          return null;
        });
  }

  @Override
  public void restoreBans(List<ExportedBan> bans) {
    write(
        writer -> {
          writer.writeBans(bans);
          return null;
        });
  }

  @Override
  public void restoreDiscussionRules(
      Map<Long, DiscussionRules> articles, Map<Long, ModerationMode> sections) {
    write(
        writer -> {
          writer.writeDiscussionRules(articles, sections);
          return null;
        });
  }

  @Override
  public void restoreDecisions(List<Decision> decisions) {
    write(
        writer -> {
          writer.writeDecisions(decisions);
          return null;
        });
  }

  @Override
  public void restoreReports(List<ExportedReport> reports) {
    write(
        writer -> {
          writer.writeReports(reports);
          return null;
        });
  }

  @Override
  public void finish() {
    write(
        writer -> {
          writer.continueSequences();
          return null;
        });
  }

  /**
   * Outside any transaction ({@code NOT_SUPPORTED}): the salt is read on a connection of its own,
   * as at start-up, and the restore's transaction has ended. The settings in force need nothing:
   * {@link EffectiveSettings} reads them again in every transaction, and form tokens take their key
   * from the salt at each use ({@link FormTokens}).
   */
  @Override
  @Transactional(TxType.NOT_SUPPORTED)
  public void forgetCopies() {
    persistence.forgetCopies();
    try {
      addresses.load(dataSource);
    } catch (SQLException e) {
      throw new IllegalStateException(DatabaseProblems.describe(e), e);
    }
  }
}
