package org.tribune.articles.internal.frontpage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribune.articles.api.ArticleNotFoundException;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.Featured;
import org.tribune.articles.api.FrontPageService;
import org.tribune.articles.internal.Article;
import org.tribune.articles.internal.ArticlesDatabase;

/** {@link FrontPageService} on {@code articles_featured}. */
@ApplicationScoped
@Transactional
public class DefaultFrontPageService implements FrontPageService {
  @Inject @ArticlesDatabase private EntityManager em;
  @Inject private ArticleService articles;

  private final Clock clock = Clock.systemUTC();

  @Override
  public List<ArticleSummary> featured(int limit) {
    Instant now = clock.instant();
    List<FeaturedArticle> shown = rows().stream().filter(f -> f.shownAt(now)).toList();
    Map<Long, ArticleSummary> readable =
        articles.readableSummaries(shown.stream().map(FeaturedArticle::articleId).toList());
    List<FeaturedArticle> ordered = new ArrayList<>(shown);
    ordered.removeIf(f -> !readable.containsKey(f.articleId()));
    ordered.sort(
        Comparator.comparingInt((FeaturedArticle f) -> f.toFeatured().position())
            .thenComparing(
                f -> readable.get(f.articleId()).publishedAt(),
                Comparator.nullsLast(Comparator.reverseOrder())));
    return ordered.stream().limit(limit).map(f -> readable.get(f.articleId())).toList();
  }

  @Override
  public List<Featured> placed() {
    return rows().stream().map(FeaturedArticle::toFeatured).toList();
  }

  @Override
  public Optional<Featured> place(long articleId) {
    return Optional.ofNullable(em.find(FeaturedArticle.class, articleId))
        .map(FeaturedArticle::toFeatured);
  }

  @Override
  public void feature(long articleId, int position, Instant until) {
    if (em.find(Article.class, articleId) == null) {
      throw new ArticleNotFoundException(articleId);
    }
    FeaturedArticle row = em.find(FeaturedArticle.class, articleId);
    if (row == null) {
      em.persist(new FeaturedArticle(articleId, position, until));
    } else {
      row.place(position, until);
    }
  }

  @Override
  public void unfeature(long articleId) {
    FeaturedArticle row = em.find(FeaturedArticle.class, articleId);
    if (row != null) {
      em.remove(row);
    }
  }

  private List<FeaturedArticle> rows() {
    return em.createQuery(
            "SELECT f FROM FeaturedArticle f ORDER BY f.position, f.articleId",
            FeaturedArticle.class)
        .getResultList();
  }
}
