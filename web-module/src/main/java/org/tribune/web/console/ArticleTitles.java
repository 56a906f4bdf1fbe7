package org.tribune.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;

/**
 * The titles of the articles that comments name, for the console's lists: the readable ones in one
 * query, the others (drafts, trashed) one by one, which are few. A vanished article shows as {@code
 * #id}.
 */
@ApplicationScoped
public class ArticleTitles {
  @Inject private ArticleService articles;

  public Map<Long, String> of(Collection<Long> ids) {
    Map<Long, String> titles = new HashMap<>();
    if (ids.isEmpty()) {
      return titles;
    }
    Map<Long, ArticleSummary> readable = articles.readableSummaries(ids);
    for (Long id : ids) {
      ArticleSummary summary = readable.get(id);
      if (summary == null) {
        summary = articles.find(id).orElse(null);
      }
      titles.put(id, summary == null ? "#" + id : summary.title());
    }
    return titles;
  }
}
