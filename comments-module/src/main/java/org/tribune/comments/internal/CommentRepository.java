package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.tribune.comments.api.Ban;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.DiscussionRules;
import org.tribune.comments.api.ModerationFilter;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.internal.database.CommentsDatabase;

/**
 * The comment queries. A discussion page costs a fixed number of statements whatever its size: the
 * counts in one, the page's thread ids in one (threads are grouped by their root id in SQL, so that
 * a thread whose top comment is hidden but has visible replies still counts), every comment of
 * those threads in one. Those grouping queries are native SQL that runs unchanged on H2 and
 * PostgreSQL.
 */
@ApplicationScoped
public class CommentRepository {
  private static final String APPROVED = "'" + CommentStatus.APPROVED.name() + "'";

  /** The columns a discussion sorts its threads by, as SQL over one article's comments. */
  private static final String FIRST_AT = "MIN(c.created_at)";

  /** The approved featured comments of a thread. */
  private static final String FEATURED_COUNT =
      "SUM(CASE WHEN c.status = " + APPROVED + " AND c.featured_at IS NOT NULL THEN 1 ELSE 0 END)";

  /** When a thread's latest approved comment was featured. */
  private static final String LAST_FEATURED =
      "MAX(CASE WHEN c.status = " + APPROVED + " THEN c.featured_at END)";

  private static final String ROOT_SCORE =
      "SUM(CASE WHEN c.id = c.root_id AND c.status = " + APPROVED + " THEN c.score ELSE 0 END)";

  /**
   * Newest first, after the equality columns of the index that has this order (V6): H2 reads an
   * index in order only when the ORDER BY names its columns from the first, so a query filtering on
   * {@code status} orders by {@code c.status} first (the same for every row), or H2 sorts every
   * matching row for the first few.
   */
  private static final String NEWEST_FIRST = ", c.createdAt DESC, c.id DESC";

  @Inject @CommentsDatabase private EntityManager em;

  Comment find(long id) {
    return em.find(Comment.class, id);
  }

  /** The comment, its row locked until the transaction ends (votes on it wait for each other). */
  Comment findLocked(long id) {
    return em.find(Comment.class, id, LockModeType.PESSIMISTIC_WRITE);
  }

  void persist(Object entity) {
    em.persist(entity);
  }

  void remove(Object entity) {
    em.remove(entity);
  }

  void flush() {
    em.flush();
  }

  // --- Counts ----------------------------------------------------------------------------------

  List<Object[]> approvedCounts(Collection<Long> articleIds) {
    return em.createQuery(
            "SELECT c.articleId, COUNT(c) FROM Comment c WHERE c.articleId IN :articleIds"
                + " AND c.status = :status GROUP BY c.articleId",
            Object[].class)
        .setParameter("articleIds", articleIds)
        .setParameter("status", CommentStatus.APPROVED)
        .getResultList();
  }

  /**
   * The number of approved comments of an article and the highest id among them (0: none), from the
   * article's index alone.
   */
  long[] approvedState(long articleId) {
    Object[] row =
        em.createQuery(
                "SELECT COUNT(c), MAX(c.id) FROM Comment c WHERE c.articleId = :articleId"
                    + " AND c.status = :status",
                Object[].class)
            .setParameter("articleId", articleId)
            .setParameter("status", CommentStatus.APPROVED)
            .getSingleResult();
    return new long[] {
      row[0] == null ? 0 : ((Number) row[0]).longValue(),
      row[1] == null ? 0 : ((Number) row[1]).longValue()
    };
  }

  long countAll(long articleId) {
    return em.createQuery(
            "SELECT COUNT(c) FROM Comment c WHERE c.articleId = :articleId", Long.class)
        .setParameter("articleId", articleId)
        .getSingleResult();
  }

  // --- Policy facts ----------------------------------------------------------------------------

  long countFromAddressSince(String ipHash, Instant since) {
    return em.createQuery(
            "SELECT COUNT(c) FROM Comment c WHERE c.ipHash = :ipHash AND c.createdAt > :since",
            Long.class)
        .setParameter("ipHash", ipHash)
        .setParameter("since", since)
        .getSingleResult();
  }

