package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.PageOptions;
import org.tribune.articles.api.PagePlacementException;
import org.tribune.articles.api.PagePlacementException.Reason;
import org.tribune.articles.api.PageRef;
import org.tribune.articles.api.ReservedPaths;

/**
 * Where pages sit: each page's path is its parent's path, a slash and its own slug, kept in its row
 * so that a page is found by its address in one indexed read. Moving or renaming a page moves its
 * sub-pages' paths with it (their former addresses still lead to them: see {@code
 * ArticleService#currentPagePath}). Runs in the caller's transaction.
 */
@ApplicationScoped
public class PageTree {

  @Inject @ArticlesDatabase private EntityManager em;
  @Inject private Instance<ReservedPaths> reserved;

  /**
   * Places a page with this slug where its options say: checks the parent (a page, not in the bin,
   * not the page itself nor one of its sub-pages), the address (not one the site answers), the
   * depth and length of its path and of its sub-pages' paths; then moves the sub-pages' paths.
   *
   * @param page the page, already holding {@code slug} (a new page has no id yet)
   */
  void place(Article page, String slug, PageOptions options) {
    Article parent = null;
    if (options.parentId() != null) {
      parent = em.find(Article.class, options.parentId());
      // A parent in the bin may stay one (its sub-pages can still be edited), not become one.
      boolean kept =
          page.getParent() != null && options.parentId().equals(page.getParent().getId());
      if (parent == null
          || !parent.isPage()
          || (parent.getStatus() == ArticleStatus.TRASHED && !kept)) {
        throw new PagePlacementException(
            Reason.NO_SUCH_PARENT, "No page with id " + options.parentId() + " to put it under");
      }
      for (Article above = parent; above != null; above = above.getParent()) {
        if (page.getId() != null && page.getId().equals(above.getId())) {
          throw new PagePlacementException(
              Reason.LOOP, "A page cannot be put under itself or one of its sub-pages");
        }
      }
    } else if (isReserved(slug)) {
      throw new PagePlacementException(
          Reason.RESERVED, "The site already answers /" + slug + ": a page cannot take it");
    }
    String path = parent == null ? slug : parent.getPagePath() + "/" + slug;
    String former = page.getPagePath();
    List<Article> below = former == null ? List.of() : descendants(former);
    int deepest = 0;
    int longest = 0;
    for (Article child : below) {
      String rest = child.getPagePath().substring(former.length());
      deepest = Math.max(deepest, segments(rest));
      longest = Math.max(longest, rest.length());
    }
    if (segments(path) + deepest > ArticleLimits.PAGE_DEPTH) {
      throw new PagePlacementException(
          Reason.TOO_DEEP, "Pages sit at most " + ArticleLimits.PAGE_DEPTH + " levels deep");
    }
    if (path.length() + longest > ArticleLimits.SLUG_LENGTH) {
      throw new PagePlacementException(
          Reason.TOO_LONG,
          "A page's address has at most " + ArticleLimits.SLUG_LENGTH + " characters");
    }
    page.place(path, parent, options);
    if (former != null && !former.equals(path)) {
      for (Article child : below) {
        child.movePath(path + child.getPagePath().substring(former.length()));
      }
    }
  }

  /** Whether a page at the root may not take this slug. */
  boolean isReserved(String slug) {
    return reserved.isResolvable() && reserved.get().isReserved(slug);
  }

  /** A page may be deleted for good once it has no sub-page (in the bin or not). */
  void requireNoChildren(Article page) {
    long children =
        em.createQuery("SELECT COUNT(a) FROM Article a WHERE a.parent.id = :id", Long.class)
            .setParameter("id", page.getId())
            .getSingleResult();
    if (children > 0) {
      throw new PagePlacementException(
          Reason.HAS_CHILDREN, "A page with sub-pages cannot be deleted for good");
    }
  }

  /** Every page not in the bin, by path. */
  List<PageRef> pages(Instant now) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT a.id, a.title, a.pagePath, p.id, a.status, a.publishedAt"
                    + " FROM Article a LEFT JOIN a.parent p"
                    + " WHERE a.pagePath IS NOT NULL AND a.status <> :trashed"
                    + " ORDER BY a.pagePath",
                Object[].class)
            .setParameter("trashed", ArticleStatus.TRASHED)
            .getResultList();
    List<PageRef> pages = new ArrayList<>();
    for (Object[] row : rows) {
      ArticleStatus status = (ArticleStatus) row[4];
      Instant published = (Instant) row[5];
      boolean readable =
          ArticleRepository.READABLE.contains(status)
              && published != null
              && !published.isAfter(now);
      pages.add(
          new PageRef(
              (Long) row[0], (String) row[1], (String) row[2], (Long) row[3], status, readable));
    }
    return pages;
  }

  /** A page's parents from the root down. */
  static List<PageRef> parents(Article page, Instant now) {
    List<PageRef> parents = new ArrayList<>();
    for (Article above = page.getParent(); above != null; above = above.getParent()) {
      parents.add(
          0,
          new PageRef(
              above.getId(),
              above.getTitle(),
              above.getPagePath(),
              above.getParent() == null ? null : above.getParent().getId(),
              above.getStatus(),
              above.isReadable(now)));
    }
    return parents;
  }

  private List<Article> descendants(String path) {
    return em.createQuery("SELECT a FROM Article a WHERE a.pagePath LIKE :below", Article.class)
        .setParameter("below", path + "/%")
        .getResultList();
  }

  private static int segments(String path) {
    int count = path.isEmpty() || path.startsWith("/") ? 0 : 1;
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      count++;
    }
    return count;
  }
}
