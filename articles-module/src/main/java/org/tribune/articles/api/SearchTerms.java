package org.tribune.articles.api;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How search sees words, shared by the index and by whoever highlights results: accents and case
 * are folded ("Élections" and "elections" are the same), a final plural {@code s} or {@code x} is
 * dropped ("élections" finds "élection"), and very common French and English words are ignored.
 */
public final class SearchTerms {
  /** Longest query text considered; the rest is ignored. */
  public static final int MAX_QUERY_LENGTH = 500;

  /** Most terms considered in one query. */
  public static final int MAX_TERMS = 10;

  /** Longest indexed term. */
  public static final int MAX_TERM_LENGTH = 60;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Set<String> STOP_WORDS =
      Set.of(
          "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "au", "aux", "en", "dans",
          "par", "pour", "sur", "avec", "sans", "ce", "cet", "cette", "ces", "qui", "que", "quoi",
          "dont", "ne", "pas", "plus", "se", "sa", "son", "ses", "leur", "leurs", "est", "sont",
          "ete", "etre", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "mais",
          "donc", "ni", "car", "qu", "the", "an", "of", "and", "or", "to", "in", "is", "are", "for",
          "with");

  private SearchTerms() {}

  /** The distinct search terms of a text, in order of first appearance. */
  public static List<String> of(String text) {
    Set<String> terms = new LinkedHashSet<>();
    forEachWord(
        text,
        (word, start, end) -> {
          String term = normalize(word);
          if (term != null) {
            terms.add(term);
          }
        });
    return List.copyOf(terms);
  }

  /**
   * The terms of a query: at most {@link #MAX_TERMS}, from the words that lie wholly within its
   * first {@link #MAX_QUERY_LENGTH} characters. A word cut by that limit is left out: its first
   * letters are not a word the reader typed, and every term must match.
   */
  public static List<String> ofQuery(String query) {
    if (query == null) {
      return List.of();
    }
    // One character more than the limit shows whether the last word goes on past it.
    String text =
        query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH + 1) : query;
    Set<String> terms = new LinkedHashSet<>();
    forEachWord(
        text,
        (word, start, end) -> {
          String term = end <= MAX_QUERY_LENGTH ? normalize(word) : null;
          if (term != null && terms.size() < MAX_TERMS) {
            terms.add(term);
          }
        });
    return List.copyOf(terms);
  }

  /** The term for one word, or {@code null} for a word search ignores. */
  public static String normalize(String word) {
    String folded =
        Normalizer.normalize(word, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replace("œ", "oe")
            .replace("æ", "ae")
            .toLowerCase(Locale.ROOT);
    if (folded.length() < 2 || STOP_WORDS.contains(folded)) {
      return null;
    }
    if (folded.length() > 3 && (folded.endsWith("s") || folded.endsWith("x"))) {
      folded = folded.substring(0, folded.length() - 1);
    }
    return folded.length() > MAX_TERM_LENGTH ? folded.substring(0, MAX_TERM_LENGTH) : folded;
  }

  /** Calls back for every word of a text with its position, for highlighting. */
  public static void forEachWord(String text, WordVisitor visitor) {
    if (text == null) {
      return;
    }
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      visitor.visit(matcher.group(), matcher.start(), matcher.end());
    }
  }

  /** Receives a word and its span in the text. */
  @FunctionalInterface
  public interface WordVisitor {
    void visit(String word, int start, int end);
  }

  /** The words of a text, for tests and tools. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    forEachWord(text, (word, start, end) -> words.add(word));
    return words;
  }
}
