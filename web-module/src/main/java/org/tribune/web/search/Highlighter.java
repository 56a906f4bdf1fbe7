package org.tribune.web.search;

import java.util.List;
import java.util.Set;
import org.tribune.articles.api.SearchTerms;

/**
 * Turns a title or a standfirst into HTML where the words that the query matched are in {@code
 * <mark>}. A word is marked when it folds ({@link SearchTerms#normalize}) to one of the query's
 * terms, so "élections" is marked for the query "Election": the highlight shows what the index
 * matched, no more. Every other character is escaped: the text and the query both come from users.
 */
public final class Highlighter {
  private final Set<String> terms;

  /** Marks the words of the query's terms ({@link SearchTerms#ofQuery}). */
  public Highlighter(String query) {
    this(SearchTerms.ofQuery(query));
  }

  Highlighter(List<String> terms) {
    this.terms = Set.copyOf(terms);
  }

  /** Whether the query has any term to search for (and to mark). */
  public boolean hasTerms() {
    return !terms.isEmpty();
  }

  /** The text as HTML, matched words in {@code <mark>}; empty for {@code null}. */
  public String html(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder(text.length() + 32);
    int[] done = {0};
    SearchTerms.forEachWord(
        text,
        (word, start, end) -> {
          String term = SearchTerms.normalize(word);
          if (term != null && terms.contains(term)) {
            escape(text, done[0], start, html);
            html.append("<mark>");
            escape(text, start, end, html);
            html.append("</mark>");
            done[0] = end;
          }
        });
    escape(text, done[0], text.length(), html);
    return html.toString();
  }

  /** Escapes {@code text[from, to)} for HTML text and attribute values, dropping control codes. */
  static void escape(String text, int from, int to, StringBuilder html) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> {
          // Control characters have no place in HTML text; tab and line breaks are whitespace.
          if (c >= ' ' || c == '\t' || c == '\n' || c == '\r') {
            html.append(c);
          }
        }
      }
    }
  }
}
