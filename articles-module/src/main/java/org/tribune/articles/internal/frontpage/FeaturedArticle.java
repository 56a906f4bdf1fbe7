package org.tribune.articles.internal.frontpage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.articles.api.Featured;

/** An article on the front page (table {@code articles_featured}). */
@Entity(name = "FeaturedArticle")
@Table(name = "articles_featured")
public class FeaturedArticle {
  @Id
  @Column(name = "article_id")
  private long articleId;

  @Column(nullable = false)
  private int position;

  @Column(name = "until")
  private Instant until;

  protected FeaturedArticle() {}

  FeaturedArticle(long articleId, int position, Instant until) {
    this.articleId = articleId;
    place(position, until);
  }

  void place(int newPosition, Instant newUntil) {
    if (newPosition < 1 || newPosition > Featured.MAX_POSITION) {
      throw new IllegalArgumentException("position " + newPosition);
    }
    this.position = newPosition;
    this.until = newUntil;
  }

  /** Whether it is still on the front page at this instant. */
  boolean shownAt(Instant now) {
    return until == null || until.isAfter(now);
  }

  Featured toFeatured() {
    return new Featured(articleId, position, until);
  }

  long articleId() {
    return articleId;
  }
}
