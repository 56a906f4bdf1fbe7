package org.tribune.articles.api;

import java.time.Instant;
import java.util.List;

/**
 * An article whole, for an export: the source body and its sanitised HTML, status and dates,
 * section, authors (byline order) and tags by id, former slugs, and its revisions (oldest first).
 *
 * @param leadMediaId the media library item it leads with ({@link MediaService}), or {@code null}
 * @param pagePath a page's path from the site's root ({@code a-propos/equipe}), {@code null} for an
 *     article
 * @param page a page's parent and options, {@code null} for an article
 */
public record ExportedArticle(
    long id,
    String slug,
    String title,
    String standfirst,
    BodyFormat bodyFormat,
    String body,
    String bodyHtml,
    ArticleStatus status,
    Long sectionId,
    List<Long> authorIds,
    List<Long> tagIds,
    String leadImageUrl,
    String leadImageAlt,
    Long leadMediaId,
    boolean commentsOpen,
    boolean sticky,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt,
    int revision,
    List<String> formerSlugs,
    List<RevisionContent> revisions,
    String pagePath,
    PageOptions page) {

  public ExportedArticle {
    authorIds = List.copyOf(authorIds);
    tagIds = List.copyOf(tagIds);
    formerSlugs = List.copyOf(formerSlugs);
    revisions = List.copyOf(revisions);
  }

  public boolean isPage() {
    return page != null;
  }
}
