package org.tribune.articles.internal;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.TagRef;

/** A tag. Kept in the shared cache. */
@Entity(name = "ArticleTag")
@Table(name = "articles_tag")
@Cacheable
@NamedQuery(name = Tag.FIND_BY_SLUG, query = "SELECT t FROM ArticleTag t WHERE t.slug = :slug")
public class Tag {
  static final String FIND_BY_SLUG = "ArticleTag.findBySlug";

  @Id
  @SequenceGenerator(
      name = "articles_tag_seq",
      sequenceName = "articles_tag_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "articles_tag_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, length = ArticleLimits.SLUG_LENGTH)
  private String slug;

  @Column(nullable = false, length = ArticleLimits.NAME_LENGTH)
  private String name;

  @Column(nullable = false, length = ArticleLimits.DESCRIPTION_LENGTH)
  private String description;

  protected Tag() {}

  public Tag(String slug, String name, String description) {
    this.slug = Texts.require(slug, "slug");
    this.name = Texts.require(name, "name").strip();
    this.description = description == null ? "" : description.strip();
  }

  /** New name, slug and description. */
  public void rename(String newName, String newSlug, String newDescription) {
    this.slug = Texts.require(newSlug, "slug");
    this.name = Texts.require(newName, "name").strip();
    this.description = newDescription == null ? "" : newDescription.strip();
  }

  public Long getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }

  public TagRef toRef() {
    return new TagRef(id, slug, name);
  }

  public org.tribune.articles.api.Tag toRecord() {
    return new org.tribune.articles.api.Tag(id, slug, name, description);
  }
}
