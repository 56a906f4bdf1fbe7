package org.tribune.bench.media;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fills the media library with {@code COUNT} more items, written straight into {@code
 * articles_media} through JDBC (H2 with the server stopped, or PostgreSQL): French alt texts,
 * captions, credits and file names, their folded {@code search_text} as the application writes it
 * (lower case, accents removed, the four texts joined by new lines), uploaded over the three years
 * before the newest item, one a staff member's. Every item has the file of the newest item already
 * there (its hash, sizes and formats), so that every thumbnail resolves. One item in a hundred has
 * the word "lavoir" in its caption (nothing else has it); no item has "zeppelin". The sequence is
 * moved past the new ids.
 *
 * <pre>java -cp … org.tribune.bench.media.SeedLibrary JDBC_URL COUNT</pre>
 */
public final class SeedLibrary {
  /** The word in one item out of {@value #RARE_EVERY}: the rare search. */
  static final String RARE_WORD = "lavoir";

  static final int RARE_EVERY = 100;

  private static final String[] SUBJECTS = {
    "Le marché de Noël",
    "La fête de la musique",
    "Le conseil municipal",
    "Le chantier du tramway",
    "La braderie",
    "Le carnaval des écoles",
    "La course des Remparts",
    "Le festival de jazz",
    "Les vendanges",
    "La rentrée scolaire",
    "Le match de rugby",
    "La foire aux vins",
    "L’exposition de photographies",
    "La crue de l’Ill",
    "Le défilé du 14 Juillet",
    "La cérémonie du 11 Novembre",
    "Le forum des associations",
    "La nuit des musées",
  };
  private static final String[] PLACES = {
    "place Kléber",
    "quai des Bateliers",
    "parc de l’Orangerie",
    "la cathédrale",
    "la médiathèque Malraux",
    "la gare",
    "le port du Rhin",
    "la Petite France",
    "l’hôtel de ville",
    "le stade de la Meinau",
    "le marché couvert",
    "la Krutenau",
    "Neudorf",
    "Cronenbourg",
  };
  private static final String[] SCENES = {
    "au petit matin", "sous la pluie", "à la tombée de la nuit", "devant une foule nombreuse",
    "en présence du maire", "avec les enfants du quartier", "malgré le froid",
        "sous un grand soleil",
  };
  private static final String[] PHOTOGRAPHERS = {
    "Claire Martin", "Jean-Luc Meyer", "Sophie Koenig", "Hugo Bernard", "Léa Schmitt",
    "Thomas Weber", "Amélie Roth", "Nicolas Fischer", "Inès Haas", "Julien Muller",
  };
  private static final String[] STAFF = {
    "claire.martin@example.org",
    "jl.meyer@example.org",
    "sophie.koenig@example.org",
    "admin@example.org",
  };

  private SeedLibrary() {}

  public static void main(String[] args) throws SQLException {
    if (args.length < 2) {
      System.err.println("Usage: SeedLibrary JDBC_URL COUNT");
      System.exit(2);
    }
    int count = Integer.parseInt(args[1]);
    long started = System.nanoTime();
    try (Connection db = DriverManager.getConnection(args[0], user(args[0]), "")) {
      db.setAutoCommit(false);
      Template template = template(db);
      insert(db, template, count);
      long next = ((template.id + count) / 50 + 2) * 50;
      try (Statement s = db.createStatement()) {
        s.execute("ALTER SEQUENCE articles_media_seq RESTART WITH " + next);
      }
      db.commit();
      try (Statement s = db.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT COUNT(*), SUM(CASE WHEN search_text LIKE '%"
                      + RARE_WORD
                      + "%' THEN 1 ELSE 0 END) FROM articles_media")) {
        r.next();
        System.out.printf(
            Locale.ROOT,
            "{\"items\":%d,\"withRareWord\":%d,\"rareWord\":\"%s\",\"seconds\":%.1f}%n",
            r.getLong(1),
            r.getLong(2),
            RARE_WORD,
            (System.nanoTime() - started) / 1e9);
      }
    }
  }

  /** The newest item: the uploaded file every new item points at. */
  private record Template(
      long id,
      String hash,
      String format,
      long bytes,
      int width,
      int height,
      String widths,
      String derivedFormat,
      OffsetDateTime uploadedAt) {}

  private static Template template(Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT id, hash, format, bytes, width, height, widths, derived_format, uploaded_at"
                    + " FROM articles_media ORDER BY id DESC")) {
      if (!r.next()) {
        throw new IllegalStateException("Upload one image first: the new items show its file");
      }
      return new Template(
          r.getLong(1),
          r.getString(2),
          r.getString(3),
          r.getLong(4),
          r.getInt(5),
          r.getInt(6),
          r.getString(7),
          r.getString(8),
          r.getObject(9, OffsetDateTime.class));
    }
  }

  private static void insert(Connection db, Template t, int count) throws SQLException {
    SplittableRandom random = new SplittableRandom(18);
    OffsetDateTime first = t.uploadedAt.withOffsetSameInstant(ZoneOffset.UTC).minusYears(3);
    long span = t.uploadedAt.toEpochSecond() - first.toEpochSecond();
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO articles_media (id, version, hash, format, original_name, bytes, width,"
                + " height, widths, derived_format, alt, caption, credit, focal_x, focal_y,"
                + " uploaded_by, uploaded_at, updated_at, search_text)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)")) {
      for (int i = 1; i <= count; i++) {
        String subject = pick(random, SUBJECTS);
        String place = pick(random, PLACES);
        // One item in ten is not described yet (no alt text), as in a library in use.
        String alt =
            random.nextInt(10) == 0
                ? ""
                : subject + ", " + place + ", " + pick(random, SCENES) + ".";
        String caption =
            subject
                + ", "
                + place
                + (i % RARE_EVERY == 0 ? ", près du vieux " + RARE_WORD : "")
                + ", "
                + pick(random, SCENES)
                + ". Archives de la rédaction, série "
                + (1 + random.nextInt(400))
                + ".";
        String credit = "Photo : " + pick(random, PHOTOGRAPHERS) + " / Tribune";
        String name =
            random.nextBoolean()
                ? String.format(Locale.ROOT, "IMG_%04d.jpg", random.nextInt(10_000))
                : fold(subject).replaceAll("[^a-z0-9]+", "-") + "-" + (i % 97) + ".jpg";
        OffsetDateTime at = first.plusSeconds(span * i / (count + 1L));
        int c = 1;
        insert.setLong(c++, t.id + i);
        insert.setString(c++, t.hash);
        insert.setString(c++, t.format);
        insert.setString(c++, name);
        insert.setLong(c++, t.bytes);
        insert.setInt(c++, t.width);
        insert.setInt(c++, t.height);
        insert.setString(c++, t.widths);
        insert.setString(c++, t.derivedFormat);
        insert.setString(c++, alt);
        insert.setString(c++, caption);
        insert.setString(c++, credit);
        insert.setString(c++, pick(random, STAFF));
        insert.setObject(c++, at);
        insert.setObject(c++, at);
        insert.setString(c, fold(String.join("\n", alt, caption, credit, name)));
        insert.addBatch();
        if (i % 1000 == 0 || i == count) {
          insert.executeBatch();
        }
      }
    }
  }

  private static String pick(SplittableRandom random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  /** As the library folds its search text: accents removed, lower case. */
  static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }

  private static String user(String url) {
    return url.startsWith("jdbc:h2:") ? "" : null;
  }
}
