package org.tribune.web.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tribune.articles.api.ArticlePublished;

/** Counts the committed {@link ArticlePublished} events per article, for the tests. */
@ApplicationScoped
public class PublishedEvents {
  private final Map<Long, Integer> counts = new ConcurrentHashMap<>();

  void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticlePublished event) {
    counts.merge(event.articleId(), 1, Integer::sum);
  }

  int count(long articleId) {
    return counts.getOrDefault(articleId, 0);
  }
}
