package org.tribune.articles.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * An article as the source platform had it. {@code slug} is a wish (see {@link
 * ArticleTransferService#create}); {@code publishedAt} is required for the SCHEDULED, PUBLISHED and
 * ARCHIVED statuses and kept (as the planned date) for the others when given. A TRASHED article is
 * written in the bin. {@code sticky} (WordPress's "stick to the front page") is kept, exported, and
 * puts the article first on the home page while it is published.
 *
 * <p>{@code leadMediaId}: the media library's image it leads with (one with a text alternative), or
 * {@code null}.
 *
 * <p>{@code page} makes it a page of the site (its parent by id, already written); a page ignores
 * {@code sectionId} and {@code tagIds}, and a page at the root never takes an address the site
 * answers (its slug gets a number instead). An import never changes the kind of what it updates: an
 * article imported earlier stays an article.
 */
public record ImportedArticle(
    @NotBlank @Size(max = ArticleLimits.TITLE_LENGTH) String title,
    @Size(max = 1000) String slug,
    @Size(max = ArticleLimits.STANDFIRST_LENGTH) String standfirst,
    @NotNull BodyFormat bodyFormat,
    @Size(max = ArticleLimits.BODY_LENGTH) String body,
    @NotNull ArticleStatus status,
    @NotNull Instant createdAt,
    Instant publishedAt,
    @NotNull Instant updatedAt,
    Long sectionId,
    @NotEmpty List<Long> authorIds,
    @NotNull List<Long> tagIds,
    String leadImageUrl,
    String leadImageAlt,
    boolean commentsOpen,
    boolean sticky,
    @NotBlank @Size(max = ArticleLimits.EDITOR_LENGTH) String importedBy,
    PageOptions page,
    Long leadMediaId) {

  public ImportedArticle {
    standfirst = standfirst == null ? "" : standfirst.strip();
    body = body == null ? "" : body;
    authorIds = List.copyOf(authorIds);
    tagIds = List.copyOf(tagIds);
  }

  /** An article (not a page). */
  public ImportedArticle(
      String title,
      String slug,
      String standfirst,
      BodyFormat bodyFormat,
      String body,
      ArticleStatus status,
      Instant createdAt,
      Instant publishedAt,
      Instant updatedAt,
      Long sectionId,
      List<Long> authorIds,
      List<Long> tagIds,
      String leadImageUrl,
      String leadImageAlt,
      boolean commentsOpen,
      boolean sticky,
      String importedBy) {
    this(
        title,
        slug,
        standfirst,
        bodyFormat,
        body,
        status,
        createdAt,
        publishedAt,
        updatedAt,
        sectionId,
        authorIds,
        tagIds,
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        sticky,
        importedBy,
        null,
        null);
  }

  public boolean isPage() {
    return page != null;
  }
}
