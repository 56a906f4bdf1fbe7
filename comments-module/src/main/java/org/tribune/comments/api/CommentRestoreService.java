package org.tribune.comments.api;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/**
 * Takes back what {@link CommentTransferService} exported, with its ids: comment permalinks keep
 * answering, votes, subscriptions (confirmed or not), edit state and bans are as they were. Inject
 * it with CDI; the web module's JSON restore is its caller.
 *
 * <p>Every method joins the caller's transaction (a whole site's restore is one transaction) and
 * writes rows as they were exported, HTML included, without moderation, limits, notifications or
 * events. Callers write {@link #clear} when replacing, settings, comments (each article's parents
 * before their replies), bans, decisions, reports, then {@link #finish}; after the commit, {@link
 * #forgetCopies}.
 */
public interface CommentRestoreService {

  /** Whether the module holds any comment, ban or subscription. */
  boolean holdsContent();

  /**
   * Deletes every comment with its votes and subscriptions, every report and decision, every ban,
   * the mail queue and the module's stored settings.
   */
  void clear();

  /**
   * The module's stored settings as exported ({@code comments_setting}: the moderation rules and
   * the site's salt for address hashes and form tokens, so that votes and bans still recognise
   * their readers).
   */
  void restoreSettings(@NotNull Map<String, String> settings);

  /** Comments with their ids, votes and subscriptions; a reply's parent was restored before it. */
  void restoreComments(@NotNull List<ExportedComment> comments);

  /** Bans with their ids. */
  void restoreBans(@NotNull List<ExportedBan> bans);

  /** The articles' own discussion rules and the sections' own moderation modes. */
  void restoreDiscussionRules(
      @NotNull Map<Long, DiscussionRules> articles, @NotNull Map<Long, ModerationMode> sections);

  /** Decisions on reports with their ids, before the reports they closed. */
  void restoreDecisions(@NotNull List<Decision> decisions);

  /** Reports with their ids. */
  void restoreReports(@NotNull List<ExportedReport> reports);

  /**
   * Ends a restore, in its transaction: the id sequences continue after the highest restored id.
   */
  void finish();

  /**
   * After the restore's transaction committed: what the module keeps in memory from the database
   * (entity caches, blocks of ids, the address salt, settings) is read again, on this node.
   */
  void forgetCopies();
}
