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
import org.tribune.articles.api.AuthorRef;

/** An author's profile. Few and rarely changed: kept in the shared cache. */
@Entity(name = "ArticleAuthor")
@Table(name = "articles_author")
@Cacheable
@NamedQuery(
    name = Author.FIND_BY_SLUG,
    query = "SELECT a FROM ArticleAuthor a WHERE a.slug = :slug")
@NamedQuery(name = Author.FIND_ALL, query = "SELECT a FROM ArticleAuthor a ORDER BY a.name, a.id")
public class Author {
  static final String FIND_BY_SLUG = "ArticleAuthor.findBySlug";
  static final String FIND_ALL = "ArticleAuthor.findAll";

  @Id
  @SequenceGenerator(
      name = "articles_author_seq",
      sequenceName = "articles_author_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "articles_author_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, length = ArticleLimits.SLUG_LENGTH)
  private String slug;

  @Column(nullable = false, length = ArticleLimits.NAME_LENGTH)
  private String name;

  @Column(nullable = false, length = ArticleLimits.DESCRIPTION_LENGTH)
  private String bio;

  protected Author() {}

  public Author(String slug, String name, String bio) {
    this.slug = Texts.require(slug, "slug");
    this.name = Texts.require(name, "name").strip();
    this.bio = bio == null ? "" : bio.strip();
  }

  /** New name, slug (derived from the name by the caller) and biography. */
  public void update(String newName, String newSlug, String newBio) {
    this.slug = Texts.require(newSlug, "slug");
    this.name = Texts.require(newName, "name").strip();
    this.bio = newBio == null ? "" : newBio.strip();
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

  public AuthorRef toRef() {
    return new AuthorRef(id, slug, name);
  }

  public org.tribune.articles.api.Author toRecord() {
    return new org.tribune.articles.api.Author(id, slug, name, bio);
  }
}
