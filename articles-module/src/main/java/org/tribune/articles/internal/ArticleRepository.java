package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.SitemapEntry;

/**
 * The article queries. List queries load a page of articles, then the authors of the whole page in
 * one batch (EclipseLink batch fetch), so a page costs the same number of statements whatever its
 * size. Sections, authors and tags sit in the shared cache.
 */
@ApplicationScoped
public class ArticleRepository {
  /** Statuses shown on the lists, from their publication instant on. */
  static final List<ArticleStatus> LISTED =
      List.of(ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED);

  /** Statuses readable at their address, from their publication instant on. */
  static final List<ArticleStatus> READABLE =
      List.of(ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED, ArticleStatus.ARCHIVED);

  private static final String NEWEST_FIRST = " ORDER BY a.publishedAt DESC, a.id DESC";
  private static final String VISIBLE = " a.status IN :statuses AND a.publishedAt <= :now";
  private static final String NOT_STICKY = " AND a.sticky = FALSE";

  /** Pages are never in the lists, the archives, the feeds or an article's neighbours. */
  private static final String ARTICLES = " AND a.pagePath IS NULL";

  @Inject @ArticlesDatabase private EntityManager em;

  /** A page of a filtered list plus its total, as one unit. */
  record Slice(List<Article> items, long total) {}

  /**
   * Listed articles that are not sticky, newest first; the total counts the sticky ones too. {@code
   * limit} 0 reads the total only.
   */
  Slice listedNotSticky(Instant now, int offset, int limit) {
    if (limit > 0) {
      return slice("", NOT_STICKY + ARTICLES, null, null, LISTED, now, offset, limit, NEWEST_FIRST);
    }
    // A page full of sticky articles: EclipseLink would read a limit of 0 as no limit at all.
    return new Slice(
        List.of(),
        em.createQuery(
                "SELECT COUNT(a) FROM Article a WHERE" + VISIBLE + NOT_STICKY + ARTICLES,
                Long.class)
            .setParameter("statuses", LISTED)
            .setParameter("now", now)
            .getSingleResult());
  }

  /**
   * The listed sticky articles, newest first, with their authors in the same statement: a site has
   * a few, and the home page reads them on each of its pages (to know where its list starts), so
   * that every page costs as many statements.
   */
  List<Article> listedSticky(Instant now) {
    return em.createQuery(
            "SELECT a FROM Article a WHERE a.sticky = TRUE AND" + VISIBLE + ARTICLES + NEWEST_FIRST,
            Article.class)
        .setParameter("statuses", LISTED)
        .setParameter("now", now)
        .setHint("eclipselink.left-join-fetch", "a.authors")
        .getResultList();
  }

  Slice listedInSections(Collection<Long> sectionIds, Instant now, int offset, int limit) {
    return slice(
        "",
        " AND a.section.id IN :filter",
        "filter",
        sectionIds,
        LISTED,
        now,
        offset,
        limit,
        NEWEST_FIRST);
  }

  Slice listedWithTag(long tagId, Instant now, int offset, int limit) {
    return slice(
        " JOIN a.tags t",
        " AND t.id = :filter",
        "filter",
        tagId,
        LISTED,
        now,
        offset,
        limit,
        NEWEST_FIRST);
  }

  Slice listedByAuthor(long authorId, Instant now, int offset, int limit) {
    return slice(
        " JOIN a.authors w",
        " AND w.id = :filter" + ARTICLES,
        "filter",
        authorId,
        LISTED,
        now,
        offset,
        limit,
        NEWEST_FIRST);
  }

  Slice readableBetween(Instant from, Instant to, Instant now, int offset, int limit) {
    String range = " AND a.publishedAt >= :from AND a.publishedAt < :to" + ARTICLES;
    TypedQuery<Article> items =
        em.createQuery(
            "SELECT a FROM Article a WHERE" + VISIBLE + range + " ORDER BY a.publishedAt, a.id",
            Article.class);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(a) FROM Article a WHERE" + VISIBLE + range, Long.class);
    for (TypedQuery<?> query : List.of(items, count)) {
      query.setParameter("statuses", READABLE).setParameter("now", now);
      query.setParameter("from", from).setParameter("to", to);
    }
    return new Slice(page(items, offset, limit), count.getSingleResult());
  }

  private Slice slice(
      String join,
      String where,
      String name,
      Object value,
      List<ArticleStatus> statuses,
      Instant now,
      int offset,
      int limit,
      String order) {
    TypedQuery<Article> items =
        em.createQuery(
            "SELECT a FROM Article a" + join + " WHERE" + VISIBLE + where + order, Article.class);
    TypedQuery<Long> count =
        em.createQuery(
            "SELECT COUNT(a) FROM Article a" + join + " WHERE" + VISIBLE + where, Long.class);
    for (TypedQuery<?> query : List.of(items, count)) {
      query.setParameter("statuses", statuses).setParameter("now", now);
      if (name != null) {
        query.setParameter(name, value);
      }
    }
    return new Slice(page(items, offset, limit), count.getSingleResult());
  }

  private static List<Article> page(TypedQuery<Article> query, int offset, int limit) {
    return query
        .setFirstResult(offset)
        .setMaxResults(limit)
        .setHint("eclipselink.batch.type", "IN")
        .setHint("eclipselink.batch", "a.authors")
        .getResultList();
  }

