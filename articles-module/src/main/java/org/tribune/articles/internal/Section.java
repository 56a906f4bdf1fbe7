package org.tribune.articles.internal;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.SectionRef;

/**
 * A section. Sections nest one level only: the constructor refuses a sub-section as parent. Few and
 * rarely changed: kept in the shared cache.
 */
@Entity(name = "ArticleSection")
@Table(name = "articles_section")
@Cacheable
@NamedQuery(
    name = Section.FIND_BY_SLUG,
    query = "SELECT s FROM ArticleSection s WHERE s.slug = :slug")
@NamedQuery(
    name = Section.FIND_ALL,
    query = "SELECT s FROM ArticleSection s ORDER BY s.position, s.name, s.id")
@NamedQuery(
    name = Section.NEXT_POSITION,
    query = "SELECT COALESCE(MAX(s.position), 0) + 1 FROM ArticleSection s")
public class Section {
  static final String FIND_BY_SLUG = "ArticleSection.findBySlug";
  static final String FIND_ALL = "ArticleSection.findAll";
  static final String NEXT_POSITION = "ArticleSection.nextPosition";

  @Id
  @SequenceGenerator(
      name = "articles_section_seq",
      sequenceName = "articles_section_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "articles_section_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, length = ArticleLimits.SLUG_LENGTH)
  private String slug;

  @Column(nullable = false, length = ArticleLimits.NAME_LENGTH)
  private String name;

  @Column(nullable = false, length = ArticleLimits.DESCRIPTION_LENGTH)
  private String description;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "parent_id")
  private Section parent;

  @Column(nullable = false)
  private int position;

  protected Section() {}

  public Section(String slug, String name, String description, Section parent, int position) {
    if (parent != null && parent.parent != null) {
      throw new IllegalArgumentException("Sections nest one level only");
    }
    this.slug = Texts.require(slug, "slug");
    this.name = Texts.require(name, "name").strip();
    this.description = description == null ? "" : description.strip();
    this.parent = parent;
    this.position = position;
  }

  /** New name, slug and description; the parent stays. */
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

  public String getDescription() {
    return description;
  }

  public int getPosition() {
    return position;
  }

  public Section getParent() {
    return parent;
  }

  public SectionRef toRef() {
    return new SectionRef(id, slug, name);
  }
}
