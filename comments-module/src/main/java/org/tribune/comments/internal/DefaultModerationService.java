package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ExecutableType;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribune.comments.api.AuthorHistory;
import org.tribune.comments.api.Ban;
import org.tribune.comments.api.CommentRejectedException;
import org.tribune.comments.api.CommentRejectedException.Reason;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentSettings;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.DailyCount;
import org.tribune.comments.api.DiscussedArticle;
import org.tribune.comments.api.DiscussionChanged;
import org.tribune.comments.api.DiscussionRules;
import org.tribune.comments.api.ModeratedComment;
import org.tribune.comments.api.ModerationFilter;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.api.ModerationPage;
import org.tribune.comments.api.ModerationService;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.Sanction;
import org.tribune.comments.internal.mail.CommentMails;

/**
 * The JPA-backed {@link ModerationService}. Decisions on one comment go through {@link
 * CommentService#moderate}, and replies through {@link Replies}, so the console and the older
 * single-comment calls keep the same rules (subscribers told once, same depth limit).
 *
 * <p>{@code @ValidateOnExecution} is what makes the interface's Bean Validation constraints apply:
 * Hibernate Validator's CDI extension looks only at types that carry a validation annotation
 * themselves ({@code @WithAnnotations}), and the constraints are on the interface.
 */
@ApplicationScoped
@Transactional
@ValidateOnExecution(type = ExecutableType.IMPLICIT)
public class DefaultModerationService implements ModerationService {
  /** Length of an address hash: hex SHA-256. */
  private static final int ADDRESS_HASH_LENGTH = 64;

