package org.tribune.web.discussion;

import org.tribune.comments.api.ReportReason;

/**
 * A reader's report of a comment was taken ({@link ReportPages}, once {@code ReportService} kept
 * it; a robot's report, kept nowhere, is not told). {@code hidden}: this report is the one that hid
 * the comment pending review. Fired synchronously, in the request that took the report; the
 * console's audit log observes it ({@code console.reports.ReportsAudit}).
 */
public record CommentReported(long commentId, ReportReason reason, boolean hidden) {}
