package org.tribune.comments.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the administrators' console does with comments: queues, bulk decisions, staff edits and
 * replies, bans, the discussion settings and a few figures for the dashboard. Inject it with CDI.
 * Every method is for staff only: the caller checks who may call it.
 */
public interface ModerationService {

  /** Most comments one bulk call takes. */
  int MAX_BULK = 1000;

  /** Most comments an author's history lists. */
  int HISTORY_SIZE = 200;

  /** How many comments each status holds; every status is a key (0 when none). */
  Map<CommentStatus, Long> countByStatus();

  /**
   * One page of the comments the filter matches, newest first, with the total for the pager.
   *
   * @param page from 1; past the last page, no items
   */
  ModerationPage queue(
      @NotNull @Valid ModerationFilter filter, @Min(1) int page, @Min(1) @Max(100) int size);

  /** A comment whatever its status. */
  Optional<ModeratedComment> find(long commentId);

  /**
   * Moves comments to a status. Unknown ids, and comments already in that status, are skipped.
   * Approving a reply tells the subscribers of the comment it answers, once (as {@link
   * CommentService#moderate} does).
   *
   * @return how many comments changed status
   */
  int moderate(
      @NotNull @Size(max = MAX_BULK) Collection<Long> commentIds, @NotNull CommentStatus status);

  /**
   * Deletes comments with their votes and subscriptions, for good. A comment that has replies which
   * stay is kept as an anonymous placeholder instead (no name, address, text or hashes; status
   * {@code TRASH}), exactly as {@link CommentService#eraseByEmail} does, so that the replies keep
   * their place in the thread. Unknown ids are skipped.
   *
   * @return how many comments were deleted or made placeholders
   */
  int deleteForGood(@NotNull @Size(max = MAX_BULK) Collection<Long> commentIds);

  /**
   * Changes the text of any comment, at any time: cleaned, checked (required, at most the effective
   * {@code maxLength}) and rendered as readers' texts are. The comment shows as edited; its status
   * does not change.
   *
   * @throws CommentRejectedException {@code COMMENT_NOT_FOUND}, or the body's problems
   */
  void editBody(long commentId, @NotNull String body);

  /**
   * Answers a comment in the name of the editorial team: approved at once, marked {@code staff},
   * whatever the moderation mode, rate limit or state of the discussion (closed or not). The name,
   * e-mail address and body are checked as readers' are. The depth limit applies as for readers (an
   * answer to a comment at the deepest level hangs under its parent). The subscribers of the
   * answered comment are told.
   *
   * @return the new comment's id
   * @throws CommentRejectedException {@code COMMENT_NOT_FOUND} if the parent does not exist, or the
   *     problems of the name, e-mail address or body
   */
  long replyAsStaff(
      long parentCommentId,
      @NotNull String staffName,
      @NotNull String staffEmail,
      @NotNull String body);

  /**
   * Puts an approved comment in the editorial team's selection (« Sélection de la rédaction »): it
   * shows a badge, and the discussion's {@link CommentSort#FEATURED} order lists its thread, the
   * most recently featured first. Featuring it again moves it to the top.
   *
   * @param by who chose it (kept with it)
   * @throws CommentRejectedException {@code COMMENT_NOT_FOUND} unless it is an approved comment
   */
  void feature(long commentId, @NotNull String by);

  /** Takes a comment out of the selection; an unknown or unfeatured one does nothing. */
  void unfeature(long commentId);

  /**
   * Sends every later comment with this e-mail address (any case) to spam. Banning twice does
   * nothing.
   *
   * @throws CommentRejectedException {@code EMAIL_INVALID} if it is not an e-mail address
   */
  void banEmail(@NotNull String email);

  /**
   * Sends every later comment from this address to spam, given its hash as {@link
   * ModeratedComment#addressHash()} shows it. Banning twice does nothing.
   *
   * @throws IllegalArgumentException if it is not such a hash (64 hexadecimal digits)
   */
  void banAddressHash(@NotNull String addressHash);

  /**
   * Sanctions an author by e-mail address, by address hash or both: {@link Ban.Effect#SUSPENDED}
   * sends their later comments to spam, {@link Ban.Effect#HELD} has them wait for a moderator (the
   * lighter step), for the duration or for good. A sanction already on the address is replaced. A
   * suspended author who is known by an e-mail address is told, with the reason and how long it
   * lasts.
   *
   * @return the sanctions as they now are, one per address given
   * @throws CommentRejectedException {@code EMAIL_INVALID} for an e-mail address that is not one
   * @throws IllegalArgumentException with neither address, an address hash that is not one, or a
   *     duration that is not positive
   */
  List<Ban> sanction(@NotNull @Valid Sanction sanction);

  /**
   * An author's history for the console: by e-mail address (any case) when given, else by address
   * hash; both may be given (comments with either).
   *
   * @throws IllegalArgumentException with neither
   */
  AuthorHistory history(String email, String addressHash);

  /** One article's own discussion rules; {@link DiscussionRules#NONE} when it has none. */
  DiscussionRules articleRules(long articleId);

  /**
   * Sets one article's own discussion rules ({@link DiscussionRules#NONE} removes them). They take
   * effect at once: the article's pages are dropped from the caches.
   */
  void setArticleRules(long articleId, @NotNull DiscussionRules rules);

  /** The sections that have a moderation mode of their own, by section id. */
  Map<Long, ModerationMode> sectionModes();

  /** Sets a section's moderation mode; {@code null} goes back to the site's. */
  void setSectionMode(long sectionId, ModerationMode mode);

  /** Every sanction (ban), newest first, expired ones included (the authors' record). */
  List<Ban> bans();

  /** Lifts a ban; an unknown id does nothing (it may have just been lifted by someone else). */
  void unban(long banId);

  /**
   * The settings in force: for each one, the value saved from the console if any, else the
   * configuration's ({@code tribune.comments.*}).
   */
  CommentSettings settings();

  /**
   * Saves every setting; they take effect at once on every node sharing the database.
   *
   * @throws IllegalArgumentException if the edit window is negative
   */
  void updateSettings(@NotNull @Valid CommentSettings settings);

  /**
   * Comments received per day (any status), the last {@code days} days in {@code zone}, today
   * included, oldest first; every day is there, with 0 when none.
   */
  List<DailyCount> commentsPerDay(@NotNull ZoneId zone, @Min(1) @Max(366) int days);

  /**
   * The articles that received the most approved comments in the last {@code days} days (24 h each,
   * up to now), most first (ties: the newer article id first).
   */
  List<DiscussedArticle> mostDiscussed(@Min(1) @Max(366) int days, @Min(1) @Max(50) int limit);

  /** The newest comments, whatever their status, newest first: the dashboard's activity. */
  List<ModeratedComment> recent(@Min(1) @Max(50) int limit);
}
