package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tribune.articles.api.ArticleChanged;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.SlugTakenException;

/**
 * Writes an article's content, the one way both {@link DefaultArticleService} and {@link
 * DefaultEditorialService} do it: slug rules (generated, unique, former slugs kept), rendering,
 * search index, a new {@link Revision}, and {@link ArticleChanged}. Runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class ArticleWriter {
  /** Who saved what was written outside the console (demo content, imports, tests). */
  static final String SYSTEM = "system";

  @Inject @ArticlesDatabase private EntityManager em;

  @Inject private ArticleRepository repository;
  @Inject private SearchIndex searchIndex;
  @Inject private BodyRenderer renderer;
  @Inject private Event<ArticleChanged> changed;

  /** Stores a new draft and its revision 1. */
  Article create(ArticleDraft draft, String editor, Instant now) {
    String slug = draft.slug() != null ? requireFree(draft.slug(), null) : freeSlug(draft.title());
    Article article = new Article(slug, content(draft), now);
    em.persist(article);
    em.flush();
    searchIndex.index(article);
    em.persist(new Revision(article, 1, editor, now));
    changed.fire(new ArticleChanged(article.getId(), article.getRevision()));
    return article;
  }

  /** Replaces the content of an article and stores it as its next revision. */
  void revise(Article article, ArticleDraft draft, String editor, Instant now) {
    long articleId = article.getId();
    String former = article.getSlug();
    String slug = draft.slug() == null ? former : draft.slug();
    if (!slug.equals(former)) {
      requireFree(slug, articleId);
      FormerSlug reclaimed = em.find(FormerSlug.class, slug);
      if (reclaimed != null) {
        em.remove(reclaimed);
      }
      em.persist(new FormerSlug(former, articleId, now));
    }
    article.revise(slug, content(draft), now);
    searchIndex.index(article);
    em.persist(new Revision(article, lastRevision(articleId) + 1, editor, now));
    changed.fire(new ArticleChanged(articleId, article.getRevision()));
  }

  /** The number of the article's latest revision, 0 if it has none. */
  int lastRevision(long articleId) {
    Integer last =
        em.createQuery(
                "SELECT MAX(r.number) FROM Revision r WHERE r.articleId = :id", Integer.class)
            .setParameter("id", articleId)
            .getSingleResult();
    return last == null ? 0 : last;
  }

  /** Who saved the article's latest revision. */
  Optional<String> lastEditor(long articleId) {
    return em.createQuery(
            "SELECT r.savedBy FROM Revision r WHERE r.articleId = :id ORDER BY r.number DESC",
            String.class)
        .setParameter("id", articleId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private Article.Content content(ArticleDraft draft) {
    List<Author> authors =
        draft.authorIds().stream().map(id -> existing(Author.class, id, "author")).toList();
    Section section =
        draft.sectionId() == null ? null : existing(Section.class, draft.sectionId(), "section");
    List<Tag> tags = draft.tagIds().stream().map(id -> existing(Tag.class, id, "tag")).toList();
    return new Article.Content(
        draft.title(),
        draft.standfirst(),
        draft.bodyFormat(),
        draft.body(),
        renderer.render(draft.bodyFormat(), draft.body()),
        authors,
        section,
        tags,
        draft.leadImageUrl(),
        draft.leadImageAlt(),
        draft.commentsOpen());
  }

  private <T> T existing(Class<T> type, long id, String what) {
    T entity = em.find(type, id);
    if (entity == null) {
      throw new IllegalArgumentException("No " + what + " with id " + id);
    }
    return entity;
  }

  private String requireFree(String slug, Long articleId) {
    if (repository.slugTaken(slug, articleId)) {
      throw new SlugTakenException(slug);
    }
    return slug;
  }

  private String freeSlug(String title) {
    String base = Slugs.of(title);
    for (int n = 1; ; n++) {
      String candidate = Slugs.numbered(base, n);
      if (!repository.slugTaken(candidate, null)) {
        return candidate;
      }
    }
  }
}
