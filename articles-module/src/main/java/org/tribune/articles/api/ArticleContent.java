package org.tribune.articles.api;

import java.util.List;

/**
 * A listed article with its rendered body and tags, for feeds.
 *
 * @param bodyHtml sanitised HTML, safe to publish as is
 */
public record ArticleContent(ArticleSummary summary, String bodyHtml, List<TagRef> tags) {
  public ArticleContent {
    tags = List.copyOf(tags);
  }
}
