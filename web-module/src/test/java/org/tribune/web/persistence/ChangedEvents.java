package org.tribune.web.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tribune.articles.api.ArticleChanged;

/** Counts the committed {@link ArticleChanged} events per article, for the tests. */
@ApplicationScoped
public class ChangedEvents {
  private final Map<Long, Integer> counts = new ConcurrentHashMap<>();

  void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged event) {
    counts.merge(event.articleId(), 1, Integer::sum);
  }

  int count(long articleId) {
    return counts.getOrDefault(articleId, 0);
  }
}
