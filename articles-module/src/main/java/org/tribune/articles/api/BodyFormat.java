package org.tribune.articles.api;

/** How an article's body is written. Both are rendered to sanitised HTML. */
public enum BodyFormat {
  /** CommonMark, written in Tribune. Raw HTML in it is shown as text. */
  MARKDOWN,
  /** HTML, as imported from another platform; cleaned with the same allow-list. */
  HTML
}
