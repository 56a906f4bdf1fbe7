package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.TransactionalException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Logger;
import org.tribune.articles.api.ArticleDeleted;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.comments.api.Ban;
import org.tribune.comments.api.CommentNode;
import org.tribune.comments.api.CommentRejectedException;
import org.tribune.comments.api.CommentRejectedException.Reason;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.CommentView;
import org.tribune.comments.api.Discussion;
import org.tribune.comments.api.DiscussionChanged;
import org.tribune.comments.api.DiscussionRules;
import org.tribune.comments.api.DiscussionState;
import org.tribune.comments.api.LatestComment;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.OwnComments;
import org.tribune.comments.api.PostResult;
import org.tribune.comments.api.Submission;
import org.tribune.comments.api.VoteResult;
import org.tribune.comments.internal.mail.CommentMails;

/**
 * The JPA-backed {@link CommentService}. See the module's README for the rules it applies:
 * statuses, moderation policy, threading, privacy.
 */
@ApplicationScoped
@Transactional
public class DefaultCommentService implements CommentService {
  private static final Logger LOG = Logger.getLogger(DefaultCommentService.class.getName());

  /** Period of the rate limit. */
  static final Duration RATE_PERIOD = Duration.ofMinutes(1);

  /** How long the same text by the same address under the same article counts as a duplicate. */
  static final Duration DUPLICATE_PERIOD = Duration.ofHours(1);

  /** Most edit tokens of one visitor looked at: more than a browser keeps. */
  static final int MAX_OWN_TOKENS = 500;

  /** Tries of a vote that met another one. */
  private static final int VOTE_ATTEMPTS = 3;

  /** Rounds of over-fetching for the site-wide latest comments before settling for fewer. */
  private static final int LATEST_ROUNDS = 5;

  @Inject private CommentRepository repository;
  @Inject private ArticleService articles;
  @Inject private EffectiveSettings settings;
  @Inject private AddressHasher addresses;
  @Inject private CommentMails mails;
  @Inject private Voting voting;
  @Inject private PersonalData personalData;
  @Inject private FormTokens formTokens;
  @Inject private Replies replies;
  @Inject private AvatarSeeds avatars;
  @Inject private Event<DiscussionChanged> changed;

  private final Clock clock = Clock.systemUTC();

  /**
   * How recent a comment must be for {@link #threadsBeforeJustPosted}: the site's last seconds of
   * comments.
   */
  private static final Duration JUST_POSTED = Duration.ofSeconds(10);

  /** More comments than this since: the whole discussion is read instead. */
  private static final int JUST_POSTED_MOST = 500;

  // --- Writing ---------------------------------------------------------------------------------

