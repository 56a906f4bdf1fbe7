package org.tribune.articles.internal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.tribune.articles.api.ArticleChanged;
import org.tribune.articles.internal.Article;
import org.tribune.articles.internal.ArticlesDatabase;

/**
 * Keeps {@code articles_media_use} in step with the articles: on each change of an article, in its
 * transaction, the images it shows now (its lead image, and those its Markdown body refers to as
 * {@code media:42}) replace those it showed. A body's reference to an item not described yet
 * counts: once described, the article is rendered again with it. The rule is {@link
 * Article#mediaShown}, which a restore follows too.
 */
@ApplicationScoped
public class MediaUses {
  @Inject @ArticlesDatabase EntityManager em;

  @Transactional
  void articleChanged(@Observes ArticleChanged event) {
    Article article = em.find(Article.class, event.articleId());
    if (article == null) {
      return;
    }
    Set<Long> shown =
        Article.mediaShown(
            article.getLeadMediaId(),
            article.getBodyFormat(),
            article.getBody(),
            inBody ->
                em.createQuery("SELECT m.id FROM LibraryImage m WHERE m.id IN :ids", Long.class)
                    .setParameter("ids", inBody)
                    .getResultList());
    em.createQuery("DELETE FROM MediaUseRow u WHERE u.articleId = :id")
        .setParameter("id", event.articleId())
        .executeUpdate();
    for (Long mediaId : shown) {
      // Plain SQL: a row of the same key may have been deleted above in this same unit of work.
      em.createNativeQuery("INSERT INTO articles_media_use (media_id, article_id) VALUES (?, ?)")
          .setParameter(1, mediaId)
          .setParameter(2, event.articleId())
          .executeUpdate();
    }
  }
}
