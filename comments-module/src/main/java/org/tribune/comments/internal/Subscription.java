package org.tribune.comments.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.tribune.comments.api.CommentLimits;
import org.tribune.comments.api.ExportedComment;
import org.tribune.comments.internal.mail.Subscriber;

/**
 * A commenter's wish to be told of replies to their comment, by e-mail. It counts only once
 * confirmed from the link of the confirmation mail (double opt-in). The token is the secret of that
 * link and of the unsubscription link at the foot of every mail; it is kept as is because each mail
 * must carry it.
 */
@Entity
@Table(name = "comments_subscription")
public class Subscription {
  @Id
  @SequenceGenerator(
      name = "comments_subscription_seq",
      sequenceName = "comments_subscription_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comments_subscription_seq")
  private Long id;

  @Column(name = "comment_id", nullable = false)
  private long commentId;

  @Column(nullable = false, length = CommentLimits.EMAIL_LENGTH)
  private String email;

  @Column(nullable = false, length = 64)
  private String token;

  @Column(nullable = false)
  private boolean confirmed;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Subscription() {}

  Subscription(long commentId, String email, Instant now) {
    this.commentId = commentId;
    this.email = Objects.requireNonNull(email, "email");
    this.token = Tokens.newToken();
    this.confirmed = false;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  void confirm() {
    confirmed = true;
  }

  Subscriber toSubscriber() {
    return new Subscriber(email, token);
  }

  long getCommentId() {
    return commentId;
  }

  String getEmail() {
    return email;
  }

  String getToken() {
    return token;
  }

  boolean isConfirmed() {
    return confirmed;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  /** Whole, for an export: the token too, since the links of mails already sent carry it. */
  ExportedComment.Subscription toExported() {
    return new ExportedComment.Subscription(id, email, token, confirmed, createdAt);
  }
}