  /**
   * The newest listed articles, of some sections or of all ({@code null}), with their authors and
   * tags loaded in one batch each.
   */
  List<Article> feed(Collection<Long> sectionIds, Instant now, int limit) {
    String where = sectionIds == null ? ARTICLES : " AND a.section.id IN :sections";
    TypedQuery<Article> query =
        em.createQuery(
                "SELECT a FROM Article a WHERE" + VISIBLE + where + NEWEST_FIRST, Article.class)
            .setParameter("statuses", LISTED)
            .setParameter("now", now);
    if (sectionIds != null) {
      query.setParameter("sections", sectionIds);
    }
    return query
        .setMaxResults(limit)
        .setHint("eclipselink.batch.type", "IN")
        .setHint("eclipselink.batch", "a.authors")
        .setHint("eclipselink.batch", "a.tags")
        .getResultList();
  }

  /** Articles by id, in no particular order, with their authors in one batch. */
  List<Article> byIds(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT a FROM Article a WHERE a.id IN :ids", Article.class)
        .setParameter("ids", ids)
        .setHint("eclipselink.batch.type", "IN")
        .setHint("eclipselink.batch", "a.authors")
        .getResultList();
  }

  /** The readable ones among some article ids. */
  Set<Long> readableAmong(Collection<Long> ids, Instant now) {
    return Set.copyOf(
        em.createQuery("SELECT a.id FROM Article a WHERE a.id IN :ids AND" + VISIBLE, Long.class)
            .setParameter("ids", ids)
            .setParameter("statuses", READABLE)
            .setParameter("now", now)
            .getResultList());
  }

  Optional<Article> findPage(String path) {
    return em.createQuery("SELECT a FROM Article a WHERE a.pagePath = :path", Article.class)
        .setParameter("path", path)
        .getResultStream()
        .findFirst();
  }

  Optional<Article> findBySlug(String slug) {
    return em.createQuery("SELECT a FROM Article a WHERE a.slug = :slug", Article.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  /**
   * The listed article published just before ({@code older}) or after this one. The date bound
   * stands on its own ({@code publishedAt <= :at}, then the tie on the id) so that the database
   * reads the publication index from this article's date on: written as one OR, PostgreSQL read
   * every listed article newer than it (66 000 index entries, 73 ms, for an article of 100 000).
   */
  Optional<Article> neighbour(Article article, boolean older, Instant now) {
    String jpql =
        older
            ? "SELECT a FROM Article a WHERE"
                + VISIBLE
                + ARTICLES
                + " AND a.publishedAt <= :at AND (a.publishedAt < :at OR a.id < :id)"
                + NEWEST_FIRST
            : "SELECT a FROM Article a WHERE"
                + VISIBLE
                + ARTICLES
                + " AND a.publishedAt >= :at AND (a.publishedAt > :at OR a.id > :id)"
                + " ORDER BY a.publishedAt, a.id";
    return em.createQuery(jpql, Article.class)
        .setParameter("statuses", LISTED)
        .setParameter("now", now)
        .setParameter("at", article.getPublishedAt())
        .setParameter("id", article.getId())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Whether another article has, or had, this slug. */
  boolean slugTaken(String slug, Long exceptArticleId) {
    long current =
        em.createQuery(
                "SELECT COUNT(a) FROM Article a WHERE a.slug = :slug AND a.id <> :id", Long.class)
            .setParameter("slug", slug)
            .setParameter("id", exceptArticleId == null ? -1L : exceptArticleId)
            .getSingleResult();
    FormerSlug former = em.find(FormerSlug.class, slug);
    return current > 0
        || (former != null && !Long.valueOf(former.getArticleId()).equals(exceptArticleId));
  }

  /** Readable articles with their last change: the later of their last edit and publication. */
  List<SitemapEntry> sitemap(Instant now) {
    return em.createQuery(
            "SELECT a.slug, a.updatedAt, a.publishedAt, a.pagePath FROM Article a WHERE"
                + VISIBLE
                + NEWEST_FIRST,
            Object[].class)
        .setParameter("statuses", READABLE)
        .setParameter("now", now)
        .getResultStream()
        .map(
            row -> {
              Instant updated = (Instant) row[1];
              Instant published = (Instant) row[2];
              return new SitemapEntry(
                  (String) row[0],
                  updated.isAfter(published) ? updated : published,
                  (String) row[3]);
            })
        .toList();
  }

  List<Long> dueScheduled(Instant now) {
    return em.createQuery(
            "SELECT a.id FROM Article a WHERE a.status = :scheduled AND a.publishedAt <= :now",
            Long.class)
        .setParameter("scheduled", ArticleStatus.SCHEDULED)
        .setParameter("now", now)
        .getResultList();
  }

  /**
   * Marks one scheduled article published; the condition on the status makes this succeed on one
   * node only when several try at once.
   *
   * @return 1 if this call published it, 0 if it was no longer scheduled
   */
  int markPublished(long articleId) {
    return em.createQuery(
            "UPDATE Article a SET a.status = :published, a.version = a.version + 1"
                + " WHERE a.id = :id AND a.status = :scheduled")
        .setParameter("published", ArticleStatus.PUBLISHED)
        .setParameter("scheduled", ArticleStatus.SCHEDULED)
        .setParameter("id", articleId)
        .executeUpdate();
  }

  long count() {
    return em.createQuery("SELECT COUNT(a) FROM Article a", Long.class).getSingleResult();
  }
}
