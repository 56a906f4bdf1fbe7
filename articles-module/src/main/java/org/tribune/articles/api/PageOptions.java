package org.tribune.articles.api;

import java.io.Serializable;

/**
 * What makes a piece of content a page rather than an article: its place in the page tree and what
 * it shows. A page is addressed from the site's root by its path (its parents' slugs, then its own:
 * {@code /a-propos/equipe}); it never appears in the article lists, the archives or the article
 * feed, but the sitemap and the search find it. Byline, date and share links are off unless turned
 * on; its discussion follows {@link ArticleDraft#commentsOpen()}.
 *
 * @param parentId the parent page, or {@code null} for a page at the root
 */
public record PageOptions(Long parentId, boolean showByline, boolean showDate, boolean showShare)
    implements Serializable {

  /** A page at the root that shows its title and text only. */
  public static PageOptions atRoot() {
    return new PageOptions(null, false, false, false);
  }

  /** The same options under another parent ({@code null} for the root). */
  public PageOptions under(Long newParentId) {
    return new PageOptions(newParentId, showByline, showDate, showShare);
  }
}