  @Override
  public PostResult post(NewComment comment, Submission submission) {
    Instant now = clock.instant();
    long articleId = comment.articleId();
    if (!articles.isReadable(articleId)) {
      throw new CommentRejectedException(Reason.ARTICLE_NOT_FOUND);
    }
    Rules rules = rules(articleId);
    if (!rules.open(now)) {
      throw new CommentRejectedException(Reason.CLOSED);
    }
    List<Reason> problems = new ArrayList<>();
    Comment parent = null;
    Comment answered = null;
    if (comment.parentId() != null) {
      answered = repository.find(comment.parentId());
      if (answered == null
          || answered.getArticleId() != articleId
          || answered.getStatus() != CommentStatus.APPROVED) {
        problems.add(Reason.PARENT_NOT_FOUND);
      } else {
        parent = replies.parentWithinDepth(answered);
      }
    }
    CommentInput.Checked checked = CommentInput.check(comment, settings.maxLength());
    problems.addAll(checked.problems());
    String html = problems.isEmpty() ? render(checked.body(), problems) : null;
    if (!problems.isEmpty()) {
      throw new CommentRejectedException(problems);
    }

    String ipHash = addresses.hash(submission.clientIp());
    if (repository.countFromAddressSince(ipHash, now.minus(RATE_PERIOD)) >= settings.rateLimit()) {
      throw new CommentRejectedException(Reason.RATE_LIMITED);
    }
    if (repository.postedSince(
        articleId, checked.email(), checked.body(), now.minus(DUPLICATE_PERIOD))) {
      throw new CommentRejectedException(Reason.DUPLICATE);
    }
    ModerationPolicy policy = settings.policy().withMode(rules.mode());
    boolean firstTimeMode = policy.settings().mode() == ModerationMode.FIRST_TIME;
    Optional<Ban.Effect> sanction = repository.sanctionOf(checked.email(), ipHash, now);
    CommentStatus status =
        policy.decide(
            new ModerationPolicy.Facts(
                submission.honeypotFilled(),
                submission.formAge(),
                sanction.filter(Ban.Effect.SUSPENDED::equals).isPresent(),
                firstTimeMode && repository.hasApproved(checked.email()),
                checked.body(),
                sanction.filter(Ban.Effect.HELD::equals).isPresent()));

    String token = Tokens.newToken();
    Comment stored =
        new Comment(
            new Comment.Draft(
                articleId,
                checked.authorName(),
                checked.email(),
                checked.website(),
                checked.body(),
                html,
                ipHash,
                CommentInput.cleanLine(submission.userAgent()).strip(),
                Tokens.sha256(token)),
            parent,
            status,
            now);
    if (answered != null) {
      stored.answering(answered);
    }
    repository.persist(stored);
    stored.rootItself();
    repository.flush();
    repository.addQuotes(stored.getId(), quotable(comment.quotedIds(), articleId, answered));

    if (comment.subscribe() && status != CommentStatus.SPAM) {
      Subscription subscription = new Subscription(stored.getId(), checked.email(), now);
      repository.persist(subscription);
      mails.subscriptionCreated(stored.toMail(), subscription.toSubscriber());
    }
    if (status == CommentStatus.PENDING) {
      mails.held(stored.toMail());
    } else if (status == CommentStatus.APPROVED) {
      replies.notifyApproved(stored);
      changed.fire(DiscussionChanged.of(articleId));
    }
    return new PostResult(
        stored.getId(), status, token, stored.editableUntil(settings.editWindow()));
  }

  /** The HTML of a checked body, or {@code null} with a problem if it would not fit its column. */
  static String render(String body, List<Reason> problems) {
    String html = CommentRenderer.render(body);
    if (html.length() > Comment.BODY_HTML_COLUMN) {
      problems.add(Reason.BODY_TOO_LONG);
      return null;
    }
    return html;
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public String formToken(long articleId, String visitorNonce) {
    return formTokens.issue(articleId, visitorNonce);
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public Optional<Duration> formAge(long articleId, String visitorNonce, String token) {
    return formTokens.age(articleId, visitorNonce, token);
  }

  @Override
  public CommentView edit(long commentId, String editToken, String body) {
    Instant now = clock.instant();
    Comment comment = changeable(commentId, editToken, now);
    String cleaned = CommentInput.cleanBody(body);
    List<Reason> problems = new ArrayList<>(CommentInput.checkBody(cleaned, settings.maxLength()));
    String html = problems.isEmpty() ? render(cleaned, problems) : null;
    if (!problems.isEmpty()) {
      throw new CommentRejectedException(problems);
    }
    comment.edit(cleaned, html, now);
    if (comment.getStatus() == CommentStatus.APPROVED && settings.policy().holdsText(cleaned)) {
      // An approved comment edited into one the policy holds waits for a moderator again.
      comment.moveTo(CommentStatus.PENDING);
      mails.held(comment.toMail());
    }
    changed.fire(DiscussionChanged.of(comment.getArticleId()));
    return comment.toView(true, settings.editWindow(), avatars.of(comment));
  }

  @Override
  public void deleteOwn(long commentId, String editToken) {
    Comment comment = changeable(commentId, editToken, clock.instant());
    comment.moveTo(CommentStatus.TRASH);
    changed.fire(DiscussionChanged.of(comment.getArticleId()));
  }

  private Comment changeable(long commentId, String editToken, Instant now) {
    Comment comment = repository.find(commentId);
    if (comment == null || !comment.changeableBy(editToken, now, settings.editWindow())) {
      throw new CommentRejectedException(Reason.EDIT_NOT_ALLOWED);
    }
    return comment;
  }

  // --- Reading discussions ---------------------------------------------------------------------

  @Override
  public Discussion discussion(long articleId, CommentSort sort, int page, OwnComments viewer) {
    Rules rules = rules(articleId);
    boolean open = articles.isReadable(articleId) && rules.open(clock.instant());
    Own own = own(articleId, viewer);
    long[] counts = repository.threadAndApprovedCounts(articleId, own.visible());
    long threadCount = counts[0];
    long featuredThreads = counts[2];
    CommentSort shown =
        sort == CommentSort.FEATURED && featuredThreads == 0 ? CommentSort.NEWEST : sort;
    long paged = shown == CommentSort.FEATURED ? featuredThreads : threadCount;
    int perPage = settings.threadsPerPage();
    int pageCount = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (paged + perPage - 1) / perPage));
    int number = Math.max(1, Math.min(page, pageCount));
    List<Long> roots =
        paged == 0
            ? List.of()
            : repository.threadPage(
                articleId, own.visible(), shown, (number - 1) * perPage, perPage);
    Duration window = settings.editWindow();
    List<Threads.Entry> entries = new ArrayList<>();
    for (Comment comment : repository.ofThreads(roots)) {
      boolean mine = own.visible().contains(comment.getId());
      boolean visible = comment.getStatus() == CommentStatus.APPROVED || mine;
      entries.add(
          new Threads.Entry(
              comment.getId(),
              comment.getParentId(),
              comment.getRootId(),
              visible ? comment.toView(mine, window, avatars.of(comment)) : null));
    }
    List<CommentNode> threads = Threads.build(roots, entries);
    return new Discussion(
        articleId,
        counts[1],
        threadCount,
        shown,
        number,
        pageCount,
        threads,
        open,
        featuredThreads,
        rules.mode(),
        rules.closesAt());
  }

