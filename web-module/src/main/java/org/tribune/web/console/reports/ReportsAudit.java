package org.tribune.web.console.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.audit.AuditLog;
import org.tribune.web.discussion.CommentReported;

/**
 * Readers' reports in the audit log: an entry for each report taken (no actor: a reader), and one
 * more when the report hid the comment pending review. Observes the discussion's {@link
 * CommentReported} synchronously, so an entry is written in the request that took the report, as
 * the discussion used to write it itself.
 */
@ApplicationScoped
public class ReportsAudit {
  @Inject private AuditLog audit;

  void reported(@Observes CommentReported report) {
    String target = "comment " + report.commentId();
    audit.record(null, AuditAction.REPORT_RECEIVED, target, report.reason().name(), null);
    if (report.hidden()) {
      // The service told the page caches (DiscussionChanged): the article shows it no more.
      audit.record(null, AuditAction.COMMENT_HIDDEN_BY_REPORTS, target, null, null);
    }
  }
}
