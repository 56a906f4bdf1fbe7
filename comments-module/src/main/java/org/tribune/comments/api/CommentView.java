package org.tribune.comments.api;

import java.time.Instant;

/**
 * A comment as shown under an article.
 *
 * @param parentId the comment it answers, or {@code null} at the top of a thread
 * @param authorName plain text, to be escaped by whoever shows it
 * @param website a checked {@code http(s)} URL, or {@code null}
 * @param bodyHtml the body rendered to safe HTML (paragraphs, line breaks, blockquotes, links with
 *     {@code rel="nofollow ugc noopener"}; nothing else)
 * @param body the body as typed, for editing
 * @param editedAt when its author last changed it, or {@code null}
 * @param own whether the viewer proved to be its author (edit token)
 * @param editableUntil end of the edit window when {@code own}, else {@code null}
 * @param staff written by the editorial team (a staff reply from the console), to be marked so
 * @param featured chosen by the staff (« Sélection de la rédaction »), to be marked so
 * @param avatar the seed of the author's picture (16 hexadecimal digits, the same for every comment
 *     of one author, telling nothing of them), or {@code null}
 */
public record CommentView(
    long id,
    long articleId,
    Long parentId,
    int depth,
    String authorName,
    String website,
    String body,
    String bodyHtml,
    CommentStatus status,
    Instant createdAt,
    Instant editedAt,
    int score,
    boolean own,
    Instant editableUntil,
    boolean staff,
    boolean featured,
    String avatar) {

  /** Whether the viewer sees it only because they wrote it (held for moderation). */
  public boolean held() {
    return status != CommentStatus.APPROVED;
  }
}
