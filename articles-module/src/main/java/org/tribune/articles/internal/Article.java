package org.tribune.articles.internal;

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
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleSummary;

/** An article: a headline, a byline and a Markdown body, published at an instant. */
@Entity
@Table(name = "articles_article")
@NamedQuery(
    name = Article.FIND_PUBLISHED,
    query =
        "SELECT a FROM Article a WHERE a.status = org.tribune.articles.api.ArticleStatus.PUBLISHED"
            + " AND a.publishedAt <= :now ORDER BY a.publishedAt DESC, a.id DESC")
@NamedQuery(
    name = Article.COUNT_BY_SLUG,
    query = "SELECT COUNT(a) FROM Article a WHERE a.slug = :slug")
@NamedQuery(name = Article.COUNT, query = "SELECT COUNT(a) FROM Article a")
public class Article {
  static final String FIND_PUBLISHED = "Article.findPublished";
  static final String COUNT_BY_SLUG = "Article.countBySlug";
  static final String COUNT = "Article.count";

  @Id
  @SequenceGenerator(
      name = "articles_article_seq",
      sequenceName = "articles_article_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "articles_article_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, length = ArticleLimits.SLUG_LENGTH)
  private String slug;

  @Column(nullable = false, length = ArticleLimits.TITLE_LENGTH)
  private String title;

  @Column(name = "author_name", nullable = false, length = ArticleLimits.AUTHOR_NAME_LENGTH)
  private String authorName;

  @Column(nullable = false, length = ArticleLimits.BODY_LENGTH)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ArticleStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  protected Article() {}

  /** A new draft. Instants are kept to the microsecond, the precision of both databases. */
  public Article(String slug, String title, String authorName, String body, Instant now) {
    this.slug = requireText(slug, "slug");
    this.title = requireText(title, "title").strip();
    this.authorName = requireText(authorName, "authorName").strip();
    this.body = Objects.requireNonNull(body, "body");
    this.status = ArticleStatus.DRAFT;
    this.createdAt = micros(now);
    this.updatedAt = this.createdAt;
  }

  /** Makes the article visible to readers from {@code at} on. */
  public void publish(Instant at, Instant now) {
    this.status = ArticleStatus.PUBLISHED;
    this.publishedAt = micros(at);
    this.updatedAt = micros(now);
  }

  public ArticleSummary toSummary() {
    return new ArticleSummary(id, slug, title, authorName, status, publishedAt, updatedAt);
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getAuthorName() {
    return authorName;
  }

  public String getSlug() {
    return slug;
  }

  public ArticleStatus getStatus() {
    return status;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  static Instant micros(Instant instant) {
    return Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.MICROS);
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
