/**
 * Readers' reports of comments in the console ({@code /admin/reports}, moderators): the queue of
 * reported comments with their reports and earlier decisions, the decision with its statement of
 * reasons, the threshold that hides a comment pending review (administrators), and the transparency
 * figures by month ({@code /admin/reports/transparency}, and as CSV). Everything goes through
 * {@code comments.api.ReportService}; decisions and settings are written to the audit log, and so
 * are readers' reports as the discussion tells of them ({@code discussion.CommentReported}). The
 * dashboard and the console's navigation read the count of waiting comments from here.
 */
package org.tribune.web.console.reports;
