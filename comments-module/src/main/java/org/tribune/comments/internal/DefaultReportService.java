package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.comments.api.Ban;
import org.tribune.comments.api.CharterRule;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.Decision;
import org.tribune.comments.api.DecisionOutcome;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.ModeratedComment;
import org.tribune.comments.api.ModerationCharter;
import org.tribune.comments.api.ModerationService;
import org.tribune.comments.api.NewReport;
import org.tribune.comments.api.Report;
import org.tribune.comments.api.ReportQueue;
import org.tribune.comments.api.ReportReason;
import org.tribune.comments.api.ReportReceipt;
import org.tribune.comments.api.ReportRejectedException;
import org.tribune.comments.api.ReportRejectedException.Reason;
import org.tribune.comments.api.ReportService;
import org.tribune.comments.api.ReportStats;
import org.tribune.comments.api.ReportedComment;
import org.tribune.comments.api.Submission;
import org.tribune.comments.internal.database.CommentsDatabase;
import org.tribune.comments.internal.mail.CommentMails;
import org.tribune.comments.internal.mail.MailedComment;

/**
 * The JPA-backed {@link ReportService}. A report locks its comment's row, so that reports of one
 * comment are counted one after the other (the threshold is crossed once) and a decision cannot
 * meet a report half way. The comment's status changes go through {@link ModerationService}, as a
 * moderator's would: the discussion's pages are dropped from the caches by the same event.
 */
@ApplicationScoped
@Transactional
public class DefaultReportService implements ReportService {
  private static final Logger LOG = Logger.getLogger(DefaultReportService.class.getName());

  /** The row of {@code comments_setting} that keeps {@link #hideAfter()} once saved. */
  static final String HIDE_AFTER = "reports-hide-after";

  static final int MOST_HIDE_AFTER = 100;

  private static final Duration HOUR = Duration.ofHours(1);

  @Inject
  @ConfigProperty(name = "tribune.comments.reports.hide-after", defaultValue = "3")
  int hideAfterSetting;

  @Inject @CommentsDatabase private EntityManager em;
  @Inject private CommentRepository repository;
  @Inject private AddressHasher addresses;
  @Inject private ModerationService moderation;
  @Inject private CommentMails mails;
  @Inject private Instance<ModerationCharter> charter;

  private final Clock clock = Clock.systemUTC();

  // --- Readers ---------------------------------------------------------------------------------

  @Override
  public ReportReceipt report(NewReport report, Submission submission) {
    Comment comment = repository.findLocked(report.commentId());
    if (comment == null
        || comment.getArticleId() != report.articleId()
        || comment.getStatus() != CommentStatus.APPROVED) {
      throw new ReportRejectedException(Reason.COMMENT_NOT_FOUND);
    }
    ReportInput.Checked checked = ReportInput.check(report);
    if (!checked.problems().isEmpty()) {
      throw new ReportRejectedException(checked.problems());
    }
    Instant now = clock.instant();
    if (submission.honeypotFilled()) {
      // A robot filled the hidden field: it hears what a person would, nothing is kept.
      return new ReportReceipt(0, now, false);
    }
    String key = addresses.hash(submission.clientIp());
    if (count("r.reporterKey = :value", key, now.minus(HOUR)) >= REPORTS_PER_ADDRESS_PER_HOUR) {
      throw new ReportRejectedException(Reason.RATE_LIMITED);
    }
    if (alreadyReported(comment.getId(), key)) {
      throw new ReportRejectedException(Reason.ALREADY_REPORTED);
    }
    if (count("r.commentId = :value", comment.getId(), now.minus(HOUR))
        >= REPORTS_PER_COMMENT_PER_HOUR) {
      throw new ReportRejectedException(Reason.RATE_LIMITED);
    }
    StoredReport stored = new StoredReport(comment, checked, key, now);
    em.persist(stored);
    em.flush();
    int open = openReports(comment.getId()).size();
    boolean hidden = open >= hideAfter();
    if (hidden) {
      moderation.moderate(List.of(comment.getId()), CommentStatus.PENDING);
      LOG.info(() -> "Tribune: comment " + comment.getId() + " hidden after " + open + " reports");
    }
    MailedComment mailed = comment.toMail();
    mails.reportReceived(checked.email(), checked.name(), mailed, checked.reason());
    if (checked.reason() == ReportReason.ILLICIT || hidden) {
      mails.reportToStaff(
          mailed,
          checked.reason(),
          checked.category(),
          checked.explanation(),
          reporter(checked),
          open,
          hidden);
    }
    return new ReportReceipt(stored.getId(), now, hidden);
  }

