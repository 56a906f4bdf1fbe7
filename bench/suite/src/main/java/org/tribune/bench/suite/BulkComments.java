package org.tribune.bench.suite;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.postgresql.copy.CopyIn;
import org.tribune.bench.search.CopyRows;

/**
 * Fills the L dataset's discussions: adds comments to the articles that bench/search's {@code
 * Generate} wrote (ids from {@value #FIRST_ARTICLE}) until the database holds {@code total}
 * comments. One article gets {@code big} comments and a recognisable slug ({@value #BIG_SLUG}); the
 * others get a skewed share (log-normal, at most 2 000). Threads are up to depth 5, as the
 * application builds them ({@code parent_id}, {@code root_id}, {@code depth}); 95 % approved, 3 %
 * pending, 2 % spam. Bodies are stored with the HTML the application itself renders (its {@code
 * CommentRenderer}, called by reflection: it is internal to the comments module).
 *
 * <p>Rows go in with {@code COPY}. The schema must have been created by the WAR (Flyway).
 *
 * <p>Usage: {@code BulkComments <jdbc-url> [total=1000000] [big=10000] [seed=7]}
 */
public final class BulkComments {
  static final long FIRST_ARTICLE = 10_000_000L;
  static final long FIRST_ID = 50_000_000L;
  static final String BIG_SLUG = "fete-de-la-science-dix-mille-commentaires";
  private static final int MAX_DEPTH = 5;
  private static final int CAP = 2_000;

  private final Method render;

