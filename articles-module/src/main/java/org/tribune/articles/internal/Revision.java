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
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.RevisionContent;
import org.tribune.articles.api.RevisionInfo;

/**
 * One saved version of an article's content, as the writer sent it (the source, not the rendered
 * body). Written once, never changed; deleted with its article (by the database's cascade). Authors
 * and tags are kept as comma-separated ids: a revision is read whole, never searched.
 */
@Entity
@Table(name = "articles_revision")
@IdClass(Revision.Key.class)
public class Revision {

  @Id
  @Column(name = "article_id")
  private long articleId;

  @Id
  @Column(name = "revision")
  private int number;

  @Column(name = "saved_at", nullable = false)
  private Instant savedAt;

  @Column(name = "saved_by", nullable = false, length = ArticleLimits.EDITOR_LENGTH)
  private String savedBy;

  @Column(nullable = false, length = ArticleLimits.TITLE_LENGTH)
  private String title;

  @Column(nullable = false, length = ArticleLimits.SLUG_LENGTH)
  private String slug;

  @Column(nullable = false, length = ArticleLimits.STANDFIRST_LENGTH)
  private String standfirst;

  @Enumerated(EnumType.STRING)
  @Column(name = "body_format", nullable = false, length = 20)
  private BodyFormat bodyFormat;

  @Column(nullable = false, length = ArticleLimits.BODY_LENGTH)
  private String body;

  @Column(name = "section_id")
  private Long sectionId;

  @Column(name = "author_ids", nullable = false, length = 4000)
  private String authorIds;

  @Column(name = "tag_ids", nullable = false, length = 4000)
  private String tagIds;

  @Column(name = "lead_image_url", length = ArticleLimits.IMAGE_URL_LENGTH)
  private String leadImageUrl;

  @Column(name = "lead_image_alt", length = ArticleLimits.IMAGE_ALT_LENGTH)
  private String leadImageAlt;

  @Column(name = "lead_media_id")
  private Long leadMediaId;

  @Column(name = "comments_open", nullable = false)
  private boolean commentsOpen;

  protected Revision() {}

  /**
   * Revision {@code number} of an article, holding its content as it is now.
   *
   * @param savedBy who saved it; cut to the column's length
   */
  public Revision(Article article, int number, String savedBy, Instant savedAt) {
    if (number < 1) {
      throw new IllegalArgumentException("Revisions are numbered from 1");
    }
    String editor = Texts.require(savedBy, "savedBy").strip();
    ArticleDraft draft = article.toDraft();
    this.articleId = Objects.requireNonNull(article.getId(), "a stored article");
    this.number = number;
    this.savedAt = Article.micros(savedAt);
    this.savedBy =
        editor.length() > ArticleLimits.EDITOR_LENGTH
            ? editor.substring(0, ArticleLimits.EDITOR_LENGTH)
            : editor;
    this.title = draft.title();
    this.slug = draft.slug();
    this.standfirst = draft.standfirst();
    this.bodyFormat = draft.bodyFormat();
    this.body = draft.body();
    this.sectionId = draft.sectionId();
    this.authorIds = join(draft.authorIds());
    this.tagIds = join(draft.tagIds());
    this.leadImageUrl = draft.leadImageUrl();
    this.leadImageAlt = draft.leadImageAlt();
    this.leadMediaId = draft.leadMediaId();
    this.commentsOpen = draft.commentsOpen();
  }

  static String join(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  static List<Long> split(String ids) {
    return ids == null || ids.isBlank()
        ? List.of()
        : Arrays.stream(ids.split(",")).map(String::strip).map(Long::valueOf).toList();
  }

  public long getArticleId() {
    return articleId;
  }

  public int getNumber() {
    return number;
  }

  public String getSavedBy() {
    return savedBy;
  }

  public RevisionInfo toInfo() {
    return new RevisionInfo(number, savedAt, savedBy, title);
  }

  public ArticleDraft toDraft() {
    return new ArticleDraft(
        title,
        slug,
        standfirst,
        bodyFormat,
        body,
        split(authorIds),
        sectionId,
        split(tagIds),
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        leadMediaId);
  }

  public RevisionContent toContent() {
    return new RevisionContent(toInfo(), toDraft());
  }

  /** The primary key: an article and a revision number. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private long articleId;
    private int number;

    public Key() {}

    public Key(long articleId, int number) {
      this.articleId = articleId;
      this.number = number;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.articleId == articleId && key.number == number;
    }

    @Override
    public int hashCode() {
      return Objects.hash(articleId, number);
    }
  }
}
