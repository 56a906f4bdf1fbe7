package org.tribune.comments.api;

import java.time.Instant;

/**
 * A ban whole, for an export: an e-mail address or an address' hash ({@code kind} {@code EMAIL} or
 * {@code IP}), the comment that prompted it when there was one, and when it was set.
 */
public record ExportedBan(long id, String kind, String value, Long commentId, Instant createdAt) {}
