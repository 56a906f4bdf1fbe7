package org.tribune.articles.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tribune.articles.api.ArticleLimits;

/** A slug an article used to have; requests for it are redirected to the current one. */
@Entity
@Table(name = "articles_slug_history")
@NamedQuery(
    name = FormerSlug.DELETE_FOR_ARTICLE_SLUG,
    query = "DELETE FROM FormerSlug f WHERE f.slug = :slug")
public class FormerSlug {
  static final String DELETE_FOR_ARTICLE_SLUG = "FormerSlug.deleteBySlug";

  @Id
  @Column(length = ArticleLimits.SLUG_LENGTH)
  private String slug;

  @Column(name = "article_id", nullable = false)
  private long articleId;

  @Column(name = "replaced_at", nullable = false)
  private Instant replacedAt;

  protected FormerSlug() {}

  public FormerSlug(String slug, long articleId, Instant replacedAt) {
    this.slug = Texts.require(slug, "slug");
    this.articleId = articleId;
    this.replacedAt = replacedAt.truncatedTo(ChronoUnit.MICROS);
  }

  public String getSlug() {
    return slug;
  }

  public long getArticleId() {
    return articleId;
  }
}
