package org.tribune.comments.api;

import java.time.Instant;

/**
 * A report taken in.
 *
 * @param reportId its id; 0 when it was taken for a robot's (honeypot filled) and not kept
 * @param hidden whether this report hid the comment pending review (it reached the threshold)
 */
public record ReportReceipt(long reportId, Instant receivedAt, boolean hidden) {}
