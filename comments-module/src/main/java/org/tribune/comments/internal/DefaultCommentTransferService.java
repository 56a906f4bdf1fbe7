package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.executable.ExecutableType;
import jakarta.validation.executable.ValidateOnExecution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.function.Function;
import org.tribune.comments.api.CommentLimits;
import org.tribune.comments.api.CommentTransferService;
import org.tribune.comments.api.Decision;
import org.tribune.comments.api.DiscussionRules;
import org.tribune.comments.api.ExportedBan;
import org.tribune.comments.api.ExportedComment;
import org.tribune.comments.api.ExportedReport;
import org.tribune.comments.api.ImportedComment;
import org.tribune.comments.api.ModerationMode;

/**
 * The JPA-backed {@link CommentTransferService}. An imported comment is cleaned as a visitor's is
 * (the same field cleaning, the same renderer, the address hashed with the same salt) but judged by
 * nobody: no policy, limit, ban, subscription or mail. It counts as already told to its parent's
 * subscribers, so that approving it later mails nobody either.
 *
 * <p>Writes join the caller's transaction ({@code REQUIRED}): an importer writes an article and all
 * its comments in one. A comment refused ({@link IllegalArgumentException}: unknown parent, nothing
 * left of the text; {@link ConstraintViolationException}: a field the contract refuses) is refused
 * before anything is written, and does not mark that transaction for rollback, so that the caller
 * can skip it and go on.
 *
 * <p>The module keeps no cache of comments or counts (the shared cache holds no comment, pages ask
 * the database), so a comment written here shows on the next page read: there is nothing to evict
 * and no event to fire. {@code @ValidateOnExecution}: see {@link DefaultModerationService}.
 */
@ApplicationScoped
@Transactional(
    dontRollbackOn = {IllegalArgumentException.class, ConstraintViolationException.class})
@ValidateOnExecution(type = ExecutableType.IMPLICIT)
public class DefaultCommentTransferService implements CommentTransferService {
  /**
   * Longest author name, in code points. Bean Validation on {@link ImportedComment} counts UTF-16
   * units, which is stricter: this only matters to a call that skipped validation.
   */
  private static final int AUTHOR_NAME_CODE_POINTS = CommentLimits.AUTHOR_NAME_LENGTH;

  @Inject private CommentRepository repository;
  @Inject private AddressHasher addresses;

  @Override
  public long create(ImportedComment imported) {
    Comment parent = null;
    if (imported.parentId() != null) {
      parent = repository.find(imported.parentId());
      if (parent == null) {
        throw new IllegalArgumentException("No comment " + imported.parentId() + " to answer");
      }
      if (parent.getArticleId() != imported.articleId()) {
        throw new IllegalArgumentException(
            "Comment " + imported.parentId() + " is not under article " + imported.articleId());
      }
    }
    String name =
        cut(CommentInput.cleanLine(imported.authorName()).strip(), AUTHOR_NAME_CODE_POINTS);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("An imported comment needs its author's name");
    }
    Body body = Body.of(imported.bodyHtml());
    String address = imported.address();
    String userAgent = CommentInput.cleanLine(imported.userAgent()).strip();
    Comment comment =
        Comment.imported(
            new Comment.Draft(
                imported.articleId(),
                name,
                emptyAsNull(CommentInput.normaliseEmail(imported.email())),
                website(imported.website()),
                body.text(),
                body.html(),
                address == null || address.isBlank() ? null : addresses.hash(address),
                emptyAsNull(userAgent),
                null),
            parent,
            imported.status(),
            imported.createdAt(),
            imported.staff());
    repository.persist(comment);
    comment.rootItself();
    // No flush: an import writes an article's comments together, at its transaction's end (a
    // flush per comment re-examined every comment already written in the transaction).
    return comment.getId();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Three queries whatever the article's size: its comments, their votes, their subscriptions.
   */
  @Override
  public List<ExportedComment> export(long articleId) {
    Map<Long, List<ExportedComment.Vote>> votes = new HashMap<>();
    for (Vote vote : repository.votesOfArticle(articleId)) {
      votes.computeIfAbsent(vote.getCommentId(), id -> new ArrayList<>()).add(vote.toExported());
    }
    Map<Long, List<ExportedComment.Subscription>> subscriptions = new HashMap<>();
    for (Subscription subscription : repository.subscriptionsOfArticle(articleId)) {
      subscriptions
          .computeIfAbsent(subscription.getCommentId(), id -> new ArrayList<>())
          .add(subscription.toExported());
    }
    return parentsFirst(repository.ofArticle(articleId), Comment::getId, Comment::getParentId)
        .stream()
        .map(
            comment ->
                comment.toExported(
                    votes.getOrDefault(comment.getId(), List.of()),
                    subscriptions.getOrDefault(comment.getId(), List.of())))
        .toList();
  }