  @Inject private CommentRepository repository;
  @Inject private CommentService comments;
  @Inject private EffectiveSettings settings;
  @Inject private PersonalData personalData;
  @Inject private Replies replies;
  @Inject private Event<DiscussionChanged> changed;
  @Inject private CommentMails mails;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Map<CommentStatus, Long> countByStatus() {
    Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
    for (CommentStatus status : CommentStatus.values()) {
      counts.put(status, 0L);
    }
    for (Object[] row : repository.statusCounts()) {
      counts.put((CommentStatus) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  @Override
  public ModerationPage queue(ModerationFilter filter, int page, int size) {
    long total = repository.queueCount(filter);
    long offset = (long) (page - 1) * size;
    List<ModeratedComment> items =
        offset >= total ? List.of() : moderated(repository.queue(filter, (int) offset, size));
    return new ModerationPage(items, page, size, total);
  }

  @Override
  public Optional<ModeratedComment> find(long commentId) {
    Comment comment = repository.find(commentId);
    return comment == null ? Optional.empty() : Optional.of(moderated(List.of(comment)).get(0));
  }

  /** Comments as moderators see them, their votes counted in one query. */
  private List<ModeratedComment> moderated(List<Comment> found) {
    Map<Long, int[]> votes = repository.voteCounts(found.stream().map(Comment::getId).toList());
    List<ModeratedComment> list = new ArrayList<>(found.size());
    for (Comment comment : found) {
      int[] upDown = votes.getOrDefault(comment.getId(), new int[2]);
      list.add(comment.toModerated(upDown[0], upDown[1]));
    }
    return list;
  }

  @Override
  public int moderate(Collection<Long> commentIds, CommentStatus status) {
    int changed = 0;
    for (Comment comment : repository.findAll(new LinkedHashSet<>(commentIds))) {
      if (comment.getStatus() != status) {
        // The same persistence context: the service finds the entity already loaded.
        comments.moderate(comment.getId(), status);
        changed++;
      }
    }
    return changed;
  }

  @Override
  public int deleteForGood(Collection<Long> commentIds) {
    List<Comment> found = repository.findAll(new LinkedHashSet<>(commentIds));
    Set<Long> articleIds = found.stream().map(Comment::getArticleId).collect(Collectors.toSet());
    personalData.removeKeepingReplies(found);
    if (!found.isEmpty()) {
      changed.fire(new DiscussionChanged(articleIds));
    }
    return found.size();
  }

  @Override
  public void editBody(long commentId, String body) {
    Comment comment = existing(commentId);
    String cleaned = CommentInput.cleanBody(body);
    List<Reason> problems = new ArrayList<>(CommentInput.checkBody(cleaned, settings.maxLength()));
    String html = problems.isEmpty() ? DefaultCommentService.render(cleaned, problems) : null;
    if (!problems.isEmpty()) {
      throw new CommentRejectedException(problems);
    }
    comment.edit(cleaned, html, clock.instant());
    changed.fire(DiscussionChanged.of(comment.getArticleId()));
  }

  @Override
  public long replyAsStaff(long parentCommentId, String staffName, String staffEmail, String body) {
    Comment answered = existing(parentCommentId);
    CommentInput.Checked checked =
        CommentInput.check(
            new NewComment(
                answered.getArticleId(), parentCommentId, staffName, staffEmail, null, body, false),
            settings.maxLength());
    List<Reason> problems = new ArrayList<>(checked.problems());
    String html =
        problems.isEmpty() ? DefaultCommentService.render(checked.body(), problems) : null;
    if (!problems.isEmpty()) {
      throw new CommentRejectedException(problems);
    }
    Comment reply =
        Comment.byStaff(
            new Comment.Draft(
                answered.getArticleId(),
                checked.authorName(),
                checked.email(),
                null,
                checked.body(),
                html,
                null,
                null,
                null),
            replies.parentWithinDepth(answered),
            clock.instant());
    reply.answering(answered);
    repository.persist(reply);
    reply.rootItself();
    repository.flush();
    replies.notifyApproved(reply);
    changed.fire(DiscussionChanged.of(answered.getArticleId()));
    return reply.getId();
  }

  private Comment existing(long commentId) {
    Comment comment = repository.find(commentId);
    if (comment == null) {
      throw new CommentRejectedException(Reason.COMMENT_NOT_FOUND);
    }
    return comment;
  }

  // --- Bans ------------------------------------------------------------------------------------

  @Override
  public void feature(long commentId, String by) {
    Comment comment = repository.find(commentId);
    if (comment == null || comment.getStatus() != CommentStatus.APPROVED) {
      throw new CommentRejectedException(Reason.COMMENT_NOT_FOUND);
    }
    comment.feature(by, clock.instant());
    changed.fire(DiscussionChanged.of(comment.getArticleId()));
  }

  @Override
  public void unfeature(long commentId) {
    Comment comment = repository.find(commentId);
    if (comment != null && comment.isFeatured()) {
      comment.unfeature();
      changed.fire(DiscussionChanged.of(comment.getArticleId()));
    }
  }

  @Override
  public void banEmail(String email) {
    String normalised = CommentInput.normaliseEmail(email);
    if (!CommentInput.isEmail(normalised)) {
      throw new CommentRejectedException(Reason.EMAIL_INVALID);
    }
    repository.ban(BannedAuthor.Kind.EMAIL, normalised, null, clock.instant());
  }

  @Override
  public void banAddressHash(String addressHash) {
    repository.ban(BannedAuthor.Kind.IP, checkedHash(addressHash), null, clock.instant());
  }

  @Override
  public List<Ban> sanction(Sanction sanction) {
    String email = sanction.email() == null ? null : CommentInput.normaliseEmail(sanction.email());
    if (email != null && email.isEmpty()) {
      email = null;
    }
    if (email != null && !CommentInput.isEmail(email)) {
      throw new CommentRejectedException(Reason.EMAIL_INVALID);
    }
    String hash = sanction.addressHash() == null ? null : checkedHash(sanction.addressHash());
    if (email == null && hash == null) {
      throw new IllegalArgumentException("A sanction needs an e-mail address or an address hash");
    }
    Duration duration = sanction.duration();
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("A sanction lasts some time: " + duration);
    }
    Instant now = clock.instant();
    Instant until = duration == null ? null : now.plus(duration);
    String reason = ReportInput.statement(sanction.reason());
    List<Ban> made = new ArrayList<>();
    if (email != null) {
      made.add(
          repository
              .sanction(
                  BannedAuthor.Kind.EMAIL,
                  email,
                  sanction.effect(),
                  until,
                  reason,
                  sanction.commentId(),
                  now)
              .toBan());
    }
    if (hash != null) {
      made.add(
          repository
              .sanction(
                  BannedAuthor.Kind.IP,
                  hash,
                  sanction.effect(),
                  until,
                  reason,
                  sanction.commentId(),
                  now)
              .toBan());
    }
    if (email != null && sanction.effect() == Ban.Effect.SUSPENDED) {
      mails.suspended(email, duration, reason);
    }
    return made;
  }

  private static String checkedHash(String addressHash) {
    String hash = addressHash.strip().toLowerCase(Locale.ROOT);
    if (hash.length() != ADDRESS_HASH_LENGTH || !hash.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException("Not an address hash (64 hexadecimal digits)");
    }
    return hash;
  }

  @Override
  public AuthorHistory history(String email, String addressHash) {
    String address = email == null ? "" : CommentInput.normaliseEmail(email);
    String hash = addressHash == null || addressHash.isBlank() ? null : checkedHash(addressHash);
    if (address.isEmpty() && hash == null) {
      throw new IllegalArgumentException("A history needs an e-mail address or an address hash");
    }
    String mail = address.isEmpty() ? null : address;
    List<Comment> theirs = repository.byAuthor(mail, hash, HISTORY_SIZE);
    List<Long> ids = repository.idsByAuthor(mail, hash);
    return new AuthorHistory(
        mail,
        hash,
        moderated(theirs),
        ids.size(),
        repository.reportsOf(ids).stream().map(StoredReport::toReport).toList(),
        repository.decisionsOf(ids).stream().map(StoredDecision::toDecision).toList(),
        repository.bans().stream()
            .map(BannedAuthor::toBan)
            .filter(
                b ->
                    (mail != null && mail.equals(b.email()))
                        || (hash != null && hash.equals(b.addressHash())))
            .toList());
  }

  @Override
  public DiscussionRules articleRules(long articleId) {
    return repository.articleRules(articleId);
  }

  @Override
  public void setArticleRules(long articleId, DiscussionRules rules) {
    repository.setArticleRules(articleId, rules);
    changed.fire(DiscussionChanged.of(articleId));
  }

  @Override
  public Map<Long, ModerationMode> sectionModes() {
    return repository.sectionModes();
  }

  @Override
  public void setSectionMode(long sectionId, ModerationMode mode) {
    repository.setSectionMode(sectionId, mode);
    changed.fire(DiscussionChanged.anywhere());
  }

  @Override
  public List<Ban> bans() {
    return repository.bans().stream().map(BannedAuthor::toBan).toList();
  }

  @Override
  public void unban(long banId) {
    BannedAuthor ban = repository.findBan(banId);
    if (ban != null) {
      repository.remove(ban);
    }
  }

  // --- Settings --------------------------------------------------------------------------------

  @Override
  public CommentSettings settings() {
    return settings.current().settings();
  }

  @Override
  public void updateSettings(CommentSettings changed) {
    if (changed.editWindow().isNegative()) {
      throw new IllegalArgumentException("The edit window cannot be negative");
    }
    settings.save(changed);
    this.changed.fire(DiscussionChanged.anywhere());
  }

  // --- Figures ---------------------------------------------------------------------------------

  @Override
  public List<DailyCount> commentsPerDay(ZoneId zone, int days) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate first = today.minusDays(days - 1L);
    return DailyCounts.of(
        repository.createdSince(first.atStartOfDay(zone).toInstant()), zone, first, today);
  }

  @Override
  public List<DiscussedArticle> mostDiscussed(int days, int limit) {
    Instant since = clock.instant().minus(Duration.ofDays(days));
    return repository.mostDiscussed(since, limit).stream()
        .map(row -> new DiscussedArticle((Long) row[0], ((Number) row[1]).longValue()))
        .toList();
  }

  @Override
  public List<ModeratedComment> recent(int limit) {
    return moderated(repository.newest(limit));
  }
}
