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
 */
public record ArticleView(
    ArticleSummary summary,
    String bodyHtml,
    SectionRef sectionParent,
    List<TagRef> tags,
    int readingMinutes,
    int revision,
    ArticleSummary previous,
    ArticleSummary next) {}
