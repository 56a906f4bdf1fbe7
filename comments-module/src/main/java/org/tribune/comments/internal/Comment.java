package org.tribune.comments.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.tribune.comments.api.CommentLimits;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.CommentView;

/** A reader's comment under an article, known here by its id only. */
@Entity
@Table(name = "comments_comment")
@NamedQuery(
    name = Comment.FIND_BY_ARTICLE_AND_STATUS,
    query =
        "SELECT c FROM Comment c WHERE c.articleId = :articleId AND c.status = :status"
            + " ORDER BY c.createdAt, c.id")
@NamedQuery(
    name = Comment.COUNT_BY_ARTICLES_AND_STATUS,
    query =
        "SELECT c.articleId, COUNT(c) FROM Comment c WHERE c.articleId IN :articleIds"
            + " AND c.status = :status GROUP BY c.articleId")
@NamedQuery(
    name = Comment.COUNT_BY_ARTICLE,
    query = "SELECT COUNT(c) FROM Comment c WHERE c.articleId = :articleId")
@NamedQuery(
    name = Comment.DELETE_BY_ARTICLE,
    query = "DELETE FROM Comment c WHERE c.articleId = :articleId")
public class Comment {
  static final String FIND_BY_ARTICLE_AND_STATUS = "Comment.findByArticleAndStatus";
  static final String COUNT_BY_ARTICLES_AND_STATUS = "Comment.countByArticlesAndStatus";
  static final String COUNT_BY_ARTICLE = "Comment.countByArticle";
  static final String DELETE_BY_ARTICLE = "Comment.deleteByArticle";

  @Id
  @SequenceGenerator(
      name = "comments_comment_seq",
      sequenceName = "comments_comment_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comments_comment_seq")
  private Long id;

  @Version private long version;

  @Column(name = "article_id", nullable = false)
  private long articleId;

  @Column(name = "author_name", nullable = false, length = CommentLimits.AUTHOR_NAME_LENGTH)
  private String authorName;

  @Column(nullable = false, length = CommentLimits.BODY_COLUMN_LENGTH)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CommentStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Comment() {}

  /** A new comment, waiting for moderation. */
  public Comment(long articleId, String authorName, String body, Instant now) {
    if (authorName == null || authorName.isBlank() || body == null || body.isBlank()) {
      throw new IllegalArgumentException("A comment needs an author name and a text");
    }
    this.articleId = articleId;
    this.authorName = authorName.strip();
    this.body = body.strip();
    this.status = CommentStatus.PENDING;
    this.createdAt = Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.MICROS);
  }

  public void approve() {
    this.status = CommentStatus.APPROVED;
  }

  public Long getId() {
    return id;
  }

  public long getArticleId() {
    return articleId;
  }

  public String getAuthorName() {
    return authorName;
  }

  public String getBody() {
    return body;
  }

  public CommentStatus getStatus() {
    return status;
  }

  public CommentView toView() {
    return new CommentView(id, articleId, authorName, body, status, createdAt);
  }
}