  @Override
  public List<ExportedBan> bans() {
    return repository.bansById().stream().map(BannedAuthor::toExported).toList();
  }

  @Override
  public SortedMap<Long, DiscussionRules> articleRules() {
    return Collections.unmodifiableSortedMap(repository.allArticleRules());
  }

  @Override
  public SortedMap<Long, ModerationMode> sectionModes() {
    return Collections.unmodifiableSortedMap(repository.sectionModes());
  }

  @Override
  public List<Decision> decisions() {
    return repository.decisionsById().stream().map(StoredDecision::toDecision).toList();
  }

  @Override
  public List<ExportedReport> reports() {
    return repository.reportsById().stream().map(StoredReport::toExported).toList();
  }

  @Override
  public Map<String, String> settings() {
    return Collections.unmodifiableSortedMap(repository.storedSettings());
  }

  // --- Fields ----------------------------------------------------------------------------------

  /** An imported body: the text a reader would have typed, and its HTML. */
  record Body(String text, String html) {

    /**
     * Brings the source's HTML down to text, cleaned as a typed body, and renders it. A text longer
     * than its column is cut, as is one whose HTML would not fit its own (the renderer makes HTML
     * several times longer than some texts: quotes escaped, links): an import is not refused for
     * its length.
     *
     * @throws IllegalArgumentException when nothing a reader would see is left
     */
    static Body of(String sourceHtml) {
      String text = CommentInput.cleanBody(ImportedHtml.toText(sourceHtml));
      if (text.isBlank()) {
        throw new IllegalArgumentException("Nothing left of the comment's text");
      }
      text = fit(text, CommentLimits.BODY_COLUMN_LENGTH).strip();
      String html = CommentRenderer.render(text);
      while (html.length() > Comment.BODY_HTML_COLUMN) {
        long shorter = (long) text.length() * Comment.BODY_HTML_COLUMN / html.length() - 1;
        text = fit(text, (int) shorter).strip();
        html = CommentRenderer.render(text);
      }
      return new Body(text, html);
    }
  }

  /** A website kept only if it is an {@code http(s)} address, normalised as a visitor's. */
  static String website(String website) {
    String typed = CommentInput.cleanLine(website).strip();
    return typed.isEmpty() ? null : CommentInput.normaliseWebsite(typed);
  }

  /** At most {@code length} UTF-16 units, never splitting a character. */
  static String fit(String text, int length) {
    if (text.length() <= length) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }

  /** At most {@code codePoints} characters, as readers count them. */
  static String cut(String text, int codePoints) {
    if (CommentInput.codePoints(text) <= codePoints) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, codePoints)).strip();
  }

  private static String emptyAsNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  // --- Export order ----------------------------------------------------------------------------

  /**
   * Comments in an order where each parent comes before its replies, and otherwise in the order
   * given (oldest first): a reply dated before its parent, as clocks of other platforms allow,
   * waits for it. A reply whose parent is not in the list counts as a top-level one.
   */
  static <T> List<T> parentsFirst(
      List<T> oldestFirst, Function<T, Long> idOf, Function<T, Long> parentOf) {
    Map<Long, Integer> positions = new HashMap<>();
    for (int i = 0; i < oldestFirst.size(); i++) {
      positions.put(idOf.apply(oldestFirst.get(i)), i);
    }
    Map<Integer, List<Integer>> replies = new HashMap<>();
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < oldestFirst.size(); i++) {
      Long parent = parentOf.apply(oldestFirst.get(i));
      Integer at = parent == null ? null : positions.get(parent);
      if (at == null || at == i) {
        ready.add(i);
      } else {
        replies.computeIfAbsent(at, k -> new ArrayList<>()).add(i);
      }
    }
    List<T> ordered = new ArrayList<>(oldestFirst.size());
    boolean[] placed = new boolean[oldestFirst.size()];
    while (!ready.isEmpty()) {
      int next = ready.poll();
      placed[next] = true;
      ordered.add(oldestFirst.get(next));
      ready.addAll(replies.getOrDefault(next, List.of()));
    }
    // Only a cycle of parents, which no service writes, leaves some: they come last, as given.
    for (int i = 0; i < placed.length; i++) {
      if (!placed[i]) {
        ordered.add(oldestFirst.get(i));
      }
    }
    return ordered;
  }
}