  private static String reporter(ReportInput.Checked checked) {
    if (checked.name() == null && checked.email() == null) {
      return null;
    }
    return Objects.toString(checked.name(), "")
        + (checked.email() == null ? "" : " <" + checked.email() + ">");
  }

  private long count(String where, Object value, Instant since) {
    return em.createQuery(
            "SELECT COUNT(r) FROM StoredReport r WHERE " + where + " AND r.receivedAt > :since",
            Long.class)
        .setParameter("value", value)
        .setParameter("since", since)
        .getSingleResult();
  }

  private boolean alreadyReported(long commentId, String key) {
    return em.createQuery(
                "SELECT COUNT(r) FROM StoredReport r"
                    + " WHERE r.commentId = :comment AND r.reporterKey = :key",
                Long.class)
            .setParameter("comment", commentId)
            .setParameter("key", key)
            .getSingleResult()
        > 0;
  }

  private List<StoredReport> openReports(long commentId) {
    return em.createQuery(
            "SELECT r FROM StoredReport r WHERE r.commentId = :comment AND r.decisionId IS NULL"
                + " ORDER BY r.receivedAt, r.id",
            StoredReport.class)
        .setParameter("comment", commentId)
        .getResultList();
  }

  // --- Staff -----------------------------------------------------------------------------------

  @Override
  public long countOpen() {
    return em.createQuery(
            "SELECT COUNT(DISTINCT r.commentId) FROM StoredReport r WHERE r.decisionId IS NULL",
            Long.class)
        .getSingleResult();
  }

