package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tribune.articles.api.ArticleDeleted;
import org.tribune.articles.api.ArticleNotFoundException;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.NewArticle;

/** The JPA-backed {@link ArticleService}. */
@ApplicationScoped
@Transactional
public class DefaultArticleService implements ArticleService {

  @PersistenceContext(unitName = "articles")
  private EntityManager em;

  @Inject private Event<ArticleDeleted> deleted;

  private final Clock clock = Clock.systemUTC();

  @Override
  public long createDraft(NewArticle draft) {
    Article article =
        new Article(
            freeSlug(Slugs.of(draft.title())),
            draft.title(),
            draft.authorName(),
            draft.body(),
            clock.instant());
    em.persist(article);
    em.flush();
    return article.getId();
  }

  @Override
  public void publish(long articleId, Instant publishedAt) {
    load(articleId).publish(publishedAt, clock.instant());
  }

  @Override
  public void delete(long articleId) {
    Article article = load(articleId);
    deleted.fire(new ArticleDeleted(articleId));
    em.remove(article);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ArticleSummary> find(long articleId) {
    return Optional.ofNullable(em.find(Article.class, articleId)).map(Article::toSummary);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ArticleSummary> latestPublished(int limit) {
    return em.createNamedQuery(Article.FIND_PUBLISHED, Article.class)
        .setParameter("now", clock.instant())
        .setMaxResults(limit)
        .getResultStream()
        .map(Article::toSummary)
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean isPublished(long articleId) {
    Article article = em.find(Article.class, articleId);
    return article != null
        && article.getStatus() == ArticleStatus.PUBLISHED
        && !article.getPublishedAt().isAfter(clock.instant());
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public long count() {
    return em.createNamedQuery(Article.COUNT, Long.class).getSingleResult();
  }

  private Article load(long articleId) {
    Article article = em.find(Article.class, articleId);
    if (article == null) {
      throw new ArticleNotFoundException(articleId);
    }
    return article;
  }

  private String freeSlug(String base) {
    for (int n = 1; ; n++) {
      String candidate = Slugs.numbered(base, n);
      long taken =
          em.createNamedQuery(Article.COUNT_BY_SLUG, Long.class)
              .setParameter("slug", candidate)
              .getSingleResult();
      if (taken == 0) {
        return candidate;
      }
    }
  }
}