  /**
   * The comments of the whole site posted at this instant or later, at most {@code limit} of them
   * (by the creation index only, whatever the article: meant for the last seconds).
   */
  List<RecentComment> postedFrom(Instant from, int limit) {
    return em
        .createQuery(
            "SELECT c.id, c.articleId, c.rootId, c.createdAt, c.status FROM Comment c"
                + " WHERE c.createdAt >= :from",
            Object[].class)
        .setParameter("from", from)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(
            row ->
                new RecentComment(
                    ((Number) row[0]).longValue(),
                    ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(),
                    (Instant) row[3],
                    (CommentStatus) row[4]))
        .toList();
  }

  boolean postedSince(long articleId, String email, String body, Instant since) {
    return !em.createQuery(
            "SELECT c.id FROM Comment c WHERE c.email = :email AND c.createdAt > :since"
                + " AND c.articleId = :articleId AND c.body = :body",
            Long.class)
        .setParameter("email", email)
        .setParameter("since", since)
        .setParameter("articleId", articleId)
        .setParameter("body", body)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  boolean hasApproved(String email) {
    return !em.createQuery(
            "SELECT c.id FROM Comment c WHERE c.email = :email AND c.status = :status", Long.class)
        .setParameter("email", email)
        .setParameter("status", CommentStatus.APPROVED)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * The sanction in force at {@code now} on this e-mail address or address hash, the stronger one
   * when both have one (a suspension before a watch); empty when none.
   */
  Optional<Ban.Effect> sanctionOf(String email, String ipHash, Instant now) {
    List<Ban.Effect> effects =
        em.createQuery(
                "SELECT b.effect FROM BannedAuthor b WHERE ((b.kind = :emailKind AND"
                    + " b.bannedValue = :email) OR (b.kind = :ipKind AND b.bannedValue = :ipHash))"
                    + " AND (b.expiresAt IS NULL OR b.expiresAt > :now)",
                Ban.Effect.class)
            .setParameter("emailKind", BannedAuthor.Kind.EMAIL)
            .setParameter("email", email)
            .setParameter("ipKind", BannedAuthor.Kind.IP)
            .setParameter("ipHash", ipHash)
            .setParameter("now", now)
            .getResultList();
    return effects.stream().min(Comparator.naturalOrder());
  }

  Optional<BannedAuthor> findBan(BannedAuthor.Kind kind, String value) {
    return em.createQuery(
            "SELECT b FROM BannedAuthor b WHERE b.kind = :kind AND b.bannedValue = :value",
            BannedAuthor.class)
        .setParameter("kind", kind)
        .setParameter("value", value)
        .getResultStream()
        .findFirst();
  }

  /**
   * Suspends this e-mail address or address hash for good. An active suspension for good stays as
   * it is (banning twice does nothing); any other sanction on it becomes one.
   */
  void ban(BannedAuthor.Kind kind, String value, Long commentId, Instant now) {
    if (value == null) {
      return;
    }
    Optional<BannedAuthor> found = findBan(kind, value);
    if (found.isEmpty()) {
      em.persist(new BannedAuthor(kind, value, commentId, now));
    } else if (found.get().getEffect() != Ban.Effect.SUSPENDED || found.get().expires()) {
      found.get().sanction(Ban.Effect.SUSPENDED, null, null, commentId, now);
    }
  }

  /** Sets the sanction on this e-mail address or address hash, replacing the one it had. */
  BannedAuthor sanction(
      BannedAuthor.Kind kind,
      String value,
      Ban.Effect effect,
      Instant expiresAt,
      String reason,
      Long commentId,
      Instant now) {
    BannedAuthor ban =
        findBan(kind, value)
            .orElseGet(
                () -> {
                  BannedAuthor made = new BannedAuthor(kind, value, commentId, now);
                  em.persist(made);
                  return made;
                });
    ban.sanction(effect, expiresAt, reason, commentId, now);
    return ban;
  }

  // --- Discussions -----------------------------------------------------------------------------

  /** Comments of an article among some ids (those a visitor holds tokens for). */
  List<Comment> ofArticleAmong(long articleId, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT c FROM Comment c WHERE c.articleId = :articleId AND c.id IN :ids",
            Comment.class)
        .setParameter("articleId", articleId)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** The number of visible threads and of approved comments of an article. */
  long[] threadAndApprovedCounts(long articleId, Collection<Long> ownVisible) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), COALESCE(SUM(t.approved), 0),"
                        + " COALESCE(SUM(CASE WHEN t.featured > 0 THEN 1 ELSE 0 END), 0)"
                        + " FROM (SELECT c.root_id, SUM(CASE WHEN c.status = "
                        + APPROVED
                        + " THEN 1 ELSE 0 END) AS approved, "
                        + FEATURED_COUNT
                        + " AS featured FROM comments_comment c"
                        + " WHERE c.article_id = ? GROUP BY c.root_id HAVING "
                        + visibleCount(ownVisible)
                        + " > 0) t")
                .setParameter(1, articleId)
                .getSingleResult();
    return new long[] {
      ((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()
    };
  }

  /** The root ids of one page of an article's visible threads, in the order of {@code sort}. */
  List<Long> threadPage(
      long articleId, Collection<Long> ownVisible, CommentSort sort, int offset, int limit) {
    Query query =
        em.createNativeQuery(
                "SELECT c.root_id FROM comments_comment c WHERE c.article_id = ?"
                    + " GROUP BY c.root_id HAVING "
                    + visibleCount(ownVisible)
                    + " > 0"
                    + (sort == CommentSort.FEATURED ? " AND " + FEATURED_COUNT + " > 0" : "")
                    + " ORDER BY "
                    + order(sort)
                    + " LIMIT ? OFFSET ?")
            .setParameter(1, articleId)
            .setParameter(2, limit)
            .setParameter(3, offset);
    return ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
  }

  /**
   * How many visible threads of an article come before the thread of {@code rootId} in the order of
   * {@code sort}.
   */
  long threadsBefore(long articleId, Collection<Long> ownVisible, CommentSort sort, long rootId) {
    String before =
        switch (sort) {
          case NEWEST, FEATURED -> newer("t", "r");
          case OLDEST ->
              "t.first_at < r.first_at OR (t.first_at = r.first_at AND t.root_id < r.root_id)";
          case POPULAR ->
              "t.root_score > r.root_score OR (t.root_score = r.root_score AND ("
                  + newer("t", "r")
                  + "))";
        };
    Object count =
        em.createNativeQuery(
                "WITH t AS (SELECT c.root_id AS root_id, "
                    + FIRST_AT
                    + " AS first_at, "
                    + ROOT_SCORE
                    + " AS root_score FROM comments_comment c WHERE c.article_id = ?"
                    + " GROUP BY c.root_id HAVING "
                    + visibleCount(ownVisible)
                    + " > 0) SELECT COUNT(*) FROM t, t r WHERE r.root_id = ? AND ("
                    + before
                    + ")")
            .setParameter(1, articleId)
            .setParameter(2, rootId)
            .getSingleResult();
    return ((Number) count).longValue();
  }

  private static String newer(String a, String b) {
    return a
        + ".first_at > "
        + b
        + ".first_at OR ("
        + a
        + ".first_at = "
        + b
        + ".first_at AND "
        + a
        + ".root_id > "
        + b
        + ".root_id)";
  }

  private static String order(CommentSort sort) {
    return switch (sort) {
      case NEWEST -> FIRST_AT + " DESC, c.root_id DESC";
      case OLDEST -> FIRST_AT + " ASC, c.root_id ASC";
      case POPULAR -> ROOT_SCORE + " DESC, " + FIRST_AT + " DESC, c.root_id DESC";
      case FEATURED -> LAST_FEATURED + " DESC, c.root_id DESC";
    };
  }

  /**
   * SQL counting the comments of a group the viewer may see: approved ones and their own. The ids
   * are numbers the service checked against the database, written into the SQL as such.
   */
  private static String visibleCount(Collection<Long> ownVisible) {
    String visible =
        ownVisible.isEmpty()
            ? "c.status = " + APPROVED
            : "(c.status = "
                + APPROVED
                + " OR c.id IN ("
                + ownVisible.stream().map(id -> Long.toString(id)).collect(Collectors.joining(","))
                + "))";
    return "SUM(CASE WHEN " + visible + " THEN 1 ELSE 0 END)";
  }

  /** Every comment of some threads, oldest first. */
  List<Comment> ofThreads(Collection<Long> rootIds) {
    if (rootIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT c FROM Comment c WHERE c.rootId IN :roots ORDER BY c.createdAt, c.id",
            Comment.class)
        .setParameter("roots", rootIds)
        .getResultList();
  }

  /** Every comment of an article, any status, oldest first (the article's indexes lead). */
  List<Comment> ofArticle(long articleId) {
    return em.createQuery(
            "SELECT c FROM Comment c WHERE c.articleId = :articleId ORDER BY c.createdAt, c.id",
            Comment.class)
        .setParameter("articleId", articleId)
        .getResultList();
  }

  // --- Lists -----------------------------------------------------------------------------------

  /** Approved comments, newest first, of one article or ({@code null}) of all. */
  List<Comment> latestApproved(Long articleId, int offset, int limit) {
    // The ORDER BY names the index's columns from the first (see NEWEST_FIRST).
    String where = articleId == null ? "" : " AND c.articleId = :articleId";
    String leading = articleId == null ? "c.status" : "c.articleId, c.status";
    var query =
        em.createQuery(
                "SELECT c FROM Comment c WHERE c.status = :status"
                    + where
                    + " ORDER BY "
                    + leading
                    + NEWEST_FIRST,
                Comment.class)
            .setParameter("status", CommentStatus.APPROVED);
    if (articleId != null) {
      query.setParameter("articleId", articleId);
    }
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  List<Comment> withStatus(CommentStatus status, int offset, int limit) {
    return em.createQuery(
            "SELECT c FROM Comment c WHERE c.status = :status ORDER BY c.status" + NEWEST_FIRST,
            Comment.class)
        .setParameter("status", status)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Every comment written with an e-mail address, oldest first. */
  List<Comment> byEmail(String email) {
    return em.createQuery(
            "SELECT c FROM Comment c WHERE c.email = :email ORDER BY c.createdAt, c.id",
            Comment.class)
        .setParameter("email", email)
        .getResultList();
  }

  /** The comments with these ids that exist. */
  List<StoredDecision> decisionsById() {
    return em.createQuery("SELECT d FROM StoredDecision d ORDER BY d.id", StoredDecision.class)
        .getResultList();
  }

  List<StoredReport> reportsById() {
    return em.createQuery("SELECT r FROM StoredReport r ORDER BY r.id", StoredReport.class)
        .getResultList();
  }

  /** An author's comments (by e-mail address, address hash or both), newest first. */
  List<Comment> byAuthor(String email, String ipHash, int limit) {
    return em.createQuery(
            "SELECT c FROM Comment c WHERE c.email = :email OR c.ipHash = :ipHash"
                + " ORDER BY c.createdAt DESC, c.id DESC",
            Comment.class)
        .setParameter("email", email == null ? "" : email)
        .setParameter("ipHash", ipHash == null ? "" : ipHash)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The ids of an author's comments (by e-mail address, address hash or both). */
  List<Long> idsByAuthor(String email, String ipHash) {
    return em.createQuery(
            "SELECT c.id FROM Comment c WHERE c.email = :email OR c.ipHash = :ipHash", Long.class)
        .setParameter("email", email == null ? "" : email)
        .setParameter("ipHash", ipHash == null ? "" : ipHash)
        .getResultList();
  }

  /** The reports of some comments, newest first. */
  List<StoredReport> reportsOf(Collection<Long> commentIds) {
    if (commentIds.isEmpty()) {
      return List.of();
    }
    List<StoredReport> all = new java.util.ArrayList<>();
    for (List<Long> some : chunks(commentIds)) {
      all.addAll(
          em.createQuery(
                  "SELECT r FROM StoredReport r WHERE r.commentId IN :ids", StoredReport.class)
              .setParameter("ids", some)
              .getResultList());
    }
    all.sort(
        Comparator.comparing(StoredReport::getReceivedAt)
            .thenComparing(StoredReport::getId)
            .reversed());
    return all;
  }

  /** The decisions on some comments' reports, newest first. */
  List<StoredDecision> decisionsOf(Collection<Long> commentIds) {
    if (commentIds.isEmpty()) {
      return List.of();
    }
    List<StoredDecision> all = new java.util.ArrayList<>();
    for (List<Long> some : chunks(commentIds)) {
      all.addAll(
          em.createQuery(
                  "SELECT d FROM StoredDecision d WHERE d.commentId IN :ids", StoredDecision.class)
              .setParameter("ids", some)
              .getResultList());
    }
    all.sort(Comparator.comparing((StoredDecision d) -> d.toDecision().decidedAt()).reversed());
    return all;
  }

  /** Ids in lists short enough for one IN clause. */
  private static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = List.copyOf(ids);
    List<List<Long>> chunks = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i += 1000) {
      chunks.add(all.subList(i, Math.min(all.size(), i + 1000)));
    }
    return chunks;
  }

  /** The reports sent with this e-mail address, oldest first. */
  List<StoredReport> reportsByEmail(String email) {
    return em.createQuery(
            "SELECT r FROM StoredReport r WHERE r.reporterEmail = :email ORDER BY r.receivedAt",
            StoredReport.class)
        .setParameter("email", email)
        .getResultList();
  }

  /**
   * Removes the reporter's name and e-mail address from the reports sent with this address; the
   * reports themselves stay (the record of what was reported and decided).
   */
  int forgetReporter(String email) {
    return em.createQuery(
            "UPDATE StoredReport r SET r.reporterName = NULL, r.reporterEmail = NULL"
                + " WHERE r.reporterEmail = :email")
        .setParameter("email", email)
        .executeUpdate();
  }

  List<Comment> findAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT c FROM Comment c WHERE c.id IN :ids", Comment.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  // --- Moderation ------------------------------------------------------------------------------

  /** How many comments each status holds (statuses without any are missing). */
  List<Object[]> statusCounts() {
    return em.createQuery(
            "SELECT c.status, COUNT(c) FROM Comment c GROUP BY c.status", Object[].class)
        .getResultList();
  }

  /**
   * The comments a moderation filter matches, newest first ({@code limit} 0: none, only counted).
   * Only the criteria given become SQL: a {@code null} parameter would be sent untyped.
   */
  List<Comment> queue(ModerationFilter filter, int offset, int limit) {
    var query =
        em.createQuery(
            "SELECT c FROM Comment c"
                + queueWhere(filter)
                + " ORDER BY "
                + (filter.articleId() == null ? "" : "c.articleId, ")
                + "c.status"
                + NEWEST_FIRST,
            Comment.class);
    queueParameters(filter, query::setParameter);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  long queueCount(ModerationFilter filter) {
    var query = em.createQuery("SELECT COUNT(c) FROM Comment c" + queueWhere(filter), Long.class);
    queueParameters(filter, query::setParameter);
    return query.getSingleResult();
  }

  private static String queueWhere(ModerationFilter filter) {
    StringBuilder where = new StringBuilder(" WHERE c.status = :status");
    if (filter.articleId() != null) {
      where.append(" AND c.articleId = :articleId");
    }
    String escape = " ESCAPE '" + LikePattern.ESCAPE + "'";
    if (given(filter.text())) {
      where.append(" AND LOWER(c.body) LIKE :text").append(escape);
    }
    if (given(filter.author())) {
      where.append(" AND LOWER(c.authorName) LIKE :author").append(escape);
    }
    if (given(filter.email())) {
      where.append(" AND c.email = :email");
    }
    return where.toString();
  }

  private static void queueParameters(
      ModerationFilter filter, BiConsumer<String, Object> parameters) {
    parameters.accept("status", filter.status());
    if (filter.articleId() != null) {
      parameters.accept("articleId", filter.articleId());
    }
    if (given(filter.text())) {
      parameters.accept("text", LikePattern.containing(filter.text().strip()));
    }
    if (given(filter.author())) {
      parameters.accept("author", LikePattern.containing(filter.author().strip()));
    }
    if (given(filter.email())) {
      parameters.accept("email", CommentInput.normaliseEmail(filter.email()));
    }
  }

  private static boolean given(String criterion) {
    return criterion != null && !criterion.isBlank();
  }

  /** Up and down votes of some comments: id → {up, down}; comments without votes are missing. */
  Map<Long, int[]> voteCounts(Collection<Long> commentIds) {
    Map<Long, int[]> counts = new HashMap<>();
    if (commentIds.isEmpty()) {
      return counts;
    }
    for (Object[] row :
        em.createQuery(
                "SELECT v.commentId, SUM(CASE WHEN v.direction > 0 THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN v.direction < 0 THEN 1 ELSE 0 END) FROM Vote v"
                    + " WHERE v.commentId IN :ids GROUP BY v.commentId",
                Object[].class)
            .setParameter("ids", commentIds)
            .getResultList()) {
      counts.put(
          ((Number) row[0]).longValue(),
          new int[] {((Number) row[1]).intValue(), ((Number) row[2]).intValue()});
    }
    return counts;
  }

  /** When each comment of any status since an instant was written (no other column). */
  List<Instant> createdSince(Instant since) {
    return em.createQuery(
            "SELECT c.createdAt FROM Comment c WHERE c.createdAt >= :since", Instant.class)
        .setParameter("since", since)
        .getResultList();
  }

  /** Article ids and their approved comments since an instant, most first. */
  List<Object[]> mostDiscussed(Instant since, int limit) {
    return em.createQuery(
            "SELECT c.articleId, COUNT(c) AS comments FROM Comment c WHERE c.status = :status"
                + " AND c.createdAt >= :since GROUP BY c.articleId"
                + " ORDER BY comments DESC, c.articleId DESC",
            Object[].class)
        .setParameter("status", CommentStatus.APPROVED)
        .setParameter("since", since)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The newest comments of any status. */
  List<Comment> newest(int limit) {
    return em.createQuery(
            "SELECT c FROM Comment c ORDER BY c.createdAt DESC, c.id DESC", Comment.class)
        .setMaxResults(limit)
        .getResultList();
  }

  List<BannedAuthor> bans() {
    return em.createQuery(
            "SELECT b FROM BannedAuthor b ORDER BY b.createdAt DESC, b.id DESC", BannedAuthor.class)
        .getResultList();
  }

  BannedAuthor findBan(long id) {
    return em.find(BannedAuthor.class, id);
  }

  // --- Votes -----------------------------------------------------------------------------------

  Optional<Vote> voteByKey(long commentId, String voterKeyHash) {
    return em.createQuery(
            "SELECT v FROM Vote v WHERE v.commentId = :commentId AND v.voterKey = :key", Vote.class)
        .setParameter("commentId", commentId)
        .setParameter("key", voterKeyHash)
        .getResultStream()
        .findFirst();
  }

  /** A voter key's votes on an article's comments: comment id to direction. */
  Map<Long, Integer> votesOf(long articleId, String voterKeyHash) {
    Map<Long, Integer> votes = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT v.commentId, v.direction FROM Vote v, Comment c"
                    + " WHERE c.id = v.commentId AND c.articleId = :article AND v.voterKey = :key",
                Object[].class)
            .setParameter("article", articleId)
            .setParameter("key", voterKeyHash)
            .getResultList()) {
      votes.put((Long) row[0], ((Number) row[1]).intValue());
    }
    return votes;
  }

  void remove(Vote vote) {
    em.remove(vote);
  }

  boolean votedFromAddress(long commentId, String ipHash) {
    return em.createQuery(
                "SELECT COUNT(v) FROM Vote v WHERE v.commentId = :commentId AND v.ipHash = :ip",
                Long.class)
            .setParameter("commentId", commentId)
            .setParameter("ip", ipHash)
            .getSingleResult()
        > 0;
  }

  /** Adds to a comment's score in the database itself, so that no concurrent change is lost. */
  void addToScore(long commentId, int change) {
    em.createQuery("UPDATE Comment c SET c.score = c.score + :change WHERE c.id = :id")
        .setParameter("change", change)
        .setParameter("id", commentId)
        .executeUpdate();
  }

  int score(long commentId) {
    return em.createQuery("SELECT c.score FROM Comment c WHERE c.id = :id", Integer.class)
        .setParameter("id", commentId)
        .getSingleResult();
  }

  // --- Subscriptions ---------------------------------------------------------------------------

  Optional<Subscription> subscriptionByToken(String token) {
    return em.createQuery("SELECT s FROM Subscription s WHERE s.token = :token", Subscription.class)
        .setParameter("token", token)
        .getResultStream()
        .findFirst();
  }

  boolean subscribed(long commentId, String email) {
    return em.createQuery(
                "SELECT COUNT(s) FROM Subscription s WHERE s.commentId = :commentId"
                    + " AND s.email = :email",
                Long.class)
            .setParameter("commentId", commentId)
            .setParameter("email", email)
            .getSingleResult()
        > 0;
  }

  void addQuotes(long commentId, List<Long> quotedIds) {
    for (Long quoted : quotedIds) {
      em.createNativeQuery("INSERT INTO comments_quote (comment_id, quoted_id) VALUES (?, ?)")
          .setParameter(1, commentId)
          .setParameter(2, quoted)
          .executeUpdate();
    }
  }

  /** The comments a comment quotes, by id. */
  List<Long> quotedBy(long commentId) {
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT quoted_id FROM comments_quote WHERE comment_id = ? ORDER BY quoted_id")
                .setParameter(1, commentId)
                .getResultList())
        .stream().map(id -> ((Number) id).longValue()).toList();
  }

  List<Subscription> confirmedSubscriptions(long commentId) {
    return em.createQuery(
            "SELECT s FROM Subscription s WHERE s.commentId = :commentId AND s.confirmed = TRUE"
                + " ORDER BY s.id",
            Subscription.class)
        .setParameter("commentId", commentId)
        .getResultList();
  }

  List<Subscription> subscriptionsByEmail(String email) {
    return em.createQuery(
            "SELECT s FROM Subscription s WHERE s.email = :email ORDER BY s.createdAt, s.id",
            Subscription.class)
        .setParameter("email", email)
        .getResultList();
  }

  void deleteSubscriptionsOf(Collection<Long> commentIds) {
    if (!commentIds.isEmpty()) {
      em.createQuery("DELETE FROM Subscription s WHERE s.commentId IN :ids")
          .setParameter("ids", commentIds)
          .executeUpdate();
    }
  }

  int deleteSubscriptionsByEmail(String email) {
    return em.createQuery("DELETE FROM Subscription s WHERE s.email = :email")
        .setParameter("email", email)
        .executeUpdate();
  }

  // --- Export ----------------------------------------------------------------------------------

  /** Every vote on an article's comments, by id: one query for the whole article. */
  List<Vote> votesOfArticle(long articleId) {
    return em.createQuery(
            "SELECT v FROM Vote v, Comment c WHERE v.commentId = c.id AND c.articleId = :articleId"
                + " ORDER BY v.id",
            Vote.class)
        .setParameter("articleId", articleId)
        .getResultList();
  }

  /** Every subscription to an article's comments, by id: one query for the whole article. */
  List<Subscription> subscriptionsOfArticle(long articleId) {
    return em.createQuery(
            "SELECT s FROM Subscription s, Comment c WHERE s.commentId = c.id"
                + " AND c.articleId = :articleId ORDER BY s.id",
            Subscription.class)
        .setParameter("articleId", articleId)
        .getResultList();
  }

  /** Every ban, by id (the console lists them newest first: {@link #bans}). */
  List<BannedAuthor> bansById() {
    return em.createQuery("SELECT b FROM BannedAuthor b ORDER BY b.id", BannedAuthor.class)
        .getResultList();
  }

  /** Every row of {@code comments_setting}, whatever its name, sorted by name. */
  SortedMap<String, String> storedSettings() {
    SortedMap<String, String> settings = new TreeMap<>();
    for (Object row :
        em.createNativeQuery("SELECT name, setting_value FROM comments_setting").getResultList()) {
      Object[] columns = (Object[]) row;
      settings.put((String) columns[0], (String) columns[1]);
    }
    return settings;
  }

  // --- Deletion --------------------------------------------------------------------------------

  /** Deletes some comments with their votes and subscriptions. */
  void deleteComments(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    em.createQuery("DELETE FROM Vote v WHERE v.commentId IN :ids")
        .setParameter("ids", ids)
        .executeUpdate();
    em.createQuery("DELETE FROM Subscription s WHERE s.commentId IN :ids")
        .setParameter("ids", ids)
        .executeUpdate();
    em.createQuery("DELETE FROM Comment c WHERE c.id IN :ids")
        .setParameter("ids", ids)
        .executeUpdate();
  }

  /** Deletes an article's comments with their votes and subscriptions. */
  // --- Discussion rules ------------------------------------------------------------------------

  DiscussionRules articleRules(long articleId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT moderation, closes_at FROM comments_article_rules WHERE article_id = ?")
            .setParameter(1, articleId)
            .getResultList();
    if (rows.isEmpty()) {
      return DiscussionRules.NONE;
    }
    Object[] row = (Object[]) rows.get(0);
    return new DiscussionRules(
        row[0] == null ? null : ModerationMode.valueOf((String) row[0]), instant(row[1]));
  }

  void setArticleRules(long articleId, DiscussionRules rules) {
    em.createNativeQuery("DELETE FROM comments_article_rules WHERE article_id = ?")
        .setParameter(1, articleId)
        .executeUpdate();
    if (!rules.equals(DiscussionRules.NONE)) {
      // A NULL date is left out rather than bound: EclipseLink binds a null as a string, which
      // PostgreSQL refuses for a timestamp column.
      Query insert =
          em.createNativeQuery(
                  "INSERT INTO comments_article_rules (article_id, moderation"
                      + (rules.closesAt() == null
                          ? ") VALUES (?, ?)"
                          : ", closes_at) VALUES (?, ?, ?)"))
              .setParameter(1, articleId)
              .setParameter(2, rules.moderation() == null ? null : rules.moderation().name());
      if (rules.closesAt() != null) {
        insert.setParameter(
            3, rules.closesAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
      }
      insert.executeUpdate();
    }
  }

  /** Every article's own rules, by article id. */
  SortedMap<Long, DiscussionRules> allArticleRules() {
    SortedMap<Long, DiscussionRules> all = new TreeMap<>();
    for (Object row :
        em.createNativeQuery("SELECT article_id, moderation, closes_at FROM comments_article_rules")
            .getResultList()) {
      Object[] columns = (Object[]) row;
      all.put(
          ((Number) columns[0]).longValue(),
          new DiscussionRules(
              columns[1] == null ? null : ModerationMode.valueOf((String) columns[1]),
              instant(columns[2])));
    }
    return all;
  }

  SortedMap<Long, ModerationMode> sectionModes() {
    SortedMap<Long, ModerationMode> modes = new TreeMap<>();
    for (Object row :
        em.createNativeQuery("SELECT section_id, moderation FROM comments_section_rules")
            .getResultList()) {
      Object[] columns = (Object[]) row;
      modes.put(((Number) columns[0]).longValue(), ModerationMode.valueOf((String) columns[1]));
    }
    return modes;
  }

  Optional<ModerationMode> sectionMode(long sectionId) {
    List<?> rows =
        em.createNativeQuery("SELECT moderation FROM comments_section_rules WHERE section_id = ?")
            .setParameter(1, sectionId)
            .getResultList();
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(ModerationMode.valueOf((String) rows.get(0)));
  }

  void setSectionMode(long sectionId, ModerationMode mode) {
    em.createNativeQuery("DELETE FROM comments_section_rules WHERE section_id = ?")
        .setParameter(1, sectionId)
        .executeUpdate();
    if (mode != null) {
      em.createNativeQuery(
              "INSERT INTO comments_section_rules (section_id, moderation) VALUES (?, ?)")
          .setParameter(1, sectionId)
          .setParameter(2, mode.name())
          .executeUpdate();
    }
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalStateException("Not a date: " + value.getClass());
  }

  void deleteArticle(long articleId) {
    em.createNativeQuery("DELETE FROM comments_article_rules WHERE article_id = ?")
        .setParameter(1, articleId)
        .executeUpdate();
    String ofArticle = " IN (SELECT c.id FROM Comment c WHERE c.articleId = :articleId)";
    em.createQuery("DELETE FROM Vote v WHERE v.commentId" + ofArticle)
        .setParameter("articleId", articleId)
        .executeUpdate();
    em.createQuery("DELETE FROM Subscription s WHERE s.commentId" + ofArticle)
        .setParameter("articleId", articleId)
        .executeUpdate();
    em.createQuery("DELETE FROM Comment c WHERE c.articleId = :articleId")
        .setParameter("articleId", articleId)
        .executeUpdate();
  }
}