  @Override
  public ReportQueue queue(int page, int size) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT comment_id,"
                    + " MAX(CASE WHEN reason = 'ILLICIT' THEN 1 ELSE 0 END) AS illicit,"
                    + " MIN(received_at) AS first_at"
                    + " FROM comments_report WHERE decision_id IS NULL GROUP BY comment_id"
                    + " ORDER BY illicit DESC, first_at, comment_id"
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .setParameter(1, (long) (page - 1) * size)
            .setParameter(2, size)
            .getResultList();
    List<ReportedComment> items = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      find(((Number) row[0]).longValue()).ifPresent(items::add);
    }
    return new ReportQueue(items, countOpen());
  }

  @Override
  public Optional<ReportedComment> find(long commentId) {
    List<Report> reports =
        em
            .createQuery(
                "SELECT r FROM StoredReport r WHERE r.commentId = :comment"
                    + " ORDER BY r.receivedAt, r.id",
                StoredReport.class)
            .setParameter("comment", commentId)
            .getResultList()
            .stream()
            .map(StoredReport::toReport)
            .toList();
    if (reports.isEmpty()) {
      return Optional.empty();
    }
    List<Decision> decisions =
        em
            .createQuery(
                "SELECT d FROM StoredDecision d WHERE d.commentId = :comment"
                    + " ORDER BY d.decidedAt, d.id",
                StoredDecision.class)
            .setParameter("comment", commentId)
            .getResultList()
            .stream()
            .map(StoredDecision::toDecision)
            .toList();
    List<Report> open = reports.stream().filter(Report::open).toList();
    ModeratedComment comment = moderation.find(commentId).orElse(null);
    long articleId =
        comment != null
            ? comment.articleId()
            : em.createQuery("SELECT r.articleId FROM StoredReport r WHERE r.id = :id", Long.class)
                .setParameter("id", reports.get(0).id())
                .getSingleResult();
    return Optional.of(
        new ReportedComment(
            commentId,
            articleId,
            comment,
            reports,
            decisions,
            open.size(),
            open.isEmpty() ? null : open.get(0).receivedAt()));
  }

  @Override
  public Decision decide(
      long commentId,
      DecisionOutcome outcome,
      CharterRule rule,
      String statement,
      String decidedBy,
      Duration suspension) {
    if (suspension != null && (suspension.isNegative() || suspension.isZero())) {
      throw new IllegalArgumentException("A suspension lasts some time: " + suspension);
    }
    String reasons = ReportInput.statement(statement);
    List<Reason> problems = new ArrayList<>();
    if (rule == null) {
      problems.add(Reason.RULE_REQUIRED);
    } else if ((outcome == DecisionOutcome.KEEP) != (rule == CharterRule.NO_BREACH)) {
      problems.add(Reason.RULE_MISMATCH);
    }
    if (reasons != null && CommentInput.codePoints(reasons) > STATEMENT_LENGTH) {
      problems.add(Reason.STATEMENT_TOO_LONG);
    }
    if (!problems.isEmpty()) {
      throw new ReportRejectedException(problems);
    }
    Comment comment = repository.findLocked(commentId);
    List<StoredReport> open =
        em.createQuery(
                "SELECT r FROM StoredReport r WHERE r.commentId = :comment"
                    + " AND r.decisionId IS NULL ORDER BY r.receivedAt, r.id",
                StoredReport.class)
            .setParameter("comment", commentId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    if (open.isEmpty()) {
      throw new ReportRejectedException(Reason.NOTHING_TO_DECIDE);
    }
    Instant now = clock.instant();
    long articleId =
        comment != null
            ? comment.getArticleId()
            : em.createQuery("SELECT r.articleId FROM StoredReport r WHERE r.id = :id", Long.class)
                .setParameter("id", open.get(0).getId())
                .getSingleResult();
    StoredDecision decision =
        new StoredDecision(
            commentId,
            articleId,
            outcome,
            rule,
            reasons,
            decidedBy,
            now,
            open.get(0).getReceivedAt(),
            open.size());
    em.persist(decision);
    em.flush();
    for (StoredReport report : open) {
      report.close(decision.getId());
    }
    if (comment != null) {
      apply(comment, outcome, reasons, suspension);
    }
    MailedComment mailed =
        comment != null
            ? comment.toMail()
            : new MailedComment(commentId, articleId, null, null, null, "");
    mails.decisionTaken(
        mailed,
        comment == null || comment.isStaff() ? null : comment.getEmail(),
        open.stream().map(StoredReport::getReporterEmail).filter(Objects::nonNull).toList(),
        outcome,
        rule,
        reasons,
        suspension,
        charterAddress());
    return decision.toDecision();
  }

  private void apply(
      Comment comment, DecisionOutcome outcome, String reasons, Duration suspension) {
    long id = comment.getId();
    switch (outcome) {
      case KEEP -> {
        if (comment.getStatus() == CommentStatus.PENDING) {
          moderation.moderate(List.of(id), CommentStatus.APPROVED);
        }
      }
      case REMOVE -> moderation.moderate(List.of(id), CommentStatus.TRASH);
      case REMOVE_AND_SUSPEND -> {
        moderation.moderate(List.of(id), CommentStatus.TRASH);
        // Through the repository, not ModerationService.sanction: the decision's mail tells the
        // author already.
        Instant now = clock.instant();
        Instant until = suspension == null ? null : now.plus(suspension);
        if (comment.getEmail() != null) {
          repository.sanction(
              BannedAuthor.Kind.EMAIL,
              comment.getEmail(),
              Ban.Effect.SUSPENDED,
              until,
              reasons,
              id,
              now);
        }
        if (comment.getIpHash() != null) {
          repository.sanction(
              BannedAuthor.Kind.IP,
              comment.getIpHash(),
              Ban.Effect.SUSPENDED,
              until,
              reasons,
              id,
              now);
        }
      }
    }
  }

  private Optional<String> charterAddress() {
    if (charter.isUnsatisfied() || charter.isAmbiguous()) {
      return Optional.empty();
    }
    try {
      return charter.get().address();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Tribune: the charter's address is unknown (" + e + ")");
      return Optional.empty();
    }
  }

  @Override
  public ReportStats stats(Instant from, Instant to) {
    Map<ReportReason, Long> byReason = zeros(ReportReason.class);
    for (Object[] row :
        em.createQuery(
                "SELECT r.reason, COUNT(r) FROM StoredReport r"
                    + " WHERE r.receivedAt >= :from AND r.receivedAt < :to GROUP BY r.reason",
                Object[].class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList()) {
      byReason.put((ReportReason) row[0], (Long) row[1]);
    }
    Map<IllicitCategory, Long> byCategory = zeros(IllicitCategory.class);
    for (Object[] row :
        em.createQuery(
                "SELECT r.category, COUNT(r) FROM StoredReport r WHERE r.category IS NOT NULL"
                    + " AND r.receivedAt >= :from AND r.receivedAt < :to GROUP BY r.category",
                Object[].class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList()) {
      byCategory.put((IllicitCategory) row[0], (Long) row[1]);
    }
    Map<DecisionOutcome, Long> byOutcome = zeros(DecisionOutcome.class);
    List<Duration> times = new ArrayList<>();
    for (StoredDecision stored :
        em.createQuery(
                "SELECT d FROM StoredDecision d WHERE d.decidedAt >= :from AND d.decidedAt < :to",
                StoredDecision.class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList()) {
      Decision decision = stored.toDecision();
      byOutcome.merge(decision.outcome(), 1L, Long::sum);
      times.add(decision.timeToDecision());
    }
    times.sort(Comparator.naturalOrder());
    return new ReportStats(
        from,
        to,
        byReason,
        byCategory,
        byOutcome,
        median(times),
        times.isEmpty() ? null : times.get(times.size() - 1));
  }

  /** The median of sorted durations (the mean of the middle two for an even count). */
  static Duration median(List<Duration> sorted) {
    if (sorted.isEmpty()) {
      return null;
    }
    int middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return sorted.get(middle);
    }
    return sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
  }

  private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
    Map<E, Long> map = new EnumMap<>(type);
    for (E value : type.getEnumConstants()) {
      map.put(value, 0L);
    }
    return map;
  }

  // --- Setting ---------------------------------------------------------------------------------

  @Override
  public int hideAfter() {
    List<?> rows =
        em.createNativeQuery("SELECT setting_value FROM comments_setting WHERE name = ?")
            .setParameter(1, HIDE_AFTER)
            .getResultList();
    if (!rows.isEmpty()) {
      try {
        int stored = Integer.parseInt(String.valueOf(rows.get(0)).strip());
        if (stored >= 1 && stored <= MOST_HIDE_AFTER) {
          return stored;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      LOG.warning(() -> "comments_setting " + HIDE_AFTER + ": '" + rows.get(0) + "' ignored");
    }
    return Math.max(1, Math.min(MOST_HIDE_AFTER, hideAfterSetting));
  }

  @Override
  public void updateHideAfter(int reports) {
    if (reports < 1 || reports > MOST_HIDE_AFTER) {
      throw new IllegalArgumentException("Between 1 and " + MOST_HIDE_AFTER + ": " + reports);
    }
    String value = Integer.toString(reports);
    int updated =
        em.createNativeQuery("UPDATE comments_setting SET setting_value = ? WHERE name = ?")
            .setParameter(1, value)
            .setParameter(2, HIDE_AFTER)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery("INSERT INTO comments_setting (name, setting_value) VALUES (?, ?)")
          .setParameter(1, HIDE_AFTER)
          .setParameter(2, value)
          .executeUpdate();
    }
  }
}