  @Override
  public OptionalInt pageOf(long articleId, long commentId, CommentSort order, OwnComments viewer) {
    // The selection holds some threads only: a permalink places its comment among all of them.
    CommentSort sort = order == CommentSort.FEATURED ? CommentSort.NEWEST : order;
    Comment comment = repository.find(commentId);
    if (comment == null || comment.getArticleId() != articleId) {
      return OptionalInt.empty();
    }
    Own own = own(articleId, viewer);
    if (comment.getStatus() != CommentStatus.APPROVED && !own.visible().contains(commentId)) {
      return OptionalInt.empty();
    }
    long before;
    OptionalLong justPosted =
        sort == CommentSort.NEWEST
            ? threadsBeforeJustPosted(comment, own.visible())
            : OptionalLong.empty();
    if (justPosted.isPresent()) {
      before = justPosted.getAsLong();
    } else {
      before = repository.threadsBefore(articleId, own.visible(), sort, comment.getRootId());
    }
    return OptionalInt.of(
        (int) Math.min(Integer.MAX_VALUE, before / settings.threadsPerPage() + 1));
  }

  /**
   * For a thread just started (newest first), the number of visible threads before it, from the
   * comments posted since it — a few — instead of {@link CommentRepository#threadsBefore}, which
   * reads the whole discussion; empty when that cannot be told from them.
   */
  private OptionalLong threadsBeforeJustPosted(Comment comment, Set<Long> ownVisible) {
    Instant posted = comment.getCreatedAt();
    Instant now = clock.instant();
    if (comment.getParentId() != null
        || posted.isBefore(now.minus(JUST_POSTED))
        || posted.isAfter(now)) {
      return OptionalLong.empty();
    }
    List<RecentComment> since = repository.postedFrom(posted, JUST_POSTED_MOST);
    if (since.size() >= JUST_POSTED_MOST) {
      return OptionalLong.empty();
    }
    return RecentComment.newerThreads(
        comment.getArticleId(), comment.getRootId(), posted, since, ownVisible);
  }

  /** The comments of an article a visitor proved to have written and may still see. */
  private record Own(Set<Long> visible) {}

  private Own own(long articleId, OwnComments viewer) {
    if (viewer == null || viewer.tokens().isEmpty()) {
      return new Own(Set.of());
    }
    Map<Long, String> tokens = viewer.tokens();
    List<Long> ids = tokens.keySet().stream().limit(MAX_OWN_TOKENS).toList();
    Set<Long> visible = new LinkedHashSet<>();
    for (Comment comment : repository.ofArticleAmong(articleId, ids)) {
      if (comment.getStatus() != CommentStatus.TRASH
          && comment.ownedBy(tokens.get(comment.getId()))) {
        visible.add(comment.getId());
      }
    }
    return new Own(Set.copyOf(visible));
  }

