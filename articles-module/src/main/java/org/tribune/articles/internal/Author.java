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
import java.util.Locale;
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
  static final int EMAIL_LENGTH = 254;

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

  /** Never shown: lets a later import find the same author. Lower case, unique, or null. */
  @Column(length = EMAIL_LENGTH, unique = true)
  private String email;

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

  /**
   * Records the author's e-mail address (stripped, lower case; blank forgets it).
   *
   * @throws IllegalArgumentException if it is longer than the column
   */
  public void recordEmail(String address) {
    String normalized = normalizeEmail(address);
    if (normalized != null && normalized.length() > EMAIL_LENGTH) {
      throw new IllegalArgumentException("An e-mail address has at most 254 characters");
    }
    this.email = normalized;
  }

  /** How e-mail addresses are stored and compared: stripped, lower case; blank is none. */
  static String normalizeEmail(String address) {
    return address == null || address.isBlank() ? null : address.strip().toLowerCase(Locale.ROOT);
  }

  public String getEmail() {
    return email;
  }

  public String getBio() {
    return bio;
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
