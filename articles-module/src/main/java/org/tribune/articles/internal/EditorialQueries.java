package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.tribune.articles.api.ArticleFilter;
import org.tribune.articles.api.ArticleOrder;
import org.tribune.articles.api.ArticleRow;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.AuthorRef;
import org.tribune.articles.api.Page;
import org.tribune.articles.api.SectionRef;

/**
 * The console's article list. A page costs four statements at most, whatever its size: the rows
 * (columns only, never the bodies), the count with the same filter (a first page that is not full
 * needs none), the authors of the page and its sections. The default order, newest change first, is
 * read from {@code articles_article_updated_ix} or, with a status, {@code
 * articles_article_status_updated_ix}. Criteria left out are left out of the SQL, never bound as
 * nulls.
 */
@ApplicationScoped
public class EditorialQueries {

  @Inject @ArticlesDatabase private EntityManager em;

  Page<ArticleRow> list(ArticleFilter filter, ArticleOrder order, int number, int size) {
    StringBuilder where = new StringBuilder(" WHERE ");
    Map<String, Object> parameters = new HashMap<>();
    if (filter.status() == null) {
      where.append("a.status <> :status");
      parameters.put("status", ArticleStatus.TRASHED);
    } else {
      where.append("a.status = :status");
      parameters.put("status", filter.status());
    }
    where.append(filter.pages() ? " AND a.pagePath IS NOT NULL" : " AND a.pagePath IS NULL");
    if (filter.sectionId() != null) {
      where.append(" AND s.id = :section");
      parameters.put("section", filter.sectionId());
    }
    String join = " LEFT JOIN a.section s";
    if (filter.authorId() != null) {
      // One row per article still: an author signs an article once (primary key).
      join += " JOIN a.authors w";
      where.append(" AND w.id = :author");
      parameters.put("author", filter.authorId());
    }
    if (filter.text() != null) {
      where.append(" AND LOWER(a.title) LIKE :text").append(Likes.ESCAPE);
      parameters.put("text", Likes.containing(filter.text()));
    }
    TypedQuery<Object[]> rows =
        em.createQuery(
            "SELECT a.id, a.title, a.slug, a.status, s.id, a.publishedAt, a.updatedAt, a.version,"
                + " a.pagePath"
                + " FROM Article a"
                + join
                + where
                + orderBy(order),
            Object[].class);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(a) FROM Article a" + join + where, Long.class);
    parameters.forEach(rows::setParameter);
    parameters.forEach(count::setParameter);
    List<Object[]> found =
        rows.setFirstResult(Page.offset(number, size)).setMaxResults(size).getResultList();
    // A first page that is not full says how many there are by itself.
    long total = number == 1 && found.size() < size ? found.size() : count.getSingleResult();
    return new Page<>(toRows(found), number, size, total);
  }

  private static String orderBy(ArticleOrder order) {
    return switch (order) {
      case UPDATED_DESC -> " ORDER BY a.updatedAt DESC, a.id DESC";
      case UPDATED_ASC -> " ORDER BY a.updatedAt ASC, a.id ASC";
      // Both databases are told where never-published articles go: they disagree by default.
      case PUBLISHED_DESC -> " ORDER BY a.publishedAt DESC NULLS LAST, a.id DESC";
      case PUBLISHED_ASC -> " ORDER BY a.publishedAt ASC NULLS LAST, a.id ASC";
      case TITLE_ASC -> " ORDER BY LOWER(a.title) ASC, a.id ASC";
      case TITLE_DESC -> " ORDER BY LOWER(a.title) DESC, a.id DESC";
    };
  }

  private List<ArticleRow> toRows(List<Object[]> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    List<Long> ids = found.stream().map(row -> (Long) row[0]).toList();
    Map<Long, List<AuthorRef>> authors = authorsOf(ids);
    Map<Long, SectionRef> sections =
        sections(
            found.stream()
                .map(row -> (Long) row[4])
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
    List<ArticleRow> result = new ArrayList<>();
    for (Object[] row : found) {
      long id = (Long) row[0];
      result.add(
          new ArticleRow(
              id,
              (String) row[1],
              (String) row[2],
              (ArticleStatus) row[3],
              authors.getOrDefault(id, List.of()),
              row[4] == null ? null : sections.get((Long) row[4]),
              (Instant) row[5],
              (Instant) row[6],
              ((Number) row[7]).longValue(),
              (String) row[8]));
    }
    return result;
  }

  /** The bylines of some articles, in one statement. */
  private Map<Long, List<AuthorRef>> authorsOf(List<Long> articleIds) {
    List<Object[]> found =
        em.createQuery(
                "SELECT a.id, w.id, w.slug, w.name, INDEX(w) FROM Article a JOIN a.authors w"
                    + " WHERE a.id IN :ids",
                Object[].class)
            .setParameter("ids", articleIds)
            .getResultList();
    List<Object[]> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.<Object[], Long>comparing(row -> (Long) row[0])
            .thenComparing(row -> ((Number) row[4]).intValue()));
    Map<Long, List<AuthorRef>> byArticle = new HashMap<>();
    for (Object[] row : sorted) {
      byArticle
          .computeIfAbsent((Long) row[0], id -> new ArrayList<>())
          .add(new AuthorRef((Long) row[1], (String) row[2], (String) row[3]));
    }
    return byArticle;
  }

  private Map<Long, SectionRef> sections(List<Long> ids) {
    Map<Long, SectionRef> byId = new HashMap<>();
    if (ids.isEmpty()) {
      return byId;
    }
    em.createQuery(
            "SELECT s.id, s.slug, s.name FROM ArticleSection s WHERE s.id IN :ids", Object[].class)
        .setParameter("ids", List.copyOf(new LinkedHashSet<>(ids)))
        .getResultList()
        .forEach(
            row ->
                byId.put(
                    (Long) row[0],
                    new SectionRef((Long) row[0], (String) row[1], (String) row[2])));
    return byId;
  }

  Map<ArticleStatus, Long> countByStatus(boolean pages) {
    Map<ArticleStatus, Long> counts = new EnumMap<>(ArticleStatus.class);
    for (ArticleStatus status : ArticleStatus.values()) {
      counts.put(status, 0L);
    }
    em.createQuery(
            "SELECT a.status, COUNT(a) FROM Article a WHERE a.pagePath IS "
                + (pages ? "NOT NULL" : "NULL")
                + " GROUP BY a.status",
            Object[].class)
        .getResultList()
        .forEach(row -> counts.put((ArticleStatus) row[0], ((Number) row[1]).longValue()));
    return counts;
  }

  List<String> formerSlugs(long articleId) {
    return em.createQuery(
            "SELECT f.slug FROM FormerSlug f WHERE f.articleId = :id"
                + " ORDER BY f.replacedAt DESC, f.slug",
            String.class)
        .setParameter("id", articleId)
        .getResultList();
  }
}
