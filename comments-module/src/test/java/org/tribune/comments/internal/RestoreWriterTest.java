package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.ExportedBan;
import org.tribune.comments.api.ExportedComment;
import org.tribune.comments.api.ExportedComment.Subscription;
import org.tribune.comments.api.ExportedComment.Vote;

/**
 * A restore's SQL on an in-memory H2 migrated by the module's own scripts: every column written
 * back as exported and read again, thread roots, tombstones, clearing, sequences, and a restore
 * undone with its transaction. The same SQL runs on PostgreSQL in the web module's integration
 * tests.
 */
class RestoreWriterTest {
  private static final Instant T0 = Instant.parse("2025-11-03T08:15:30.123456Z");
  private static final long ARTICLE = 3;

  private Connection connection;
  private RestoreWriter writer;

  @BeforeEach
  void migratedDatabase() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure(RestoreWriterTest.class.getClassLoader())
        .dataSource(url, "", "")
        .locations("classpath:db/migration/comments")
        .table("comments_schema_history")
        .javaMigrations(new V3__RenderLegacyBodies())
        .load()
        .migrate();
    connection = DriverManager.getConnection(url);
    writer = new RestoreWriter(connection);
  }

  @AfterEach
  void close() throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.execute("SHUTDOWN");
    }
    connection.close();
  }

  // --- Data ------------------------------------------------------------------------------------

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  private static String hex(char c) {
    return String.valueOf(c).repeat(64);
  }

  /** A reader's comment whose every optional column holds something. */
  private static ExportedComment comment(
      long id, Long parentId, int depth, List<Vote> votes, List<Subscription> subscriptions) {
    return new ExportedComment(
        id,
        ARTICLE,
        parentId,
        depth,
        "Léa " + id,
        "lea" + id + "@example.org",
        "https://lea.example/" + id,
        "Avis n° " + id + " \uD83D\uDE00",
        "<p>Avis n° " + id + " \uD83D\uDE00</p>",
        CommentStatus.APPROVED,
        at((int) id),
        at((int) id + 5),
        votes.stream().mapToInt(Vote::direction).sum(),
        false,
        null,
        hex('a'),
        "Mozilla/5.0 (X11; Linux x86_64)",
        hex('b'),
        parentId != null,
        votes,
        subscriptions);
  }

  private static ExportedComment plain(long id, Long parentId, int depth) {
    return comment(id, parentId, depth, List.of(), List.of());
  }

  /**
   * A thread of an article: a comment with two votes and two subscriptions (one confirmed), a
   * reply, a reply hung under it that answers another comment, an erased comment kept as a
   * tombstone with its reply, a staff reply, a held comment without e-mail or website.
   */
  private static List<ExportedComment> thread() {
    List<ExportedComment> thread = new ArrayList<>();
    thread.add(
        comment(
            100,
            null,
            0,
            List.of(
                new Vote(7, hex('1'), hex('2'), 1, at(2)),
                new Vote(8, hex('3'), hex('4'), -1, at(3))),
            List.of(
                new Subscription(60, "lea100@example.org", "tok-60", true, at(1)),
                new Subscription(61, "marc@example.org", "tok-61", false, at(4)))));
    thread.add(plain(101, 100L, 1));
    thread.add(plain(102, 101L, 2));
    ExportedComment hung = plain(103, 101L, 2);
    thread.add(
        new ExportedComment(
            hung.id(),
            hung.articleId(),
            hung.parentId(),
            hung.depth(),
            hung.authorName(),
            hung.email(),
            hung.website(),
            hung.body(),
            hung.bodyHtml(),
            CommentStatus.SPAM,
            hung.createdAt(),
            null,
            -3,
            false,
            102L,
            null,
            null,
            null,
            false,
            List.of(),
            List.of()));
    thread.add(tombstone(104));
    thread.add(plain(105, 104L, 1));
    thread.add(
        new ExportedComment(
            106,
            ARTICLE,
            100L,
            1,
            "La rédaction",
            "redaction@example.org",
            null,
            "Merci.",
            "<p>Merci.</p>",
            CommentStatus.APPROVED,
            at(106),
            null,
            0,
            true,
            null,
            null,
            null,
            null,
            true,
            List.of(),
            List.of()));
    thread.add(
        new ExportedComment(
            107,
            ARTICLE,
            null,
            0,
            "Anonyme",
            null,
            null,
            "En attente",
            "<p>En attente</p>",
            CommentStatus.PENDING,
            at(107),
            null,
            0,
            false,
            null,
            hex('c'),
            null,
            hex('d'),
            false,
            List.of(),
            List.of()));
    return thread;
  }

  /** What an erased comment with replies leaves, as the export gives it. */
  private static ExportedComment tombstone(long id) {
    return new ExportedComment(
        id,
        ARTICLE,
        null,
        0,
        "",
        null,
        null,
        "",
        "",
        CommentStatus.TRASH,
        at((int) id),
        null,
        0,
        false,
        null,
        null,
        null,
        null,
        false,
        List.of(),
        List.of());
  }

  private static List<ExportedBan> bans() {
    return List.of(
        new ExportedBan(3, "EMAIL", "spam@example.org", 103L, at(200)),
        new ExportedBan(4, "IP", hex('e'), null, at(201)));
  }

  private static Map<String, String> settings() {
    Map<String, String> settings = new TreeMap<>();
    settings.put(AddressHasher.SALT_SETTING, "salt-of-the-restored-site");
    settings.put(StoredSettings.MODERATION, "APPROVE_ALL");
    settings.put(StoredSettings.BLOCKED_WORDS, ("mot" + ",").repeat(5_000));
    return settings;
  }

  // --- Reading back ----------------------------------------------------------------------------

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  /** Every stored comment as the export would give it, by id, with its votes and subscriptions. */
  private List<ExportedComment> stored() throws SQLException {
    Map<Long, List<Vote>> votes = new LinkedHashMap<>();
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT * FROM comments_vote ORDER BY id")) {
      while (row.next()) {
        votes
            .computeIfAbsent(row.getLong("comment_id"), id -> new ArrayList<>())
            .add(
                new Vote(
                    row.getLong("id"),
                    row.getString("voter_key"),
                    row.getString("ip_hash"),
                    row.getInt("direction"),
                    instant(row, "created_at")));
      }
    }
    Map<Long, List<Subscription>> subscriptions = new LinkedHashMap<>();
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT * FROM comments_subscription ORDER BY id")) {
      while (row.next()) {
        subscriptions
            .computeIfAbsent(row.getLong("comment_id"), id -> new ArrayList<>())
            .add(
                new Subscription(
                    row.getLong("id"),
                    row.getString("email"),
                    row.getString("token"),
                    row.getBoolean("confirmed"),
                    instant(row, "created_at")));
      }
    }
    List<ExportedComment> comments = new ArrayList<>();
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT * FROM comments_comment ORDER BY id")) {
      while (row.next()) {
        long id = row.getLong("id");
        comments.add(
            new ExportedComment(
                id,
                row.getLong("article_id"),
                nullableLong(row, "parent_id"),
                row.getInt("depth"),
                row.getString("author_name"),
                row.getString("email"),
                row.getString("website"),
                row.getString("body"),
                row.getString("body_html"),
                CommentStatus.valueOf(row.getString("status")),
                instant(row, "created_at"),
                instant(row, "edited_at"),
                row.getInt("score"),
                row.getBoolean("staff"),
                nullableLong(row, "answered_id"),
                row.getString("ip_hash"),
                row.getString("user_agent"),
                row.getString("edit_token_hash"),
                row.getBoolean("replies_notified"),
                votes.getOrDefault(id, List.of()),
                subscriptions.getOrDefault(id, List.of())));
      }
    }
    return comments;
  }

  /** {@code id → root_id} of every stored comment. */
  private Map<Long, Long> roots() throws SQLException {
    Map<Long, Long> roots = new TreeMap<>();
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT id, root_id FROM comments_comment")) {
      while (row.next()) {
        roots.put(row.getLong(1), row.getLong(2));
      }
    }
    return roots;
  }

  private List<ExportedBan> storedBans() throws SQLException {
    List<ExportedBan> bans = new ArrayList<>();
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT * FROM comments_ban ORDER BY id")) {
      while (row.next()) {
        bans.add(
            new ExportedBan(
                row.getLong("id"),
                row.getString("kind"),
                row.getString("ban_value"),
                nullableLong(row, "comment_id"),
                instant(row, "created_at")));
      }
    }
    return bans;
  }

  private Map<String, String> storedSettings() throws SQLException {
    Map<String, String> settings = new TreeMap<>();
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT name, setting_value FROM comments_setting")) {
      while (row.next()) {
        settings.put(row.getString(1), row.getString(2));
      }
    }
    return settings;
  }

  private long count(String table) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
      row.next();
      return row.getLong(1);
    }
  }

  private long nextValue(String sequence) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("VALUES NEXT VALUE FOR " + sequence)) {
      row.next();
      return row.getLong(1);
    }
  }

  // --- Tests -----------------------------------------------------------------------------------

  @Test
  void everyColumnComesBackAsExported() throws SQLException {
    writer.writeSettings(settings());
    writer.writeComments(thread());
    writer.writeBans(bans());

    assertEquals(thread(), stored());
    assertEquals(bans(), storedBans());
    assertEquals(settings(), storedSettings());
    assertEquals(
        Map.of(
            100L, 100L, 101L, 100L, 102L, 100L, 103L, 100L, 104L, 104L, 105L, 104L, 106L, 100L,
            107L, 107L),
        roots());
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT DISTINCT version FROM comments_comment")) {
      assertTrue(row.next());
      assertEquals(1, row.getLong(1), "as a comment persisted once");
      assertFalse(row.next());
    }
  }

  @Test
  void aTombstoneWhoseNameAndTextWereLeftOutIsWrittenEmptyAsTheServicesLeaveIt()
      throws SQLException {
    ExportedComment erased = tombstone(104);
    writer.writeComments(
        List.of(
            new ExportedComment(
                erased.id(),
                erased.articleId(),
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                CommentStatus.TRASH,
                erased.createdAt(),
                null,
                0,
                false,
                null,
                null,
                null,
                null,
                false,
                null,
                null)));

    ExportedComment back = stored().get(0);
    assertEquals("", back.authorName());
    assertEquals("", back.body());
    assertEquals(CommentStatus.TRASH, back.status());
  }

  @Test
  void repliesWhoseParentsCameInEarlierCallsJoinTheirThread() throws SQLException {
    writer.writeComments(List.of(plain(100, null, 0), plain(200, null, 0)));
    writer.writeComments(List.of(plain(101, 100L, 1), plain(102, 101L, 2), plain(201, 200L, 1)));
    writer.writeComments(List.of(plain(103, 102L, 3), plain(104, 100L, 1)));

    assertEquals(
        Map.of(100L, 100L, 101L, 100L, 102L, 100L, 103L, 100L, 104L, 100L, 200L, 200L, 201L, 200L),
        roots());
  }

  @Test
  void aReplyBeforeItsParentInOneCallStillFindsItsThread() throws SQLException {
    writer.writeComments(List.of(plain(102, 101L, 2), plain(101, 100L, 1), plain(100, null, 0)));

    assertEquals(Map.of(100L, 100L, 101L, 100L, 102L, 100L), roots());
  }

  @Test
  void aReplyWhoseParentWasNeverRestoredIsRefused() throws SQLException {
    writer.writeComments(List.of(plain(100, null, 0)));

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> writer.writeComments(List.of(plain(101, 100L, 1), plain(301, 300L, 1))));
    assertTrue(refused.getMessage().contains("300"), refused.getMessage());
    assertEquals(1, count("comments_comment"), "nothing of the refused call");
  }

  @Test
  void rowsTheTablesWouldRefuseAreRefusedByName() {
    ExportedComment noStatus =
        new ExportedComment(
            1,
            ARTICLE,
            null,
            0,
            "Léa",
            null,
            null,
            "x",
            "<p>x</p>",
            null,
            T0,
            null,
            0,
            false,
            null,
            null,
            null,
            null,
            false,
            List.of(),
            List.of());
    assertThrows(IllegalArgumentException.class, () -> writer.writeComments(List.of(noStatus)));
    ExportedComment badVote =
        comment(2, null, 0, List.of(new Vote(1, hex('1'), hex('2'), 0, T0)), List.of());
    assertThrows(IllegalArgumentException.class, () -> writer.writeComments(List.of(badVote)));
    assertThrows(
        IllegalArgumentException.class,
        () -> writer.writeBans(List.of(new ExportedBan(1, "NAME", "Léa", null, T0))));
    Map<String, String> noValue = new TreeMap<>();
    noValue.put("moderation", null);
    assertThrows(IllegalArgumentException.class, () -> writer.writeSettings(noValue));
  }

  @Test
  void aSettingReplacesTheSitesOwnOfTheSameName() throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO comments_setting (name, setting_value) VALUES ('ip-salt', 'this site''s')");
      sql.executeUpdate(
          "INSERT INTO comments_setting (name, setting_value) VALUES ('max-links', '4')");
    }

    writer.writeSettings(Map.of("ip-salt", "the restored site's"));

    assertEquals(Map.of("ip-salt", "the restored site's", "max-links", "4"), storedSettings());
  }

  @Test
  void clearingEmptiesTheModulesTablesButNotTheJobLocks() throws SQLException {
    assertFalse(writer.holdsContent());
    writer.writeSettings(settings());
    writer.writeComments(thread());
    writer.writeBans(bans());
    try (Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO comments_mail (recipient, subject, body) VALUES ('a@b.fr', 'S', 'B')");
      sql.executeUpdate(
          "INSERT INTO comments_job_lock (name, lock_until, locked_at, locked_by)"
              + " VALUES ('comments-mail', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'node-1')");
      sql.executeUpdate(
          "INSERT INTO comments_decision (id, comment_id, article_id, outcome, charter_rule,"
              + " decided_by, decided_at, first_report_at, report_count) VALUES (1, 1, 7, 'KEEP',"
              + " 'NO_BREACH', 'ed@b.fr', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
      sql.executeUpdate(
          "INSERT INTO comments_report (id, comment_id, article_id, reason, reporter_key,"
              + " reported_text, received_at, decision_id) VALUES (1, 1, 7, 'SPAM', 'k', 'T',"
              + " CURRENT_TIMESTAMP, 1)");
    }
    assertTrue(writer.holdsContent());

    writer.clear();

    for (String table :
        List.of(
            "comments_comment",
            "comments_vote",
            "comments_subscription",
            "comments_report",
            "comments_decision",
            "comments_ban",
            "comments_mail",
            "comments_setting")) {
      assertEquals(0, count(table), table);
    }
    assertEquals(1, count("comments_job_lock"));
    assertFalse(writer.holdsContent());
  }

  @Test
  void aBanAloneIsContent() throws SQLException {
    writer.writeBans(bans().subList(0, 1));
    assertTrue(writer.holdsContent());
  }

  @Test
  void theSequencesContinueAfterTheHighestRestoredIds() throws SQLException {
    writer.writeComments(
        List.of(
            comment(
                1234,
                null,
                0,
                List.of(new Vote(77, hex('1'), hex('2'), 1, T0)),
                List.of(new Subscription(5000, "a@b.fr", "tok", true, T0)))));
    writer.writeBans(List.of(new ExportedBan(50, "IP", hex('e'), null, T0)));

    writer.continueSequences();

    // EclipseLink takes a value as the last id of a block of 50: the block must start above.
    long comment = nextValue("comments_comment_seq");
    assertTrue(comment - 49 > 1234 && comment % 50 == 0, "comments: " + comment);
    long vote = nextValue("comments_vote_seq");
    assertTrue(vote - 49 > 77 && vote % 50 == 0, "votes: " + vote);
    long subscription = nextValue("comments_subscription_seq");
    assertTrue(
        subscription - 49 > 5000 && subscription % 50 == 0, "subscriptions: " + subscription);
    long ban = nextValue("comments_ban_seq");
    assertTrue(ban - 49 > 50 && ban % 50 == 0, "bans: " + ban);
  }

  @Test
  void theFirstValueOfABlockIsAboveTheHighestId() {
    assertEquals(50, RestoreWriter.nextValue(0), "an empty table: the migration's start");
    assertEquals(100, RestoreWriter.nextValue(1));
    assertEquals(100, RestoreWriter.nextValue(50));
    assertEquals(150, RestoreWriter.nextValue(51));
    assertEquals(1300, RestoreWriter.nextValue(1234));
  }

  @Test
  void aSequenceIsNeverMovedBack() throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.executeUpdate("ALTER SEQUENCE comments_comment_seq RESTART WITH 10000");
    }
    writer.writeComments(List.of(plain(100, null, 0)));

    writer.continueSequences();

    assertTrue(nextValue("comments_comment_seq") >= 10_000);
    assertEquals(50, nextValue("comments_ban_seq"), "an empty table and an unused sequence");
  }

  @Test
  void aRestoreIsUndoneWithItsTransaction() throws SQLException {
    writer.writeSettings(Map.of("ip-salt", "this site's"));
    writer.writeComments(List.of(plain(1, null, 0)));
    connection.setAutoCommit(false);

    writer.clear();
    writer.writeSettings(settings());
    writer.writeComments(thread());
    writer.writeBans(bans());
    writer.continueSequences();
    connection.rollback();

    assertEquals(Map.of("ip-salt", "this site's"), storedSettings());
    assertEquals(List.of(1L), stored().stream().map(ExportedComment::id).toList());
    assertEquals(0, count("comments_ban"));
  }

  @Test
  void thousandsOfCommentsGoInBatches() throws SQLException {
    List<ExportedComment> many = new ArrayList<>();
    int total = 2 * RestoreWriter.BATCH + 17;
    for (long id = 1; id <= total; id++) {
      many.add(
          id % 10 == 1
              ? comment(id, null, 0, List.of(new Vote(id, hex('1'), hex('2'), 1, T0)), List.of())
              : plain(id, id - 1, 1));
    }

    writer.writeComments(many);

    assertEquals(total, count("comments_comment"));
    assertEquals((total + 9) / 10, count("comments_vote"));
    try (PreparedStatement select =
        connection.prepareStatement("SELECT root_id FROM comments_comment WHERE id = ?")) {
      select.setLong(1, total);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        assertEquals((total - 1) / 10 * 10 + 1, row.getLong(1));
      }
    }
  }
}
