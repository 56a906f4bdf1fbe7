package org.tribune.articles.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.PageOptions;
import org.tribune.articles.api.SectionRef;
import org.tribune.articles.api.TagRef;

/**
 * An article. Its body is rendered to sanitised HTML when it is written (each revision), never when
 * it is read. Its queries live in {@link ArticleQueries}.
 */
@Entity
@Table(name = "articles_article")
public class Article {

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

  @Column(nullable = false, length = ArticleLimits.STANDFIRST_LENGTH)
  private String standfirst;

  @Column(nullable = false, length = ArticleLimits.BODY_LENGTH)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(name = "body_format", nullable = false, length = 20)
  private BodyFormat bodyFormat;

  @Column(name = "body_html", nullable = false, length = 2 * ArticleLimits.BODY_LENGTH)
  private String bodyHtml;

  @Column(name = "word_count", nullable = false)
  private int wordCount;

  @Column(nullable = false)
  private int revision;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ArticleStatus status;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "section_id")
  private Section section;

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "articles_article_author",
      joinColumns = @JoinColumn(name = "article_id"),
      inverseJoinColumns = @JoinColumn(name = "author_id"))
  @OrderColumn(name = "position")
  private List<Author> authors = new ArrayList<>();

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "articles_article_tag",
      joinColumns = @JoinColumn(name = "article_id"),
      inverseJoinColumns = @JoinColumn(name = "tag_id"))
  @OrderBy("name")
  private Set<Tag> tags = new LinkedHashSet<>();

  @Column(name = "lead_image_url", length = ArticleLimits.IMAGE_URL_LENGTH)
  private String leadImageUrl;

  @Column(name = "lead_image_alt", length = ArticleLimits.IMAGE_ALT_LENGTH)
  private String leadImageAlt;

  @Column(name = "lead_media_id")
  private Long leadMediaId;

  @Column(name = "comments_open", nullable = false)
  private boolean commentsOpen;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  /** Put first on the home page while listed (WordPress's "stick to the front page"). */
  @Column(nullable = false)
  private boolean sticky;

  /** A page's path from the site's root ({@code a-propos/equipe}); {@code null} for an article. */
  @Column(name = "page_path", length = ArticleLimits.SLUG_LENGTH)
  private String pagePath;

  /** A page's parent page, or {@code null}. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private Article parent;

  @Column(name = "show_byline", nullable = false)
  private boolean showByline;

  @Column(name = "show_date", nullable = false)
  private boolean showDate;

  @Column(name = "show_share", nullable = false)
  private boolean showShare;

  protected Article() {}

  /** A new draft, at revision 1. */
  public Article(String slug, Content content, Instant now) {
    this.status = ArticleStatus.DRAFT;
    this.createdAt = micros(now);
    this.revision = 0;
    revise(slug, content, now);
  }

  /**
   * Makes this content a page at {@code path} under {@code newParent} (or at the root), showing
   * what {@code options} turns on. The caller checked the path (free, not reserved, no loop).
   */
  void place(String path, Article newParent, PageOptions options) {
    if (options.parentId() != null
        && (newParent == null || !options.parentId().equals(newParent.getId()))) {
      throw new IllegalArgumentException("The parent entity does not match the options");
    }
    this.pagePath = Texts.require(path, "path");
    this.parent = newParent;
    this.showByline = options.showByline();
    this.showDate = options.showDate();
    this.showShare = options.showShare();
  }

  /** A page's new path when one of its parents moved; no new revision. */
  void movePath(String path) {
    this.pagePath = Texts.require(path, "path");
  }

  public boolean isPage() {
    return pagePath != null;
  }

  /** A page's options, {@code null} for an article. */
  public PageOptions pageOptions() {
    return pagePath == null
        ? null
        : new PageOptions(parent == null ? null : parent.getId(), showByline, showDate, showShare);
  }

  public String getPagePath() {
    return pagePath;
  }

  public Article getParent() {
    return parent;
  }

  /** Replaces the content and slug; the revision goes up. */
  public void revise(String newSlug, Content content, Instant now) {
    if (content.authors().isEmpty() && !content.page()) {
      throw new IllegalArgumentException("An article needs at least one author");
    }
    if (content.leadImageUrl() != null && content.leadImageAlt() == null) {
      throw new IllegalArgumentException("A lead image needs its text alternative");
    }
    this.slug = Texts.require(newSlug, "slug");
    this.title = Texts.require(content.title(), "title").strip();
    this.standfirst = content.standfirst();
    this.body = content.body();
    this.bodyFormat = content.format();
    this.bodyHtml = content.rendered().html();
    this.wordCount = content.rendered().wordCount();
    this.section = content.section();
    this.authors.clear();
    this.authors.addAll(content.authors());
    this.tags.clear();
    this.tags.addAll(content.tags());
    this.leadImageUrl = content.leadImageUrl();
    this.leadImageAlt = content.leadImageAlt();
    this.leadMediaId = content.leadMediaId();
    this.commentsOpen = content.commentsOpen();
    touch(now);
  }

  /**
   * Publishes at {@code at}: at once when it is not in the future, else scheduled. An article in
   * the bin must be restored first.
   */
  public void publish(Instant at, Instant now) {
    if (status == ArticleStatus.TRASHED) {
      throw new IllegalStateException("An article in the bin cannot be published");
    }
    this.publishedAt = micros(at);
    this.status = at.isAfter(now) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
    touch(now);
  }

  /** Takes a readable article off the lists; it stays at its address. */
  public void archive(Instant now) {
    if (!isReadable(now)) {
      throw new IllegalStateException("Only a readable article can be archived");
    }
    this.status = ArticleStatus.ARCHIVED;
    touch(now);
  }

  /** Back to a draft, invisible to readers. */
  public void unpublish(Instant now) {
    this.status = ArticleStatus.DRAFT;
    this.publishedAt = null;
    touch(now);
  }

  /** Submits a draft for an editor's review. */
  public void submit(Instant now) {
    if (status != ArticleStatus.DRAFT) {
      throw new IllegalStateException("Only a draft can be submitted, not a " + status);
    }
    this.status = ArticleStatus.PENDING;
    touch(now);
  }

  /**
   * Puts the article in the bin, whatever its status; it forgets its publication instant, so that
   * it comes back as a plain draft.
   */
  public void trash(Instant now) {
    this.status = ArticleStatus.TRASHED;
    this.publishedAt = null;
    touch(now);
  }

  /** Takes the article out of the bin, as a draft. */
  public void restore(Instant now) {
    if (status != ArticleStatus.TRASHED) {
      throw new IllegalStateException("Only an article in the bin can be restored");
    }
    this.status = ArticleStatus.DRAFT;
    touch(now);
  }

  /**
   * Takes the status, dates and sticky flag of an article imported from another platform, as it had
   * them. Called right after the content was written (a new article, or {@link #revise}), so the
   * revision counter is left as that made it.
   *
   * @throws IllegalArgumentException if a published, scheduled or archived article has no
   *     publication instant, or it was changed before it was created
   */
  public void takeOver(
      ArticleStatus newStatus,
      Instant created,
      Instant updated,
      Instant published,
      boolean isSticky) {
    Objects.requireNonNull(newStatus, "status");
    if (published == null && ArticleRepository.READABLE.contains(newStatus)) {
      throw new IllegalArgumentException("A " + newStatus + " article needs a publication date");
    }
    this.status = newStatus;
    this.createdAt = micros(created);
    this.updatedAt = micros(updated);
    this.publishedAt = published == null ? null : micros(published);
    this.sticky = isSticky;
  }

  /**
   * The instant from which the article is listed (on the home page, in sections, in search): its
   * publication instant while published or scheduled, {@code null} otherwise.
   */
  public Instant listedFrom() {
    return listedFrom(status, publishedAt);
  }

  /** The instant an article of this status and publication instant is listed from, or null. */
  static Instant listedFrom(ArticleStatus status, Instant publishedAt) {
    return status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED
        ? publishedAt
        : null;
  }

  /**
   * The library's images an article shows, as {@code articles_media_use} records them: its lead
   * image, then those its body refers to ({@link BodyRenderer#mediaIds}) that exist, whether they
   * render yet or not.
   *
   * @param existing of the ids a body refers to, those the library has
   */
  public static Set<Long> mediaShown(
      Long leadMediaId,
      BodyFormat format,
      String body,
      Function<Set<Long>, Collection<Long>> existing) {
    Set<Long> shown = new LinkedHashSet<>();
    if (leadMediaId != null) {
      shown.add(leadMediaId);
    }
    Set<Long> inBody = BodyRenderer.mediaIds(format, body);
    if (!inBody.isEmpty()) {
      // Only those that exist: a reference to an unknown item renders nothing and uses nothing.
      shown.addAll(existing.apply(inBody));
    }
    return shown;
  }

  public boolean isReadable(Instant now) {
    return ArticleRepository.READABLE.contains(status)
        && publishedAt != null
        && !publishedAt.isAfter(now);
  }

  private void touch(Instant now) {
    this.updatedAt = micros(now);
    this.revision++;
  }

  public ArticleSummary toSummary() {
    return new ArticleSummary(
        id,
        slug,
        title,
        standfirst,
        authors.stream().map(Author::toRef).toList(),
        section == null ? null : section.toRef(),
        status,
        publishedAt,
        updatedAt,
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        leadMediaId,
        pagePath);
  }

  /** The tags in alphabetical order (accents ignored), whatever order they were loaded in. */
  public List<TagRef> tagRefs() {
    return tags.stream()
        .sorted(FrenchOrder.byName(Tag::getName, Tag::getId))
        .map(Tag::toRef)
        .toList();
  }

  public SectionRef sectionParent() {
    return section == null || section.getParent() == null ? null : section.getParent().toRef();
  }

  /** The content as a writer would send it again: current slug, ids of authors, section, tags. */
  public ArticleDraft toDraft() {
    return new ArticleDraft(
        title,
        slug,
        standfirst,
        bodyFormat,
        body,
        authors.stream().map(Author::getId).toList(),
        section == null ? null : section.getId(),
        tags.stream().map(Tag::getId).sorted().toList(),
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        leadMediaId,
        pageOptions());
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getSlug() {
    return slug;
  }

  public String getTitle() {
    return title;
  }

  public String getStandfirst() {
    return standfirst;
  }

  public ArticleStatus getStatus() {
    return status;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getBodyHtml() {
    return bodyHtml;
  }

  public int getWordCount() {
    return wordCount;
  }

  public int getRevision() {
    return revision;
  }

  public boolean isCommentsOpen() {
    return commentsOpen;
  }

  public boolean isSticky() {
    return sticky;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getBody() {
    return body;
  }

  public BodyFormat getBodyFormat() {
    return bodyFormat;
  }

  public String getLeadImageUrl() {
    return leadImageUrl;
  }

  public String getLeadImageAlt() {
    return leadImageAlt;
  }

  public Long getLeadMediaId() {
    return leadMediaId;
  }

  public Section getSection() {
    return section;
  }

  public List<Author> getAuthors() {
    return List.copyOf(authors);
  }

  static Instant micros(Instant instant) {
    return Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.MICROS);
  }

  /** Everything a writer decides about an article, resolved to entities and rendered. */
  public record Content(
      String title,
      String standfirst,
      BodyFormat format,
      String body,
      BodyRenderer.Rendered rendered,
      List<Author> authors,
      Section section,
      List<Tag> tags,
      String leadImageUrl,
      String leadImageAlt,
      boolean commentsOpen,
      Long leadMediaId,
      boolean page) {

    /** An article's content. */
    public Content(
        String title,
        String standfirst,
        BodyFormat format,
        String body,
        BodyRenderer.Rendered rendered,
        List<Author> authors,
        Section section,
        List<Tag> tags,
        String leadImageUrl,
        String leadImageAlt,
        boolean commentsOpen,
        Long leadMediaId) {
      this(
          title,
          standfirst,
          format,
          body,
          rendered,
          authors,
          section,
          tags,
          leadImageUrl,
          leadImageAlt,
          commentsOpen,
          leadMediaId,
          false);
    }

    /** Content without an image from the media library. */
    public Content(
        String title,
        String standfirst,
        BodyFormat format,
        String body,
        BodyRenderer.Rendered rendered,
        List<Author> authors,
        Section section,
        List<Tag> tags,
        String leadImageUrl,
        String leadImageAlt,
        boolean commentsOpen) {
      this(
          title,
          standfirst,
          format,
          body,
          rendered,
          authors,
          section,
          tags,
          leadImageUrl,
          leadImageAlt,
          commentsOpen,
          null);
    }
  }
}
