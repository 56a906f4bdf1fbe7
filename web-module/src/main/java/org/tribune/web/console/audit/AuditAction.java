package org.tribune.web.console.audit;

/** What an audit entry records. The console names each in the site's language. */
public enum AuditAction {
  SIGN_IN,
  SIGN_IN_FAILED,
  SIGN_IN_DELAYED,
  SIGN_OUT,
  PASSWORD_CHANGED,
  ACCOUNT_CREATED,
  ACCOUNT_CHANGED,
  ARTICLE_CREATED,
  ARTICLE_SAVED,
  ARTICLE_SUBMITTED,
  ARTICLE_PUBLISHED,
  ARTICLE_SCHEDULED,
  ARTICLE_UNPUBLISHED,
  ARTICLE_ARCHIVED,
  ARTICLE_TRASHED,
  ARTICLE_RESTORED,
  ARTICLE_DELETED,
  REVISION_RESTORED,
  TAXONOMY_CHANGED,
  COMMENTS_MODERATED,
  COMMENTS_DELETED,
  COMMENT_EDITED,
  COMMENT_REPLIED,
  COMMENT_FEATURED,
  COMMENT_UNFEATURED,
  /**
   * A permanent ban, as the console recorded them before sanctions (kept for the older entries).
   */
  BAN_ADDED,
  /** An author suspended or watched, for a while or for good (detail: effect and duration). */
  SANCTION_ADDED,
  /** A sanction on an author, lifted (a ban of old included). */
  BAN_REMOVED,
  COMMENTER_EXPORTED,
  COMMENTER_ERASED,
  SETTINGS_CHANGED,
  SITE_IMPORTED,
  SITE_EXPORTED,
  MEDIA_UPLOADED,
  MEDIA_REPLACED,
  MEDIA_DESCRIBED,
  MEDIA_DELETED,
  FRONT_PAGE_CHANGED,
  LEGAL_PAGES_DRAFTED,
  LEGAL_NOTICE_SAVED,
  BACKUP_TAKEN,
  BACKUP_FAILED,
  SITE_RESTORED,
  /** A reader reported a comment (no actor: a reader). */
  REPORT_RECEIVED,
  /** A comment reached the reports threshold and was hidden pending review (no actor). */
  COMMENT_HIDDEN_BY_REPORTS,
  REPORT_DECIDED,
  REPORT_SETTINGS_CHANGED
}
