package org.tribune.articles.api;

import java.util.List;

/**
 * A published article as read on its page.
 *
 * @param bodyHtml the body rendered to sanitised HTML, safe to print as is
 * @param sectionParent the parent of the article's section, or {@code null}
 * @param readingMinutes estimated reading time, at least 1
 * @param revision increases with every change; part of cache keys
 * @param previous the article published just before, or {@code null}
 * @param next the article published just after, or {@code null}
 * @param page a page's options, {@code null} for an article (pages have no neighbours)
 * @param parents a page's parent pages, from the root down; empty for an article
 */
public record ArticleView(
    ArticleSummary summary,
    String bodyHtml,
    SectionRef sectionParent,
    List<TagRef> tags,
    int readingMinutes,
    int revision,
    ArticleSummary previous,
    ArticleSummary next,
    PageOptions page,
    List<PageRef> parents) {

  public ArticleView {
    tags = tags == null ? List.of() : List.copyOf(tags);
    parents = parents == null ? List.of() : List.copyOf(parents);
  }

  /** Whether this is a page rather than an article. */
  public boolean isPage() {
    return page != null;
  }
}
