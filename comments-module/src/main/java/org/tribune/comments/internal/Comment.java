package org.tribune.comments.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.tribune.comments.api.CommentLimits;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.CommentView;
import org.tribune.comments.api.ExportedComment;
import org.tribune.comments.api.LatestComment;
import org.tribune.comments.api.ModeratedComment;
import org.tribune.comments.internal.mail.MailedComment;

/**
 * A reader's comment under an article, known here by its id only. Its body is stored as typed and
 * as rendered HTML, rendered again whenever it changes. The author is known by an e-mail address
 * (never shown), the hash of their address and the hash of the edit token they were given.
 */
@Entity
@Table(name = "comments_comment")
public class Comment {
  /** Widest author name column: names are limited in code points, the column in UTF-16 units. */
  static final int AUTHOR_NAME_COLUMN = 2 * CommentLimits.AUTHOR_NAME_LENGTH;

  static final int USER_AGENT_LENGTH = 500;
  static final int BODY_HTML_COLUMN = 1_000_000;

  @Id
  @SequenceGenerator(
      name = "comments_comment_seq",
      sequenceName = "comments_comment_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comments_comment_seq")
  private Long id;

  @Version private long version;

  @Column(name = "article_id", nullable = false)
  private long articleId;

  @Column(name = "parent_id")
  private Long parentId;

  /** The comment answered, when the depth limit hung this reply under one of its ancestors. */
  @Column(name = "answered_id")
  private Long answeredId;

  @Column(name = "root_id", nullable = false)
  private long rootId;

  @Column(nullable = false)
  private int depth;

  @Column(name = "author_name", nullable = false, length = AUTHOR_NAME_COLUMN)
  private String authorName;

  @Column(length = CommentLimits.EMAIL_LENGTH)
  private String email;

  @Column(length = CommentLimits.WEBSITE_LENGTH)
  private String website;

  @Column(nullable = false, length = CommentLimits.BODY_COLUMN_LENGTH)
  private String body;

