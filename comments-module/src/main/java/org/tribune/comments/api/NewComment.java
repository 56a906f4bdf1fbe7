package org.tribune.comments.api;

import java.util.List;

/**
 * What a reader typed in the comment form. Nothing is trusted: the service checks every field and
 * reports every problem at once (see {@link CommentRejectedException}).
 *
 * @param parentId the comment answered, or {@code null} for a new thread
 * @param email never shown publicly
 * @param website optional, {@code http} or {@code https} only
 * @param subscribe whether to be told of replies by e-mail (double opt-in)
 * @param quotedIds the comments of the article it quotes (the form's « Citer »): their subscribed
 *     authors hear of it once it is approved; ids that are not approved comments of the article are
 *     ignored, and at most {@link #MOST_QUOTED} are kept
 */
public record NewComment(
    long articleId,
    Long parentId,
    String authorName,
    String email,
    String website,
    String body,
    boolean subscribe,
    List<Long> quotedIds) {

  /** Most quoted comments kept for one comment. */
  public static final int MOST_QUOTED = 5;

  public NewComment {
    quotedIds = quotedIds == null ? List.of() : List.copyOf(quotedIds);
  }

  /** A comment quoting no other. */
  public NewComment(
      long articleId,
      Long parentId,
      String authorName,
      String email,
      String website,
      String body,
      boolean subscribe) {
    this(articleId, parentId, authorName, email, website, body, subscribe, List.of());
  }
}