  /** Open to comments: the article says so and, if discussions close, it is recent enough. */
  /**
   * The comments a new one may say it quotes: approved comments of its article, not the one it
   * answers (whose subscribers hear of the reply anyway), at most {@link NewComment#MOST_QUOTED}.
   */
  private List<Long> quotable(List<Long> quotedIds, long articleId, Comment answered) {
    List<Long> asked =
        quotedIds.stream()
            .filter(id -> id != null && (answered == null || !id.equals(answered.getId())))
            .distinct()
            .limit(NewComment.MOST_QUOTED)
            .toList();
    return repository.findAll(asked).stream()
        .filter(c -> c.getArticleId() == articleId && c.getStatus() == CommentStatus.APPROVED)
        .map(Comment::getId)
        .sorted()
        .toList();
  }

  /**
   * The rules in force for an article's discussion: whether it accepts comments (the article's
   * flag), its moderation mode (its own, else its section's, else the site's) and when it closes
   * (its own date or {@code close-after-days} after publication, the earlier).
   */
  record Rules(boolean accepts, ModerationMode mode, Instant closesAt) {
    boolean open(Instant now) {
      return accepts && (closesAt == null || now.isBefore(closesAt));
    }
  }

  private Rules rules(long articleId) {
    DiscussionRules own = repository.articleRules(articleId);
    Optional<ArticleSummary> article = Optional.empty();
    ModerationMode mode = own.moderation();
    if (mode == null) {
      article = articles.find(articleId);
      mode =
          article
              .map(ArticleSummary::section)
              .flatMap(section -> repository.sectionMode(section.id()))
              .orElse(settings.policy().settings().mode());
    }
    Instant closesAt = own.closesAt();
    int days = settings.closeAfterDays();
    if (days > 0) {
      if (article.isEmpty()) {
        article = articles.find(articleId);
      }
      Instant published = article.map(ArticleSummary::publishedAt).orElse(null);
      if (published != null) {
        Instant byAge = published.plus(Duration.ofDays(days));
        closesAt = closesAt == null || byAge.isBefore(closesAt) ? byAge : closesAt;
      }
    }
    return new Rules(articles.acceptsComments(articleId), mode, closesAt);
  }

  // --- Votes -----------------------------------------------------------------------------------

  /**
   * Runs each vote in a transaction of its own. Votes on one comment take turns on its row lock; if
   * one fails all the same (a lock wait timing out under load, or two votes of one visitor racing
   * past the checks and meeting a unique constraint), it is tried again, and then finds the other
   * vote committed.
   */
  @Override
  @Transactional(TxType.NOT_SUPPORTED)
  public VoteResult vote(
      long articleId, long commentId, int direction, String voterKey, Submission submission) {
    if (direction != 0) {
      Vote.requireDirection(direction);
    }
    if (voterKey.isBlank()) {
      throw new IllegalArgumentException("A vote needs a voter key");
    }
    String keyHash = Tokens.sha256(voterKey);
    String ipHash = addresses.hash(submission.clientIp());
    for (int attempt = 1; ; attempt++) {
      try {
        VoteResult result = voting.cast(articleId, commentId, direction, keyHash, ipHash);
        changed.fire(DiscussionChanged.of(articleId));
        return result;
      } catch (PersistenceException | TransactionalException failure) {
        if (attempt == VOTE_ATTEMPTS) {
          throw failure;
        }
        LOG.fine(() -> "Vote on comment " + commentId + " failed (" + failure + "), again");
      }
    }
  }

  @Override
  public String preview(String body) {
    String cleaned = CommentInput.cleanBody(body);
    if (CommentInput.codePoints(cleaned) > settings.maxLength()) {
      throw new CommentRejectedException(Reason.BODY_TOO_LONG);
    }
    return CommentRenderer.render(cleaned);
  }

  @Override
  public Map<Long, Integer> ownVotes(long articleId, String voterKey) {
    if (voterKey.isBlank()) {
      return Map.of();
    }
    return repository.votesOf(articleId, Tokens.sha256(voterKey));
  }

  // --- Lists and counts ------------------------------------------------------------------------

  @Override
  public Map<Long, Long> countApproved(Collection<Long> articleIds) {
    Map<Long, Long> counts = new HashMap<>();
    articleIds.forEach(id -> counts.put(id, 0L));
    if (articleIds.isEmpty()) {
      return counts;
    }
    repository
        .approvedCounts(articleIds)
        .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
    return counts;
  }

  @Override
  public DiscussionState state(long articleId) {
    long[] state = repository.approvedState(articleId);
    return new DiscussionState(articleId, state[0], state[1]);
  }