  @Column(name = "body_html", length = BODY_HTML_COLUMN)
  private String bodyHtml;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CommentStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "edited_at")
  private Instant editedAt;

  @Column(nullable = false)
  private int score;

  @Column(name = "ip_hash", length = 64)
  private String ipHash;

  @Column(name = "user_agent", length = USER_AGENT_LENGTH)
  private String userAgent;

  @Column(name = "edit_token_hash", length = 64)
  private String editTokenHash;

  @Column(name = "replies_notified", nullable = false)
  private boolean repliesNotified;

  /** Written by the editorial team from the console (V5). */
  @Column(nullable = false)
  private boolean staff;

  /** When the staff featured it (« Sélection de la rédaction », V9); {@code null}: not featured. */
  @Column(name = "featured_at")
  private Instant featuredAt;

  @Column(name = "featured_by", length = 640)
  private String featuredBy;

  protected Comment() {}

  /** What a new comment is made of, checked and cleaned by the service. */
  record Draft(
      long articleId,
      String authorName,
      String email,
      String website,
      String body,
      String bodyHtml,
      String ipHash,
      String userAgent,
      String editTokenHash) {}

  /**
   * A new comment at the top of a thread ({@code parent == null}) or answering {@code parent}. A
   * top-level comment is at depth 0 and is its own thread's root; the service chooses the parent so
   * that the depth stays within the configured maximum.
   */
  Comment(Draft draft, Comment parent, CommentStatus status, Instant now) {
    if (draft.authorName() == null
        || draft.authorName().isBlank()
        || draft.body() == null
        || draft.body().isBlank()) {
      throw new IllegalArgumentException("A comment needs an author name and a text");
    }
    if (parent != null && parent.articleId != draft.articleId()) {
      throw new IllegalArgumentException("A reply belongs to the article of its parent");
    }
    this.articleId = draft.articleId();
    this.authorName = draft.authorName();
    this.email = draft.email();
    this.website = draft.website();
    this.body = draft.body();
    this.bodyHtml = Objects.requireNonNull(draft.bodyHtml(), "bodyHtml");
    this.ipHash = draft.ipHash();
    this.userAgent = fit(draft.userAgent(), USER_AGENT_LENGTH);
    this.editTokenHash = draft.editTokenHash();
    this.status = Objects.requireNonNull(status, "status");
    this.createdAt = Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.MICROS);
    if (parent != null) {
      this.parentId = parent.getId();
      this.rootId = parent.rootId;
      this.depth = parent.depth + 1;
    }
  }

  /**
   * A reply of the editorial team: approved at once, marked as staff. It has no address hash and no
   * edit token (staff change comments from the console).
   */
  static Comment byStaff(Draft draft, Comment parent, Instant now) {
    if (draft.ipHash() != null || draft.editTokenHash() != null) {
      throw new IllegalArgumentException("A staff reply has no address hash nor edit token");
    }
    Comment comment = new Comment(draft, parent, CommentStatus.APPROVED, now);
    comment.staff = true;
    return comment;
  }

  /**
   * A comment brought from another platform as it was there: its status, date and place in the
   * thread, however deep ({@code parent} may be at any depth), and the staff flag. It has no edit
   * token. Its parent's subscribers count as told already: an import mails nobody.
   */
  static Comment imported(
      Draft draft, Comment parent, CommentStatus status, Instant createdAt, boolean staff) {
    if (draft.editTokenHash() != null) {
      throw new IllegalArgumentException("An imported comment has no edit token");
    }
    Comment comment = new Comment(draft, parent, status, createdAt);
    comment.staff = staff;
    comment.repliesNotified = true;
    return comment;
  }

  /** Called once the id is known (at persist): a top-level comment is its own thread's root. */
  void rootItself() {
    if (parentId == null) {
      rootId = Objects.requireNonNull(id, "persist first");
    }
  }

  private static String fit(String text, int length) {
    if (text == null || text.length() <= length) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }

  void moveTo(CommentStatus status) {
    this.status = Objects.requireNonNull(status, "status");
  }

  /** Whether the holder of {@code token} may still change this comment at {@code now}. */
  boolean changeableBy(String token, Instant now, Duration window) {
    return status != CommentStatus.TRASH
        && Tokens.matches(token, editTokenHash)
        && now.isBefore(editableUntil(window));
  }

  boolean ownedBy(String token) {
    return Tokens.matches(token, editTokenHash);
  }

  Instant editableUntil(Duration window) {
    return createdAt.plus(window);
  }

  /** A new text from its author. */
  void edit(String body, String bodyHtml, Instant now) {
    this.body = Objects.requireNonNull(body, "body");
    this.bodyHtml = Objects.requireNonNull(bodyHtml, "bodyHtml");
    this.editedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Keeps the comment's place in its thread but nothing about its author or text: for an erased
   * comment that has replies, shown as a placeholder.
   */
  void anonymise() {
    authorName = "";
    email = null;
    website = null;
    body = "";
    bodyHtml = "";
    ipHash = null;
    userAgent = null;
    editTokenHash = null;
    status = CommentStatus.TRASH;
  }

  /**
   * Marks the subscribers of the parent as told of this reply; {@code false} if they already were.
   */
  boolean markRepliesNotified() {
    if (repliesNotified) {
      return false;
    }
    repliesNotified = true;
    return true;
  }

  public Long getId() {
    return id;
  }

  public long getArticleId() {
    return articleId;
  }

  /** Records the comment answered, when the reply hangs higher than under it. */
  void answering(Comment answered) {
    this.answeredId = answered.getId().equals(parentId) ? null : answered.getId();
  }

  /** The comment this reply answers: the one recorded, else its parent. */
  public Long getAnsweredId() {
    return answeredId != null ? answeredId : parentId;
  }

  public Long getParentId() {
    return parentId;
  }

  public long getRootId() {
    return rootId;
  }

  public int getDepth() {
    return depth;
  }

  public String getAuthorName() {
    return authorName;
  }

  public String getEmail() {
    return email;
  }

  public String getWebsite() {
    return website;
  }

  public String getBody() {
    return body;
  }

  public String getBodyHtml() {
    return bodyHtml;
  }

  public CommentStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getEditedAt() {
    return editedAt;
  }

  public int getScore() {
    return score;
  }

  public String getIpHash() {
    return ipHash;
  }

  public String getUserAgent() {
    return userAgent;
  }

  public boolean isStaff() {
    return staff;
  }

  public boolean isFeatured() {
    return featuredAt != null;
  }

  /** Features it (again: the date is the latest choice's). */
  void feature(String by, Instant now) {
    this.featuredAt = now.truncatedTo(ChronoUnit.MICROS);
    this.featuredBy = by;
  }

  void unfeature() {
    this.featuredAt = null;
    this.featuredBy = null;
  }

  /**
   * As shown to a reader; {@code own} when the viewer proved to be its author; {@code avatar} the
   * seed of its author's picture ({@link AvatarSeeds}).
   */
  CommentView toView(boolean own, Duration editWindow, String avatar) {
    return new CommentView(
        id,
        articleId,
        parentId,
        depth,
        authorName,
        website,
        body,
        bodyHtml,
        status,
        createdAt,
        editedAt,
        score,
        own,
        own ? editableUntil(editWindow) : null,
        staff,
        featuredAt != null,
        avatar);
  }

  /**
   * Whole, for an export (a tombstone as what is left of it), with its votes and the subscriptions
   * to its replies. The answered comment is the column as stored ({@code null} when the reply hangs
   * under the comment it answers), not {@link #getAnsweredId}'s fallback to the parent: a restore
   * writes it back as it was.
   */
  ExportedComment toExported(
      List<ExportedComment.Vote> votes, List<ExportedComment.Subscription> subscriptions) {
    return new ExportedComment(
        id,
        articleId,
        parentId,
        depth,
        authorName,
        email,
        website,
        body,
        bodyHtml,
        status,
        createdAt,
        editedAt,
        score,
        staff,
        answeredId,
        ipHash,
        userAgent,
        editTokenHash,
        repliesNotified,
        votes,
        subscriptions,
        featuredAt,
        featuredBy);
  }

  /** As a moderator sees it, with its votes counted apart. */
  ModeratedComment toModerated(int upVotes, int downVotes) {
    return new ModeratedComment(
        id,
        articleId,
        parentId,
        status,
        authorName,
        email,
        website,
        ipHash,
        userAgent,
        CommentRenderer.countLinks(body),
        score,
        upVotes,
        downVotes,
        createdAt,
        editedAt,
        body,
        bodyHtml,
        staff,
        featuredAt != null);
  }

  /** What mails say about it. */
  MailedComment toMail() {
    return new MailedComment(id, articleId, authorName, email, website, body);
  }

  LatestComment toLatest() {
    return new LatestComment(id, articleId, authorName, bodyHtml, createdAt, editedAt);
  }
}
