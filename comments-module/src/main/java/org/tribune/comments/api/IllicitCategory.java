package org.tribune.comments.api;

/** The kind of unlawful content an {@link ReportReason#ILLICIT} report names. */
public enum IllicitCategory {
  /** Injure ou diffamation. */
  INSULT_DEFAMATION,
  /** Incitation à la haine, à la violence ou à la discrimination. */
  HATE,
  HARASSMENT,
  /** Apologie du terrorisme. */
  TERRORISM,
  /** Atteinte à la vie privée. */
  PRIVACY,
  /** Contrefaçon (a text reproduced without its author's rights). */
  COUNTERFEIT,
  OTHER
}
