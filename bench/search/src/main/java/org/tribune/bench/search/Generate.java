package org.tribune.bench.search;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;
import org.postgresql.copy.CopyIn;
import org.tribune.articles.api.SearchTerms;

/**
 * Adds generated articles, their authors and their search index rows to a PostgreSQL database that
 * the WAR has already migrated (Flyway owns the schema; this program creates no table).
 *
 * <p>Rows go in with {@code COPY}, articles and index rows on two connections at once. The index
 * table's keys and indexes are dropped during the load and created again afterwards from their own
 * definitions, read from the catalogue, so the schema ends exactly as the migrations made it.
 *
 * <p>Usage: {@code Generate <jdbc-url> [articles] [seed]}
 */
public final class Generate {
  /** Generated rows get ids from here on, far above what the application's sequences hand out. */
  static final long FIRST_ID = 10_000_000L;

  private static final int AUTHORS = 300;
  private static final Duration SPAN = Duration.ofDays(5 * 365);

  // The same weights as org.tribune.articles.internal.SearchIndex (package-private there).
  private static final int TITLE_WEIGHT = 10;
  private static final int STANDFIRST_WEIGHT = 4;
  private static final int BODY_WEIGHT = 1;
  private static final int MAX_WEIGHT = 1_000;

  private final Map<String, String> folded = new HashMap<>();

