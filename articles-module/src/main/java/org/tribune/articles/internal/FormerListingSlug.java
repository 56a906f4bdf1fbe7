package org.tribune.articles.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.tribune.articles.api.ArticleLimits;

/**
 * A slug that a section, tag or author used to have (renamed, or a tag merged into another): its
 * page answers with a 301 to the current one. Slugs are unique per kind, so the key is the pair. No
 * foreign key: the target is one of three tables; deleting a target deletes its rows.
 */
@Entity
@Table(name = "articles_former_slug")
@IdClass(FormerListingSlug.Key.class)
public class FormerListingSlug {

  /** Which table the target is in. */
  public enum Kind {
    SECTION,
    TAG,
    AUTHOR
  }

  @Id
  @Enumerated(EnumType.STRING)
  @Column(length = 10)
  private Kind kind;

  @Id
  @Column(length = ArticleLimits.SLUG_LENGTH)
  private String slug;

  @Column(name = "target_id", nullable = false)
  private long targetId;

  @Column(name = "replaced_at", nullable = false)
  private Instant replacedAt;

  protected FormerListingSlug() {}

  public FormerListingSlug(Kind kind, String slug, long targetId, Instant replacedAt) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.slug = Texts.require(slug, "slug");
    this.targetId = targetId;
    this.replacedAt = Article.micros(replacedAt);
  }

  public long getTargetId() {
    return targetId;
  }

  /** The primary key: a kind and a slug. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Kind kind;
    private String slug;

    public Key() {}

    public Key(Kind kind, String slug) {
      this.kind = kind;
      this.slug = slug;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.kind == kind && Objects.equals(key.slug, slug);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, slug);
    }
  }
}
