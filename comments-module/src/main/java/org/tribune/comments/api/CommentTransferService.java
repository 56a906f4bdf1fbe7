package org.tribune.comments.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Moves discussions in and out: writes comments exactly as another platform had them (status, date,
 * thread) and reads every comment back for a full export. Inject it with CDI; the web module's
 * importers and exporters are its callers.
 *
 * <p>An imported comment skips what a visitor's comment goes through (moderation rules, limits,
 * rate, bans, notifications): it was already moderated where it comes from. Its body is the
 * source's HTML, brought down to what a comment may hold (see {@link ImportedComment}), so it is as
 * safe as any other. Writes join the caller's transaction when there is one. Nothing here fires
 * {@link DiscussionChanged} (an import writes thousands of comments): the importer tells the caches
 * once it is done.
 */
public interface CommentTransferService {

  /**
   * Writes one comment. A reply names its parent by id: a comment of the same article written
   * before (an importer writes parents first). A thread may be deeper than {@code
   * tribune.comments.max-depth}: depth is kept as it was; pages show the deeper replies at the
   * deepest level they indent.
   *
   * @return the new comment's id
   * @throws IllegalArgumentException when the parent is unknown or belongs to another article
   */
  long create(@NotNull @Valid ImportedComment comment);

  /**
   * Every comment of an article, whatever its status (erased ones as their tombstone: TRASH, no
   * name, no text), parents before their replies, oldest first otherwise.
   */
  List<ExportedComment> export(long articleId);

  /** Every ban, by id. */
  List<ExportedBan> bans();

  /** The articles' own discussion rules, by article id. */
  SortedMap<Long, DiscussionRules> articleRules();

  /** The sections' own moderation modes, by section id. */
  SortedMap<Long, ModerationMode> sectionModes();

  /** Every decision on reports, by id. */
  List<Decision> decisions();

  /** Every report, by id. */
  List<ExportedReport> reports();

  /** The module's stored settings ({@code comments_setting}), by name. */
  Map<String, String> settings();
}
