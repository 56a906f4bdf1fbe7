package org.tribune.comments.api;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads and writes the discussions under articles. Inject it with CDI. */
public interface CommentService {

  /** Most items a caller may ask for in one list call. */
  int MAX_LIST_SIZE = 100;

  /**
   * Checks a comment against the moderation policy and stores it as approved, held (pending) or
   * spam (a silent verdict: the result tells the caller, who shows the visitor a held notice).
   *
   * @throws CommentRejectedException with every problem of the form, or a refusal (closed
   *     discussion, duplicate, rate limit)
   */
  PostResult post(@NotNull NewComment comment, @NotNull Submission submission);

  /**
   * A token to put in a comment form (or a vote button) rendered now for this article and this
   * visitor. {@code visitorNonce} is a random value the visitor's browser keeps (a cookie) and
   * sends back with the form; see {@link #formAge}.
   */
  String formToken(long articleId, @NotNull String visitorNonce);

  /**
   * How long ago a form token was issued, if it is genuine and was issued for this article and this
   * visitor's nonce within the last day; empty otherwise (forged, altered, another visitor's: a
   * cross-site request). The age feeds {@link Submission#formAge()}.
   */
  Optional<Duration> formAge(long articleId, String visitorNonce, String token);

  /**
   * Changes the body of one's own comment within the edit window; it then shows as edited.
   *
   * @throws CommentRejectedException {@code EDIT_NOT_ALLOWED} for a wrong token or a closed window,
   *     or the body's problems
   */
  CommentView edit(long commentId, @NotNull String editToken, @NotNull String body);

  /**
   * Deletes one's own comment within the edit window.
   *
   * @throws CommentRejectedException {@code EDIT_NOT_ALLOWED}
   */
  void deleteOwn(long commentId, @NotNull String editToken);

  /** A page of the discussion under an article, as a given visitor sees it. */
  Discussion discussion(
      long articleId, @NotNull CommentSort sort, int page, @NotNull OwnComments viewer);

  /**
   * The page of the discussion, in this order, holding a comment the viewer may see, for
   * permalinks; empty when there is none.
   */
  OptionalInt pageOf(long articleId, long commentId, @NotNull CommentSort sort, OwnComments viewer);

  /**
   * Votes a comment up ({@code +1}) or down ({@code -1}), or withdraws the visitor's vote ({@code
   * 0}). A visitor has one vote per comment, known by the voter key (a cookie) or the address:
   * voting the other way changes it, voting the same way again does nothing, withdrawing takes it
   * back (only the voter key's own vote: not another key's from the same address).
   *
   * @throws CommentRejectedException {@code COMMENT_NOT_FOUND} if the comment is not an approved
   *     comment of this article
   * @throws IllegalArgumentException if {@code direction} is not 1, -1 or 0
   */
  VoteResult vote(
      long articleId,
      long commentId,
      int direction,
      @NotNull String voterKey,
      @NotNull Submission submission);

  /**
   * The safe HTML a comment's text would get, as readers would see it (the form's preview); nothing
   * is stored.
   *
   * @throws CommentRejectedException {@code BODY_TOO_LONG} over the length limit
   */
  String preview(@NotNull String body);

  /**
   * The votes a visitor (their voter key) cast on the comments of an article: comment id to {@code
   * 1} or {@code -1}. Empty for an unknown key.
   */
  Map<Long, Integer> ownVotes(long articleId, @NotNull String voterKey);

  /**
   * The number of approved comments of each article, in one query. Articles without comments map to
   * 0.
   */
  Map<Long, Long> countApproved(@NotNull Collection<Long> articleIds);

  /**
   * The approved count and newest approved comment of an article's discussion, in one cheap query
   * (no comment is read): what a page polls to announce new comments.
   */
  DiscussionState state(long articleId);

  /**
   * The newest approved comments, newest first.
   *
   * @param articleId one article's, or {@code null} for the whole site (readable articles only)
   */
  List<LatestComment> latest(Long articleId, int limit);

  /** A comment with this id, whatever its status, for moderation. */
  Optional<CommentView> find(long commentId);

  /**
   * Moves a comment to another status (a moderator's decision). Approving a reply tells the
   * subscribers of its parent, once.
   *
   * @throws CommentRejectedException {@code COMMENT_NOT_FOUND} if no comment has this id
   */
  void moderate(long commentId, @NotNull CommentStatus status);

  /** The comments in a status, newest first, for moderation. */
  List<CommentView> withStatus(@NotNull CommentStatus status, int page, int size);

  /**
   * Sends every later comment with this comment's e-mail address or address hash to spam.
   *
   * @throws CommentRejectedException {@code COMMENT_NOT_FOUND} if no comment has this id
   */
  void banAuthorOf(long commentId);

  /** Everything stored about the comments written with this e-mail address, as JSON. */
  String exportByEmail(@NotNull String email);

  /**
   * Erases every comment written with this e-mail address (replies by others stay, under a
   * placeholder) and its subscriptions.
   *
   * @return how many comments were erased
   */
  int eraseByEmail(@NotNull String email);

  /** Confirms a reply subscription from the link of its confirmation mail. */
  boolean confirmSubscription(@NotNull String token);

  /** Ends a reply subscription from the link at the foot of every mail. */
  boolean unsubscribe(@NotNull String token);

  /** The number of comments of an article, whatever their status. */
  long countAll(long articleId);

  /**
   * The longest body accepted now, in characters (code points), for the form's counter: the
   * console's setting if saved, else {@code tribune.comments.max-length}.
   */
  int maxLength();

  /**
   * The order of a discussion for a reader who has not chosen one: the console's setting if saved,
   * else {@code tribune.comments.default-sort} (newest first).
   */
  CommentSort defaultSort();
}
