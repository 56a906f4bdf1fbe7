package org.tribune.comments.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tribune.comments.api.Ban;
import org.tribune.comments.api.Decision;
import org.tribune.comments.api.DiscussionRules;
import org.tribune.comments.api.ExportedBan;
import org.tribune.comments.api.ExportedComment;
import org.tribune.comments.api.ExportedReport;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.api.ReportReason;

/**
 * The SQL of a restore ({@link DefaultCommentRestoreService}): rows written back as they were
 * exported, ids included, with plain JDBC and batched statements, since a site's restore writes
 * hundreds of thousands of rows and the entities' checks and events are not wanted there. A plain
 * class over a connection it neither commits nor closes: the caller's transaction decides, and the
 * tests run it on an in-memory H2. The same SQL runs on H2 and PostgreSQL; every value is a
 * parameter.
 */
final class RestoreWriter {
  /** Rows sent to the database at once. */
  static final int BATCH = 1_000;

  /** Ids EclipseLink takes from one value of a sequence ({@code allocationSize}, V1). */
  static final int ALLOCATION = 50;

  /** Parents looked up per query, when a reply's parent was restored by an earlier call. */
  private static final int LOOKUP = 100;

  /** Deepest parent chain followed within one call: a guard against a cycle. */
  private static final int MAX_LEVELS = 10_000;

  /** Tables emptied by {@link #clear}, those holding a foreign key before their target. */
  private static final List<String> CLEARED =
      List.of(
          "comments_report",
          "comments_decision",
          "comments_article_rules",
          "comments_section_rules",
          "comments_vote",
          "comments_subscription",
          "comments_comment",
          "comments_ban",
          "comments_mail",
          "comments_setting");

  /** Each table whose ids an entity takes from a sequence, with that sequence. */
  private static final Map<String, String> SEQUENCES =
      Map.of(
          "comments_comment", "comments_comment_seq",
          "comments_vote", "comments_vote_seq",
          "comments_ban", "comments_ban_seq",
          "comments_subscription", "comments_subscription_seq",
          "comments_report", "comments_report_seq",
          "comments_decision", "comments_decision_seq");

  private static final String INSERT_COMMENT =
      "INSERT INTO comments_comment (id, version, article_id, parent_id, answered_id, root_id,"
          + " depth, author_name, email, website, body, body_html, status, created_at, edited_at,"
          + " score, ip_hash, user_agent, edit_token_hash, replies_notified, staff, featured_at,"
          + " featured_by)"
          + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_VOTE =
      "INSERT INTO comments_vote (id, comment_id, voter_key, ip_hash, direction, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final String INSERT_SUBSCRIPTION =
      "INSERT INTO comments_subscription (id, comment_id, email, token, confirmed, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final String INSERT_BAN =
      "INSERT INTO comments_ban (id, kind, ban_value, comment_id, created_at, effect, expires_at,"
          + " reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_DECISION =
      "INSERT INTO comments_decision (id, comment_id, article_id, outcome, charter_rule,"
          + " statement, decided_by, decided_at, first_report_at, report_count)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_REPORT =
      "INSERT INTO comments_report (id, comment_id, article_id, reason, category, explanation,"
          + " reporter_name, reporter_email, good_faith, reporter_key, reported_text, received_at,"
          + " decision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String DELETE_SETTING = "DELETE FROM comments_setting WHERE name = ?";
  private static final String INSERT_SETTING =
      "INSERT INTO comments_setting (name, setting_value) VALUES (?, ?)";

  private static final Set<String> BAN_KINDS = Set.of("EMAIL", "IP");

  private final Connection connection;

