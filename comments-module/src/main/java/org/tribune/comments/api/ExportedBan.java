package org.tribune.comments.api;

import java.time.Instant;

/**
 * A ban whole, for an export: an e-mail address or an address' hash ({@code kind} {@code EMAIL} or
 * {@code IP}), the comment that prompted it when there was one, when it was set, its effect (a
 * {@link Ban.Effect} name), when it ends ({@code null}: never) and the staff's reason.
 */
public record ExportedBan(
    long id,
    String kind,
    String value,
    Long commentId,
    Instant createdAt,
    String effect,
    Instant expiresAt,
    String reason) {

  /** A suspension for good, without reason (as every ban was before sanctions had more). */
  public ExportedBan(long id, String kind, String value, Long commentId, Instant createdAt) {
    this(id, kind, value, commentId, createdAt, Ban.Effect.SUSPENDED.name(), null, null);
  }
}