  private Generate() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("Usage: Generate <jdbc-url> [articles] [seed]");
      System.exit(2);
    }
    String url = args[0];
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    new Generate().run(url, count, seed);
  }

  private void run(String url, int count, long seed) throws SQLException, IOException {
    long started = System.nanoTime();
    try (Connection articles = DriverManager.getConnection(url);
        Connection terms = DriverManager.getConnection(url)) {
      for (Connection connection : List.of(articles, terms)) {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET synchronous_commit = off");
          statement.execute("SET maintenance_work_mem = '512MB'");
        }
      }
      requireMigratedAndUnfilled(articles);
      List<Long> sections = ids(articles, "SELECT id FROM articles_section ORDER BY id");
      insertAuthors(articles);
      articles.commit();
      List<String> restore = dropIndexKeys(terms);
      terms.commit();
      log(started, "schema ready; generating " + count + " articles");

      FrenchText text = new FrenchText(seed);
      Instant now = Instant.now();
      CopyIn articleRows =
          CopyRows.copy(
              articles,
              "COPY articles_article (id, version, slug, title, standfirst, body, body_format,"
                  + " body_html, word_count, revision, status, section_id, comments_open,"
                  + " created_at, updated_at, published_at) FROM STDIN");
      CopyIn termRows =
          CopyRows.copy(
              terms,
              "COPY articles_search_term (term, article_id, weight, listed_from) FROM STDIN");
      long termCount = 0;
      StringBuilder articleBuffer = new StringBuilder(1 << 20);
      StringBuilder termBuffer = new StringBuilder(1 << 20);
      for (int i = 0; i < count; i++) {
        long id = FIRST_ID + i;
        Random random = new Random(seed * 1_000_003L + i);
        String title = text.title(random);
        String standfirst = text.sentence(random, 18 + random.nextInt(14));
        List<String> paragraphs = text.paragraphs(random, 4 + random.nextInt(4));
        String body = String.join("\n\n", paragraphs);
        StringBuilder html = new StringBuilder();
        for (String paragraph : paragraphs) {
          html.append("<p>").append(paragraph).append("</p>\n");
        }
        int words = body.split("\\s+").length;
        int roll = random.nextInt(100);
        String status = roll < 97 ? "PUBLISHED" : roll < 99 ? "ARCHIVED" : "DRAFT";
        Instant published = now.minusSeconds((long) (random.nextDouble() * SPAN.toSeconds()));
        // As Article.listedFrom(): the publication instant while published, none when archived.
        String listedFrom = "PUBLISHED".equals(status) ? timestamp(published) : null;
        Long section = sections.isEmpty() ? null : sections.get(random.nextInt(sections.size()));
        CopyRows.row(
            articleBuffer,
            id,
            1,
            "bench-" + i,
            title,
            standfirst,
            body,
            "MARKDOWN",
            html,
            words,
            1,
            status,
            section,
            true,
            timestamp(published.minusSeconds(3_600)),
            timestamp(published),
            "DRAFT".equals(status) ? null : timestamp(published));
        for (Map.Entry<String, Integer> term :
            weights(title, standfirst, Jsoup.parseBodyFragment(html.toString()).text())
                .entrySet()) {
          CopyRows.row(termBuffer, term.getKey(), id, term.getValue(), listedFrom);
          termCount++;
        }
        if (articleBuffer.length() > 1 << 20) {
          CopyRows.flush(articleRows, articleBuffer);
        }
        if (termBuffer.length() > 1 << 20) {
          CopyRows.flush(termRows, termBuffer);
        }
        if ((i + 1) % 10_000 == 0) {
          log(started, (i + 1) + " articles, " + termCount + " index rows");
        }
      }
      CopyRows.flush(articleRows, articleBuffer);
      CopyRows.flush(termRows, termBuffer);
      articleRows.endCopy();
      termRows.endCopy();
      CopyIn bylines =
          CopyRows.copy(
              articles,
              "COPY articles_article_author (article_id, author_id, position) FROM STDIN");
      StringBuilder bylineBuffer = new StringBuilder();
      for (int i = 0; i < count; i++) {
        CopyRows.row(bylineBuffer, FIRST_ID + i, FIRST_ID + (i % AUTHORS), 0);
        if (bylineBuffer.length() > 1 << 20) {
          CopyRows.flush(bylines, bylineBuffer);
        }
      }
      CopyRows.flush(bylines, bylineBuffer);
      bylines.endCopy();
      articles.commit();
      terms.commit();
      log(started, "rows written; rebuilding the index table's keys");

      try (Statement statement = terms.createStatement()) {
        for (String sql : restore) {
          statement.execute(sql);
        }
      }
      terms.commit();
      articles.setAutoCommit(true);
      try (Statement statement = articles.createStatement()) {
        for (String sequence :
            List.of("articles_article_seq", "articles_author_seq", "articles_section_seq")) {
          // Past every generated id, on a block boundary (EclipseLink allocates by 50).
          statement.execute(
              "SELECT setval('" + sequence + "', " + ((FIRST_ID + count) / 50 + 2) * 50 + ")");
        }
        // As autovacuum would do on a live site: statistics, and the visibility map without which
        // PostgreSQL cannot answer from the covering index alone (it would read the table).
        statement.execute("VACUUM ANALYZE");
      }
      log(started, "done: " + count + " articles, " + termCount + " index rows");
    }
  }

  /** Term weights exactly as {@code SearchIndex.weights}: title 10, standfirst 4, body 1 a use. */
  private Map<String, Integer> weights(String title, String standfirst, String bodyText) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    add(weights, title, TITLE_WEIGHT);
    add(weights, standfirst, STANDFIRST_WEIGHT);
    add(weights, bodyText, BODY_WEIGHT);
    return weights;
  }

  private void add(Map<String, Integer> weights, String text, int weight) {
    SearchTerms.forEachWord(
        text,
        (word, start, end) -> {
          // normalize() is the slow part; the vocabulary is closed, so remember its answers.
          // "" for an ignored word: normalize() never gives an empty term.
          String term =
              folded.computeIfAbsent(
                  word, w -> java.util.Objects.requireNonNullElse(SearchTerms.normalize(w), ""));
          if (!term.isEmpty()) {
            weights.merge(term, weight, (a, b) -> Math.min(MAX_WEIGHT, a + b));
          }
        });
  }

  private static void requireMigratedAndUnfilled(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet tables =
            statement.executeQuery(
                "SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_name IN ('articles_article', 'articles_search_term')")) {
      tables.next();
      if (tables.getInt(1) != 2) {
        throw new IllegalStateException(
            "No Tribune schema in this database: start the WAR on it once so that Flyway creates"
                + " the tables, then run this again.");
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT COUNT(*) FROM articles_article WHERE id >= ?")) {
      statement.setLong(1, FIRST_ID);
      try (ResultSet filled = statement.executeQuery()) {
        filled.next();
        if (filled.getLong(1) > 0) {
          throw new IllegalStateException(
              "This database already has generated articles: use a fresh one.");
        }
      }
    }
  }

  private static void insertAuthors(Connection connection) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO articles_author (id, version, slug, name, bio) VALUES (?, 1, ?, ?, '')")) {
      for (int i = 0; i < AUTHORS; i++) {
        insert.setLong(1, FIRST_ID + i);
        insert.setString(2, "bench-author-" + i);
        insert.setString(3, "Auteur " + i);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Drops the keys and indexes of the index table and returns the statements that create them
   * again, as the catalogue defines them.
   */
  private static List<String> dropIndexKeys(Connection connection) throws SQLException {
    List<String> drop = new ArrayList<>();
    List<String> restore = new ArrayList<>();
    List<String> restoreForeignKeys = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet indexes =
          statement.executeQuery(
              "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
                  + " JOIN pg_class i ON i.oid = x.indexrelid"
                  + " WHERE x.indrelid = 'articles_search_term'::regclass"
                  + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)")) {
        while (indexes.next()) {
          drop.add("DROP INDEX " + indexes.getString(1));
          restore.add(indexes.getString(2));
        }
      }
      try (ResultSet constraints =
          statement.executeQuery(
              "SELECT conname, pg_get_constraintdef(oid), contype FROM pg_constraint"
                  + " WHERE conrelid = 'articles_search_term'::regclass ORDER BY contype DESC")) {
        while (constraints.next()) {
          String name = constraints.getString(1);
          drop.add("ALTER TABLE articles_search_term DROP CONSTRAINT " + name);
          String add =
              "ALTER TABLE articles_search_term ADD CONSTRAINT "
                  + name
                  + " "
                  + constraints.getString(2);
          // Primary and unique keys first, foreign keys last (they only read).
          ("f".equals(constraints.getString(3)) ? restoreForeignKeys : restore).add(add);
        }
      }
      for (String sql : drop) {
        statement.execute(sql);
      }
    }
    restore.addAll(restoreForeignKeys);
    return restore;
  }

  private static List<Long> ids(Connection connection, String sql) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  private static String timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  private static void log(long started, String message) {
    System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
  }
}
