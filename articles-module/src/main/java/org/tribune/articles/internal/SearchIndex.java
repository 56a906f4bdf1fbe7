package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.tribune.articles.api.SearchTerms;

/**
 * The search index ({@code articles_search_term}): written with each revision of an article, read
 * by term. Plain SQL that H2 and PostgreSQL both run. Each posting carries the instant its article
 * is listed from ({@link Article#listedFrom()}), so that a search reads postings only, from one
 * covering index, and never the articles' rows.
 */
@ApplicationScoped
public class SearchIndex {
  static final int TITLE_WEIGHT = 10;
  static final int STANDFIRST_WEIGHT = 4;
  static final int BODY_WEIGHT = 1;
  static final int MAX_WEIGHT = 1_000;

  /** One posting; {@link #addPostings} binds it. */
  static final String INSERT_POSTING =
      "INSERT INTO articles_search_term (term, article_id, weight, listed_from)"
          + " VALUES (?, ?, ?, ?)";

  @Inject @ArticlesDatabase private EntityManager em;

  /**
   * Replaces the index rows of an article, after it was created or revised. The rows (about 200 for
   * a long article) go as one JDBC batch on the transaction's own connection: through EclipseLink's
   * native queries, whose positional parameters are bound by searching a list, they cost a third of
   * an import's time (bench/import/RESULTS.md).
   */
  void index(Article article) {
    long articleId = article.getId();
    Instant listedFrom = article.listedFrom();
    // The delete also makes EclipseLink take the transaction's connection, unwrapped below.
    em.createNativeQuery("DELETE FROM articles_search_term WHERE article_id = ?")
        .setParameter(1, articleId)
        .executeUpdate();
    Map<String, Integer> rows =
        weights(article.getTitle(), article.getStandfirst(), article.getBodyHtml());
    if (rows.isEmpty()) {
      return;
    }
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement insert = connection.prepareStatement(INSERT_POSTING)) {
      addPostings(insert, articleId, rows, listedFrom);
      insert.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceException("The search index of article " + articleId, e);
    }
  }

  /**
   * Adds an article's postings to a batch of {@link #INSERT_POSTING}: {@link #index} and a restore
   * (which writes many articles' postings in one batch) both write them this way.
   *
   * @param rows the article's terms and weights, from {@link #weights}
   * @param listedFrom {@link Article#listedFrom()}
   */
  static void addPostings(
      PreparedStatement insert, long articleId, Map<String, Integer> rows, Instant listedFrom)
      throws SQLException {
    for (Map.Entry<String, Integer> row : rows.entrySet()) {
      insert.setString(1, row.getKey());
      insert.setLong(2, articleId);
      insert.setInt(3, row.getValue());
      if (listedFrom == null) {
        insert.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
      } else {
        insert.setObject(4, utc(listedFrom));
      }
      insert.addBatch();
    }
  }

  /** Brings the postings of an article in line with its status and publication instant. */
  void relist(Article article) {
    Instant listedFrom = article.listedFrom();
    if (listedFrom == null) {
      em.createNativeQuery(
              "UPDATE articles_search_term SET listed_from = NULL WHERE article_id = ?")
          .setParameter(1, article.getId())
          .executeUpdate();
    } else {
      em.createNativeQuery("UPDATE articles_search_term SET listed_from = ? WHERE article_id = ?")
          .setParameter(1, utc(listedFrom))
          .setParameter(2, article.getId())
          .executeUpdate();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Map<String, Integer> weights(String title, String standfirst, String bodyHtml) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    add(weights, title, TITLE_WEIGHT);
    add(weights, standfirst, STANDFIRST_WEIGHT);
    add(weights, bodyHtml == null ? "" : Jsoup.parseBodyFragment(bodyHtml).text(), BODY_WEIGHT);
    return weights;
  }

  private static void add(Map<String, Integer> weights, String text, int weight) {
    SearchTerms.forEachWord(
        text,
        (word, start, end) -> {
          String term = SearchTerms.normalize(word);
          if (term != null) {
            weights.merge(term, weight, (a, b) -> Math.min(MAX_WEIGHT, a + b));
          }
        });
  }

  /**
   * Ids of the listed articles having every term, best first, and how many there are.
   *
   * <p>The postings of the terms are joined on the article (one alias per term), so that the
   * database can start from the rarest term and look the others up by primary key, or merge the
   * postings of common terms in article order; both read the covering index only. The page and the
   * count are two statements: a first page that is not full needs no count. (One statement with
   * {@code COUNT(*) OVER ()} was measured three times slower on PostgreSQL for a word in 70 % of
   * 100 000 articles: the window keeps every match, spilling to disk, before the page is cut.)
   */
  Hits search(List<String> terms, Instant now, int offset, int limit) {
    if (terms.isEmpty()) {
      return new Hits(List.of(), 0);
    }
    StringBuilder from = new StringBuilder(" FROM articles_search_term t0");
    StringBuilder score = new StringBuilder("t0.weight");
    for (int i = 1; i < terms.size(); i++) {
      from.append(" JOIN articles_search_term t")
          .append(i)
          .append(" ON t")
          .append(i)
          .append(".article_id = t0.article_id AND t")
          .append(i)
          .append(".term = ?");
      score.append(" + t").append(i).append(".weight");
    }
    from.append(" WHERE t0.term = ? AND t0.listed_from <= ?");
    Query page =
        bind(
            em.createNativeQuery(
                "SELECT t0.article_id"
                    + from
                    + " ORDER BY "
                    + score
                    + " DESC, t0.listed_from DESC, t0.article_id DESC LIMIT "
                    + limit
                    + " OFFSET "
                    + offset),
            terms,
            now);
    List<Long> ids = new ArrayList<>();
    for (Object id : page.getResultList()) {
      ids.add(((Number) id).longValue());
    }
    if (offset == 0 && ids.size() < limit) {
      return new Hits(ids, ids.size());
    }
    long total =
        ((Number)
                bind(em.createNativeQuery("SELECT COUNT(*)" + from), terms, now).getSingleResult())
            .longValue();
    return new Hits(ids, total);
  }

  /**
   * Binds the joined terms (t1…), then the first term (t0) and the instant, as the SQL has them.
   */
  private static Query bind(Query query, List<String> terms, Instant now) {
    int position = 1;
    for (String term : terms.subList(1, terms.size())) {
      query.setParameter(position++, term);
    }
    query.setParameter(position++, terms.get(0));
    return query.setParameter(position, utc(now));
  }

  /** Article ids in rank order, and the number of matches on all pages. */
  record Hits(List<Long> ids, long total) {}
}
