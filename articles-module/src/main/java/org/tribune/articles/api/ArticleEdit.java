package org.tribune.articles.api;

import java.time.Instant;
import java.util.List;

/**
 * An article as the editor's form shows it, whatever its status.
 *
 * @param draft the current content, with the current slug
 * @param version to send back with {@link EditorialService#save}: a save based on an older version
 *     is refused
 * @param formerSlugs slugs the article had before, newest first; they redirect to the current one
 * @param pagePath a page's path from the site's root, {@code null} for an article
 */
public record ArticleEdit(
    long id,
    ArticleDraft draft,
    ArticleStatus status,
    Instant publishedAt,
    Instant updatedAt,
    long version,
    List<String> formerSlugs,
    String pagePath) {

  public ArticleEdit {
    formerSlugs = List.copyOf(formerSlugs);
  }
}
