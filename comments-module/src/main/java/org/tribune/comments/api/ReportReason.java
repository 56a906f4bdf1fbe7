package org.tribune.comments.api;

/** Why a reader reports a comment: the first choice of the report form. */
public enum ReportReason {
  /**
   * Content the reader believes unlawful (EU Digital Services Act art. 16): needs a category, an
   * explanation, the reporter's name and e-mail address and a statement of good faith.
   */
  ILLICIT,
  SPAM,
  OFF_TOPIC,
  /** Needs an explanation. */
  OTHER
}
