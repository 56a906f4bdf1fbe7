package org.tribune.articles.api;

import java.time.Instant;
import java.util.List;

/**
 * An article as listed on a page.
 *
 * @param authors in byline order, never empty for an article (a page may have none)
 * @param section the section, or {@code null}
 * @param publishedAt the publication instant, {@code null} while a draft
 * @param leadImageUrl an absolute URL, or {@code null}; {@code leadImageAlt} is then set
 * @param leadMediaId the lead image from the media library ({@code MediaService}), or {@code null}
 * @param pagePath a page's path from the site's root without the leading slash ({@code
 *     a-propos/equipe}); {@code null} for an article
 */
public record ArticleSummary(
    long id,
    String slug,
    String title,
    String standfirst,
    List<AuthorRef> authors,
    SectionRef section,
    ArticleStatus status,
    Instant publishedAt,
    Instant updatedAt,
    String leadImageUrl,
    String leadImageAlt,
    boolean commentsOpen,
    Long leadMediaId,
    String pagePath) {

  /** An article's summary. */
  public ArticleSummary(
      long id,
      String slug,
      String title,
      String standfirst,
      List<AuthorRef> authors,
      SectionRef section,
      ArticleStatus status,
      Instant publishedAt,
      Instant updatedAt,
      String leadImageUrl,
      String leadImageAlt,
      boolean commentsOpen,
      Long leadMediaId) {
    this(
        id,
        slug,
        title,
        standfirst,
        authors,
        section,
        status,
        publishedAt,
        updatedAt,
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        leadMediaId,
        null);
  }

  /** A summary without an image from the media library. */
  public ArticleSummary(
      long id,
      String slug,
      String title,
      String standfirst,
      List<AuthorRef> authors,
      SectionRef section,
      ArticleStatus status,
      Instant publishedAt,
      Instant updatedAt,
      String leadImageUrl,
      String leadImageAlt,
      boolean commentsOpen) {
    this(
        id,
        slug,
        title,
        standfirst,
        authors,
        section,
        status,
        publishedAt,
        updatedAt,
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        null);
  }

  /** Whether this is a page (addressed by {@link #pagePath()}) rather than an article. */
  public boolean isPage() {
    return pagePath != null;
  }
}
