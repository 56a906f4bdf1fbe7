package org.tribune.web.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.tribune.articles.api.SearchTerms;

/** What the search page does with the raw {@code q} parameter before using or showing it. */
final class SearchQuery {
  /** Longest query kept; search reads no further ({@link SearchTerms#MAX_QUERY_LENGTH}). */
  static final int MAX_LENGTH = SearchTerms.MAX_QUERY_LENGTH;

  /** Longest query shown in the page's title and result count; the form keeps all of it. */
  static final int MAX_SHOWN = 80;

  /**
   * Invisible format codes, unassigned code points, unpaired surrogates, and the replacement
   * character that stands for bytes that were not UTF-8: dropped.
   */
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cn}\\p{Cs}\\x{FFFD}]+");

  /** Control codes and runs of spaces of any kind: one space. */
  private static final Pattern SPACE = Pattern.compile("[\\p{Cc}\\p{Z}\\s]+");

  private SearchQuery() {}

  /** Letters and digits at the end of a text: a word that the length limit may have cut. */
  private static final Pattern WORD_END = Pattern.compile("[\\p{L}\\p{N}]+$");

  /** A letter or digit: what words are made of for search. */
  private static final Pattern WORD_CHARACTER = Pattern.compile("[\\p{L}\\p{N}]");

  /**
   * The query as typed, without control codes, with runs of whitespace made one space, trimmed, at
   * most {@link #MAX_LENGTH} characters. A word cut by that limit is left out, as search would
   * otherwise require its first letters ({@code SearchTerms.ofQuery} does the same). {@code ""} for
   * none.
   */
  static String clean(String raw) {
    if (raw == null) {
      return "";
    }
    String text = raw.length() > 4 * MAX_LENGTH ? raw.substring(0, 4 * MAX_LENGTH) : raw;
    text = INVISIBLE.matcher(text).replaceAll("");
    text = SPACE.matcher(text).replaceAll(" ").strip();
    String cut = cut(text, MAX_LENGTH);
    if (cut.length() < text.length()
        && WORD_CHARACTER.matcher(text).region(cut.length(), text.length()).lookingAt()) {
      cut = WORD_END.matcher(cut).replaceFirst("");
    }
    return cut.strip();
  }

  /** The query shortened for a title or a sentence, with "…" when cut. */
  static String shown(String query) {
    String cut = cut(query, MAX_SHOWN);
    return cut.length() < query.length() ? cut.strip() + "…" : cut;
  }

  /** The site path of the search for a (clean) query: {@code /search?q=…}, URL-encoded. */
  static String path(String query) {
    return query.isEmpty()
        ? "/search"
        : "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static String cut(String text, int length) {
    if (text.length() <= length) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }
}
