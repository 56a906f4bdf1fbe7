package org.tribune.comments.api;

import java.time.Instant;
import java.util.List;

/**
 * A comment whole, for an export: its thread by ids, the typed text and its HTML, and what a
 * restore of the site needs to bring back its state: the comment it answered ({@code answeredId}),
 * the hash of its author's address and their browser (as kept for moderation), the hash of its
 * author's editing token (so the author can still edit within the window), whether replies were
 * notified, its votes and the subscriptions to its replies, and when and by whom the staff featured
 * it ({@code null} when not).
 */
public record ExportedComment(
    long id,
    long articleId,
    Long parentId,
    int depth,
    String authorName,
    String email,
    String website,
    String body,
    String bodyHtml,
    CommentStatus status,
    Instant createdAt,
    Instant editedAt,
    int score,
    boolean staff,
    Long answeredId,
    String addressHash,
    String userAgent,
    String editTokenHash,
    boolean repliesNotified,
    List<Vote> votes,
    List<Subscription> subscriptions,
    Instant featuredAt,
    String featuredBy) {

  public ExportedComment {
    votes = votes == null ? List.of() : List.copyOf(votes);
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
  }

  /** A comment the staff did not feature. */
  public ExportedComment(
      long id,
      long articleId,
      Long parentId,
      int depth,
      String authorName,
      String email,
      String website,
      String body,
      String bodyHtml,
      CommentStatus status,
      Instant createdAt,
      Instant editedAt,
      int score,
      boolean staff,
      Long answeredId,
      String addressHash,
      String userAgent,
      String editTokenHash,
      boolean repliesNotified,
      List<Vote> votes,
      List<Subscription> subscriptions) {
    this(
        id,
        articleId,
        parentId,
        depth,
        authorName,
        email,
        website,
        body,
        bodyHtml,
        status,
        createdAt,
        editedAt,
        score,
        staff,
        answeredId,
        addressHash,
        userAgent,
        editTokenHash,
        repliesNotified,
        votes,
        subscriptions,
        null,
        null);
  }

  /** A reader's vote, known by their voter key and their address' hash. */
  public record Vote(
      long id, String voterKey, String addressHash, int direction, Instant createdAt) {}

  /**
   * A subscription to the replies to this comment: the address, the token of its links, and whether
   * the address owner confirmed it (double opt-in).
   */
  public record Subscription(
      long id, String email, String token, boolean confirmed, Instant createdAt) {}
}
