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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.tribune.comments.api.Ban;
import org.tribune.comments.api.CommentLimits;
import org.tribune.comments.api.ExportedBan;

/**
 * A sanction on an author: later comments with this e-mail address or address hash go to spam
 * (suspended) or wait for a moderator (held), for good or until it expires.
 */
@Entity
@Table(name = "comments_ban")
public class BannedAuthor {
  enum Kind {
    EMAIL,
    IP
  }

  @Id
  @SequenceGenerator(
      name = "comments_ban_seq",
      sequenceName = "comments_ban_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comments_ban_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Kind kind;

  @Column(name = "ban_value", nullable = false, length = CommentLimits.EMAIL_LENGTH)
  private String bannedValue;

  /** The comment that led to the ban, for the moderators' record. */
  @Column(name = "comment_id")
  private Long commentId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** V10: what it does; a suspension for good unless said otherwise. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Ban.Effect effect = Ban.Effect.SUSPENDED;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(length = 4000)
  private String reason;

  protected BannedAuthor() {}

  BannedAuthor(Kind kind, String value, Long commentId, Instant now) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Nothing to ban");
    }
    this.kind = Objects.requireNonNull(kind, "kind");
    this.bannedValue = value;
    this.commentId = commentId;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  Long getId() {
    return id;
  }

  Ban.Effect getEffect() {
    return effect;
  }

  /** Whether it ends some day. */
  boolean expires() {
    return expiresAt != null;
  }

  /** Makes it this sanction from now, whatever it was. */
  void sanction(Ban.Effect effect, Instant expiresAt, String reason, Long commentId, Instant now) {
    this.effect = Objects.requireNonNull(effect, "effect");
    this.expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
    this.reason = reason;
    if (commentId != null) {
      this.commentId = commentId;
    }
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /** As the console lists it. */
  Ban toBan() {
    return new Ban(
        id,
        kind == Kind.EMAIL ? bannedValue : null,
        kind == Kind.IP ? bannedValue : null,
        createdAt,
        effect,
        expiresAt,
        reason);
  }

  /** Whole, for an export. */
  ExportedBan toExported() {
    return new ExportedBan(
        id, kind.name(), bannedValue, commentId, createdAt, effect.name(), expiresAt, reason);
  }
}
