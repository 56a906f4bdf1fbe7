package org.tribune.articles.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One line of the console's article list: no body, so a page of them is cheap to read.
 *
 * @param authors in byline order
 * @param section the section, or {@code null}
 * @param publishedAt the publication instant, or {@code null} when not published or scheduled
 * @param version what {@link EditorialService#save} expects to still be current
 * @param pagePath a page's path from the site's root, {@code null} for an article
 */
public record ArticleRow(
    long id,
    String title,
    String slug,
    ArticleStatus status,
    List<AuthorRef> authors,
    SectionRef section,
    Instant publishedAt,
    Instant updatedAt,
    long version,
    String pagePath)
    implements Serializable {

  public ArticleRow {
    authors = List.copyOf(authors);
  }
}