  @Override
  public List<LatestComment> latest(Long articleId, int limit) {
    int wanted = Math.min(limit, MAX_LIST_SIZE);
    if (wanted < 1) {
      return List.of();
    }
    if (articleId != null) {
      if (!articles.isReadable(articleId)) {
        return List.of();
      }
      return repository.latestApproved(articleId, 0, wanted).stream()
          .map(Comment::toLatest)
          .toList();
    }
    // Site-wide: fetch more than wanted, keep those of readable articles (one query per round).
    List<LatestComment> latest = new ArrayList<>();
    int batch = wanted * 2;
    int offset = 0;
    for (int round = 0; round < LATEST_ROUNDS && latest.size() < wanted; round++) {
      List<Comment> candidates = repository.latestApproved(null, offset, batch);
      Set<Long> readable =
          articles.readable(candidates.stream().map(Comment::getArticleId).distinct().toList());
      for (Comment comment : candidates) {
        if (latest.size() < wanted && readable.contains(comment.getArticleId())) {
          latest.add(comment.toLatest());
        }
      }
      if (candidates.size() < batch) {
        break;
      }
      offset += batch;
      batch *= 2;
    }
    return latest;
  }

  @Override
  public Optional<CommentView> find(long commentId) {
    return Optional.ofNullable(repository.find(commentId))
        .map(c -> c.toView(false, settings.editWindow(), avatars.of(c)));
  }

  @Override
  public void moderate(long commentId, CommentStatus status) {
    Comment comment = existing(commentId);
    comment.moveTo(status);
    if (status == CommentStatus.APPROVED) {
      replies.notifyApproved(comment);
    }
    changed.fire(DiscussionChanged.of(comment.getArticleId()));
  }

  @Override
  public List<CommentView> withStatus(CommentStatus status, int page, int size) {
    int perPage = Math.max(1, Math.min(size, MAX_LIST_SIZE));
    int offset = (int) Math.min(Integer.MAX_VALUE, (long) (Math.max(page, 1) - 1) * perPage);
    Duration window = settings.editWindow();
    return repository.withStatus(status, offset, perPage).stream()
        .map(c -> c.toView(false, window, avatars.of(c)))
        .toList();
  }

  @Override
  public void banAuthorOf(long commentId) {
    Comment comment = existing(commentId);
    Instant now = clock.instant();
    repository.ban(BannedAuthor.Kind.EMAIL, comment.getEmail(), commentId, now);
    repository.ban(BannedAuthor.Kind.IP, comment.getIpHash(), commentId, now);
  }

  private Comment existing(long commentId) {
    Comment comment = repository.find(commentId);
    if (comment == null) {
      throw new CommentRejectedException(Reason.COMMENT_NOT_FOUND);
    }
    return comment;
  }

  @Override
  public long countAll(long articleId) {
    return repository.countAll(articleId);
  }

  @Override
  public int maxLength() {
    return settings.maxLength();
  }

  @Override
  public CommentSort defaultSort() {
    return settings.defaultSort();
  }

  // --- Personal data ---------------------------------------------------------------------------

  @Override
  public String exportByEmail(String email) {
    return personalData.export(CommentInput.normaliseEmail(email), clock.instant());
  }

  @Override
  public int eraseByEmail(String email) {
    int erased = personalData.erase(CommentInput.normaliseEmail(email));
    if (erased > 0) {
      changed.fire(DiscussionChanged.anywhere());
    }
    return erased;
  }

  // --- Subscriptions ---------------------------------------------------------------------------

  @Override
  public boolean confirmSubscription(String token) {
    Optional<Subscription> subscription = subscription(token);
    subscription.ifPresent(Subscription::confirm);
    return subscription.isPresent();
  }

  @Override
  public boolean unsubscribe(String token) {
    Optional<Subscription> subscription = subscription(token);
    subscription.ifPresent(repository::remove);
    return subscription.isPresent();
  }

  private Optional<Subscription> subscription(String token) {
    String value = token.strip();
    if (value.isEmpty() || value.length() > 64) {
      return Optional.empty();
    }
    return repository.subscriptionByToken(value);
  }

  // --- Articles --------------------------------------------------------------------------------

  /** Runs inside the transaction that deletes the article: all of its discussion goes, or none. */
  void onArticleDeleted(@Observes ArticleDeleted event) {
    repository.deleteArticle(event.articleId());
  }
}