  RestoreWriter(Connection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** Whether any comment, ban or subscription is stored. */
  boolean holdsContent() throws SQLException {
    for (String table : List.of("comments_comment", "comments_ban", "comments_subscription")) {
      try (Statement select = connection.createStatement();
          ResultSet row =
              select.executeQuery("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY")) {
        if (row.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Deletes comments with their votes and subscriptions, reports and decisions, bans, queued mails
   * and stored settings. The jobs' locks stay (a node may hold one), and so does the schema's
   * history. {@code DELETE}, not {@code TRUNCATE}: it is undone with the transaction on both
   * databases.
   */
  void clear() throws SQLException {
    try (Statement delete = connection.createStatement()) {
      for (String table : CLEARED) {
        delete.executeUpdate("DELETE FROM " + table);
      }
    }
  }

  /** Stored settings as exported; a row already there under a name is replaced. */
  void writeSettings(Map<String, String> settings) throws SQLException {
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      if (setting.getKey() == null || setting.getValue() == null) {
        throw new IllegalArgumentException("A setting needs a name and a value: " + setting);
      }
    }
    // Delete then insert: the same SQL on H2 and PostgreSQL, where MERGE and ON CONFLICT differ.
    try (PreparedStatement delete = connection.prepareStatement(DELETE_SETTING);
        PreparedStatement insert = connection.prepareStatement(INSERT_SETTING)) {
      for (String name : settings.keySet()) {
        delete.setString(1, name);
        delete.addBatch();
      }
      delete.executeBatch();
      for (Map.Entry<String, String> setting : settings.entrySet()) {
        insert.setString(1, setting.getKey());
        insert.setString(2, setting.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Comments as exported, then their votes and subscriptions. Each comment's thread root is worked
   * out from its parent: the parent is in {@code comments} (in any order) or was written before
   * (looked up, in one query per hundred parents).
   *
   * @throws IllegalArgumentException when a reply's parent is neither in {@code comments} nor
   *     stored, or a field a column requires is missing
   */
  void writeComments(List<ExportedComment> comments) throws SQLException {
    if (comments.isEmpty()) {
      return;
    }
    Map<Long, Long> roots = roots(comments);
    try (PreparedStatement insert = connection.prepareStatement(INSERT_COMMENT)) {
      int pending = 0;
      for (ExportedComment comment : comments) {
        int i = 0;
        insert.setLong(++i, comment.id());
        insert.setLong(++i, comment.articleId());
        setLong(insert, ++i, comment.parentId());
        setLong(insert, ++i, comment.answeredId());
        insert.setLong(++i, roots.get(comment.id()));
        insert.setInt(++i, comment.depth());
        // A tombstone's name and text are empty; a JSON writer may have dropped them as null.
        insert.setString(++i, comment.authorName() == null ? "" : comment.authorName());
        insert.setString(++i, comment.email());
        insert.setString(++i, comment.website());
        insert.setString(++i, comment.body() == null ? "" : comment.body());
        insert.setString(++i, comment.bodyHtml());
        insert.setString(++i, required(comment.status(), "Comment", comment.id(), "status").name());
        setInstant(
            insert, ++i, required(comment.createdAt(), "Comment", comment.id(), "createdAt"));
        setInstant(insert, ++i, comment.editedAt());
        insert.setInt(++i, comment.score());
        insert.setString(++i, comment.addressHash());
        insert.setString(++i, comment.userAgent());
        insert.setString(++i, comment.editTokenHash());
        insert.setBoolean(++i, comment.repliesNotified());
        insert.setBoolean(++i, comment.staff());
        setInstant(insert, ++i, comment.featuredAt());
        insert.setString(++i, comment.featuredBy());
        insert.addBatch();
        pending = flushed(insert, pending + 1);
      }
      insert.executeBatch();
    }
    writeVotes(comments);
    writeSubscriptions(comments);
  }

  private void writeVotes(List<ExportedComment> comments) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_VOTE)) {
      int pending = 0;
      for (ExportedComment comment : comments) {
        for (ExportedComment.Vote vote : comment.votes()) {
          if (vote.direction() != 1 && vote.direction() != -1) {
            throw new IllegalArgumentException(
                "Vote " + vote.id() + " is +1 or -1, not " + vote.direction());
          }
          insert.setLong(1, vote.id());
          insert.setLong(2, comment.id());
          insert.setString(3, vote.voterKey());
          insert.setString(4, vote.addressHash());
          insert.setShort(5, (short) vote.direction());
          setInstant(insert, 6, required(vote.createdAt(), "Vote", vote.id(), "createdAt"));
          insert.addBatch();
          pending = flushed(insert, pending + 1);
        }
      }
      insert.executeBatch();
    }
  }

  private void writeSubscriptions(List<ExportedComment> comments) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_SUBSCRIPTION)) {
      int pending = 0;
      for (ExportedComment comment : comments) {
        for (ExportedComment.Subscription subscription : comment.subscriptions()) {
          insert.setLong(1, subscription.id());
          insert.setLong(2, comment.id());
          insert.setString(3, subscription.email());
          insert.setString(4, subscription.token());
          insert.setBoolean(5, subscription.confirmed());
          setInstant(
              insert,
              6,
              required(subscription.createdAt(), "Subscription", subscription.id(), "createdAt"));
          insert.addBatch();
          pending = flushed(insert, pending + 1);
        }
      }
      insert.executeBatch();
    }
  }

  /** Bans as exported, with their ids. */
  void writeBans(List<ExportedBan> bans) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_BAN)) {
      int pending = 0;
      for (ExportedBan ban : bans) {
        if (ban.kind() == null || !BAN_KINDS.contains(ban.kind())) {
          throw new IllegalArgumentException(
              "Ban " + ban.id() + " is of kind EMAIL or IP, not " + ban.kind());
        }
        insert.setLong(1, ban.id());
        insert.setString(2, ban.kind());
        insert.setString(3, ban.value());
        setLong(insert, 4, ban.commentId());
        setInstant(insert, 5, required(ban.createdAt(), "Ban", ban.id(), "createdAt"));
        insert.setString(
            6, Ban.Effect.valueOf(required(ban.effect(), "Ban", ban.id(), "effect")).name());
        setInstant(insert, 7, ban.expiresAt());
        insert.setString(8, ban.reason());
        insert.addBatch();
        pending = flushed(insert, pending + 1);
      }
      insert.executeBatch();
    }
  }

  /** Articles' own discussion rules and sections' own moderation modes, as exported. */
  void writeDiscussionRules(Map<Long, DiscussionRules> articles, Map<Long, ModerationMode> sections)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO comments_article_rules (article_id, moderation, closes_at)"
                + " VALUES (?, ?, ?)")) {
      for (Map.Entry<Long, DiscussionRules> rule : articles.entrySet()) {
        insert.setLong(1, rule.getKey());
        ModerationMode mode = rule.getValue().moderation();
        insert.setString(2, mode == null ? null : mode.name());
        setInstant(insert, 3, rule.getValue().closesAt());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO comments_section_rules (section_id, moderation) VALUES (?, ?)")) {
      for (Map.Entry<Long, ModerationMode> mode : sections.entrySet()) {
        insert.setLong(1, mode.getKey());
        insert.setString(2, Objects.requireNonNull(mode.getValue(), "a section's mode").name());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Decisions on reports as exported; the database checks their outcome. */
  void writeDecisions(List<Decision> decisions) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_DECISION)) {
      int pending = 0;
      for (Decision decision : decisions) {
        insert.setLong(1, decision.id());
        insert.setLong(2, decision.commentId());
        insert.setLong(3, decision.articleId());
        insert.setString(
            4, required(decision.outcome(), "Decision", decision.id(), "outcome").name());
        insert.setString(5, required(decision.rule(), "Decision", decision.id(), "rule").name());
        insert.setString(6, decision.statement());
        insert.setString(7, required(decision.decidedBy(), "Decision", decision.id(), "decidedBy"));
        setInstant(
            insert, 8, required(decision.decidedAt(), "Decision", decision.id(), "decidedAt"));
        setInstant(
            insert,
            9,
            required(decision.firstReportAt(), "Decision", decision.id(), "firstReportAt"));
        insert.setInt(10, decision.reportCount());
        insert.addBatch();
        pending = flushed(insert, pending + 1);
      }
      insert.executeBatch();
    }
  }

  /** Reports as exported; a report closed by a decision comes after it. */
  void writeReports(List<ExportedReport> reports) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_REPORT)) {
      int pending = 0;
      for (ExportedReport report : reports) {
        long id = report.id();
        ReportReason.valueOf(required(report.reason(), "Report", id, "reason"));
        if (report.category() != null) {
          IllicitCategory.valueOf(report.category());
        }
        insert.setLong(1, id);
        insert.setLong(2, report.commentId());
        insert.setLong(3, report.articleId());
        insert.setString(4, report.reason());
        insert.setString(5, report.category());
        insert.setString(6, report.explanation());
        insert.setString(7, report.reporterName());
        insert.setString(8, report.reporterEmail());
        insert.setBoolean(9, report.goodFaith());
        insert.setString(10, required(report.reporterKey(), "Report", id, "reporterKey"));
        insert.setString(11, required(report.reportedText(), "Report", id, "reportedText"));
        setInstant(insert, 12, required(report.receivedAt(), "Report", id, "receivedAt"));
        setLong(insert, 13, report.decisionId());
        insert.addBatch();
        pending = flushed(insert, pending + 1);
      }
      insert.executeBatch();
    }
  }

  /**
   * Moves each id sequence past the highest id of its table, so that the ids EclipseLink takes next
   * are all new, and never back: H2 does not undo {@code ALTER SEQUENCE} with a rolled back
   * transaction (PostgreSQL does), so a sequence lowered by a restore that then failed would hand
   * out the ids of the rows still there.
   */
  void continueSequences() throws SQLException {
    for (Map.Entry<String, String> table : SEQUENCES.entrySet()) {
      long highest;
      try (Statement select = connection.createStatement();
          ResultSet row = select.executeQuery("SELECT MAX(id) FROM " + table.getKey())) {
        row.next();
        highest = row.getLong(1);
      }
      long next = Math.max(nextValue(highest), currentNext(table.getValue()));
      try (Statement alter = connection.createStatement()) {
        // A number computed here, not data: ALTER SEQUENCE takes no parameter.
        alter.executeUpdate("ALTER SEQUENCE " + table.getValue() + " RESTART WITH " + next);
      }
    }
  }

  /**
   * The smallest value a sequence may return next when {@code highestId} is taken: EclipseLink
   * takes a value as the last of a block of {@link #ALLOCATION} ids, so the block's first id must
   * be above it; a multiple of the block, as the sequences' own values are.
   */
  static long nextValue(long highestId) {
    long least = Math.max(highestId, 0) + ALLOCATION;
    return (least + ALLOCATION - 1) / ALLOCATION * ALLOCATION;
  }

  /**
   * The value a sequence would return next, read the way each database keeps it (0 on another
   * database: the sequence then moves to {@link #nextValue} whatever it was).
   */
  private long currentNext(String sequence) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("h2")) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES"
                  + " WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA AND SEQUENCE_NAME = ?")) {
        select.setString(1, sequence.toUpperCase(Locale.ROOT));
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? row.getLong(1) : 0;
        }
      }
    }
    if (product.contains("postgres")) {
      try (Statement select = connection.createStatement();
          ResultSet row = select.executeQuery("SELECT last_value, is_called FROM " + sequence)) {
        row.next();
        return row.getBoolean(2) ? row.getLong(1) + ALLOCATION : row.getLong(1);
      }
    }
    return 0;
  }

  // --- Thread roots ----------------------------------------------------------------------------

  /** Each comment's thread root: its own id at the top, else its parent's root. */
  private Map<Long, Long> roots(List<ExportedComment> comments) throws SQLException {
    Map<Long, Long> parents = new HashMap<>();
    for (ExportedComment comment : comments) {
      parents.put(comment.id(), comment.parentId());
    }
    Set<Long> outside = new LinkedHashSet<>();
    for (ExportedComment comment : comments) {
      Long parent = comment.parentId();
      if (parent != null && !parents.containsKey(parent)) {
        outside.add(parent);
      }
    }
    Map<Long, Long> roots = storedRoots(new ArrayList<>(outside));
    for (ExportedComment comment : comments) {
      roots.put(comment.id(), rootOf(comment.id(), parents, roots));
    }
    return roots;
  }

  private static long rootOf(long id, Map<Long, Long> parents, Map<Long, Long> roots) {
    long current = id;
    for (int level = 0; level < MAX_LEVELS; level++) {
      Long known = roots.get(current);
      if (known != null) {
        return known;
      }
      if (!parents.containsKey(current)) {
        throw new IllegalArgumentException(
            "Comment " + id + " answers comment " + current + ", which was not restored before it");
      }
      Long parent = parents.get(current);
      if (parent == null) {
        return current;
      }
      current = parent;
    }
    throw new IllegalArgumentException("Comment " + id + " is in a cycle of parents");
  }

  /** The thread roots of comments already stored, by id; unknown ids are missing. */
  private Map<Long, Long> storedRoots(List<Long> ids) throws SQLException {
    Map<Long, Long> roots = new HashMap<>();
    for (int from = 0; from < ids.size(); from += LOOKUP) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT id, root_id FROM comments_comment WHERE id IN (" + marks + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            roots.put(rows.getLong(1), rows.getLong(2));
          }
        }
      }
    }
    return roots;
  }

  // --- Parameters ------------------------------------------------------------------------------

  /** Sends the batch when it is full; returns the rows now waiting. */
  private static int flushed(PreparedStatement statement, int pending) throws SQLException {
    if (pending < BATCH) {
      return pending;
    }
    statement.executeBatch();
    return 0;
  }

  /** A value its NOT NULL column needs (a status, a date), refused by name when missing. */
  private static <T> T required(T value, String row, long id, String field) {
    if (value == null) {
      throw new IllegalArgumentException(row + " " + id + " has no " + field);
    }
    return value;
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  /** In UTC, as {@link UtcInstantConverter} writes them for the entities. */
  private static void setInstant(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }
}