  private BulkComments() throws ReflectiveOperationException {
    render =
        Class.forName("org.tribune.comments.internal.CommentRenderer")
            .getDeclaredMethod("render", String.class);
    render.setAccessible(true);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("Usage: BulkComments <jdbc-url> [total=1000000] [big=10000] [seed=7]");
      System.exit(2);
    }
    long total = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    int big = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 7L;
    new BulkComments().run(args[0], total, big, seed);
  }

  private record Target(long id, Instant published) {}

  private void run(String url, long total, int big, long seed) throws Exception {
    long started = System.nanoTime();
    try (Connection db = DriverManager.getConnection(url)) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("SET synchronous_commit = off");
      }
      List<Target> targets = new ArrayList<>();
      try (PreparedStatement s =
          db.prepareStatement(
              "SELECT id, published_at FROM articles_article WHERE id >= ? AND status = 'PUBLISHED'"
                  + " ORDER BY id")) {
        s.setLong(1, FIRST_ARTICLE);
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            targets.add(
                new Target(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant()));
          }
        }
      }
      long existing;
      try (Statement s = db.createStatement();
          ResultSet rows = s.executeQuery("SELECT COUNT(*), MAX(id) FROM comments_comment")) {
        rows.next();
        existing = rows.getLong(1);
        if (rows.getLong(2) >= FIRST_ID) {
          throw new IllegalStateException(
              "Comments were generated here already: use a fresh database");
        }
      }
      if (targets.size() < 2) {
        throw new IllegalStateException("No generated articles: run bench/search's Generate first");
      }
      long toWrite = total - existing;
      Target bigOne = targets.get(0);
      try (PreparedStatement s =
          db.prepareStatement("UPDATE articles_article SET slug = ?, title = ? WHERE id = ?")) {
        s.setString(1, BIG_SLUG);
        s.setString(2, "Fête de la science : dix mille commentaires");
        s.setLong(3, bigOne.id());
        s.executeUpdate();
      }
      Random random = new Random(seed);
      List<Target> rest = targets.subList(1, targets.size());
      int[] counts = shares(random, rest.size(), toWrite - big);
      log(
          started,
          existing + " comments there; writing " + toWrite + " on " + targets.size() + " articles");

      CopyIn copy =
          CopyRows.copy(
              db,
              "COPY comments_comment (id, version, article_id, author_name, body, status,"
                  + " created_at, parent_id, root_id, depth, email, website, body_html, score,"
                  + " ip_hash, replies_notified, staff) FROM STDIN");
      StringBuilder buffer = new StringBuilder(1 << 21);
      long[] next = {FIRST_ID};
      long written = discussion(copy, buffer, random, bigOne, big, next);
      for (int i = 0; i < rest.size(); i++) {
        written += discussion(copy, buffer, random, rest.get(i), counts[i], next);
        if ((i + 1) % 10_000 == 0) {
          log(started, written + " comments");
        }
      }
      CopyRows.flush(copy, buffer);
      copy.endCopy();
      db.commit();
      db.setAutoCommit(true);
      try (Statement s = db.createStatement()) {
        s.execute("SELECT setval('comments_comment_seq', " + ((next[0] / 50) + 2) * 50 + ")");
        s.execute("VACUUM ANALYZE");
      }
      log(started, "done: " + written + " comments written; " + BIG_SLUG + " has " + big);
    }
  }

  /** {@code n} counts summing to {@code sum}, log-normally spread, none above the cap. */
  private static int[] shares(Random random, int n, long sum) {
    double[] w = new double[n];
    double all = 0;
    for (int i = 0; i < n; i++) {
      w[i] = Math.exp(random.nextGaussian() * 1.2);
      all += w[i];
    }
    int[] counts = new int[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      counts[i] = (int) Math.min(CAP, Math.floor(w[i] / all * sum));
      given += counts[i];
    }
    for (int i = 0; given < sum; i = (i + 1) % n) {
      if (counts[i] < CAP) {
        counts[i]++;
        given++;
      }
    }
    return counts;
  }

  /** One article's comments, parents before replies; returns how many. */
  private long discussion(
      CopyIn copy, StringBuilder buffer, Random random, Target article, int count, long[] next)
      throws Exception {
    long[] ids = new long[count];
    long[] roots = new long[count];
    int[] depths = new int[count];
    boolean[] approved = new boolean[count];
    Instant now = Instant.now();
    Instant date = article.published().plusSeconds(120);
    long spacing =
        Math.max(
            1,
            Math.min(
                3_600, (now.getEpochSecond() - date.getEpochSecond()) / Math.max(1, count + 1)));
    double replyShare = count < 5 ? 0.25 : 0.45;
    for (int i = 0; i < count; i++) {
      long id = next[0]++;
      ids[i] = id;
      int parent = -1;
      if (i > 0 && random.nextDouble() < replyShare) {
        for (int attempt = 0; attempt < 4; attempt++) {
          int p = i - Math.min(i, 1 + (int) Math.abs(random.nextGaussian() * 6));
          if (approved[p] && depths[p] < MAX_DEPTH) {
            parent = p;
            break;
          }
        }
      }
      depths[i] = parent < 0 ? 0 : depths[parent] + 1;
      roots[i] = parent < 0 ? id : roots[parent];
      int roll = random.nextInt(100);
      String status = roll < 95 ? "APPROVED" : roll < 98 ? "PENDING" : "SPAM";
      approved[i] = roll < 95;
      date = date.plusSeconds(1 + random.nextInt((int) spacing * 2));
      if (date.isAfter(now)) {
        date = now.minusSeconds(count - i);
      }
      int reader = random.nextInt(50_000);
      String body = Text.comment(random);
      CopyRows.row(
          buffer,
          id,
          1,
          article.id(),
          Text.name(random),
          body,
          status,
          OffsetDateTime.ofInstant(date, ZoneOffset.UTC),
          parent < 0 ? null : ids[parent],
          roots[i],
          depths[i],
          Text.email(reader),
          null,
          render.invoke(null, body),
          0,
          HexFormat.of().formatHex(longBytes(random.nextLong(), random.nextLong(), reader)),
          true,
          false);
      if (buffer.length() > 1 << 21) {
        CopyRows.flush(copy, buffer);
      }
    }
    return count;
  }

  private static byte[] longBytes(long a, long b, int c) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (a >>> (8 * i));
      bytes[8 + i] = (byte) (b >>> (8 * i));
      bytes[16 + i] = (byte) ((a ^ c) >>> (8 * i));
      bytes[24 + i] = (byte) ((b + c) >>> (8 * i));
    }
    return bytes;
  }

  private static void log(long started, String message) {
    System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
  }
}
