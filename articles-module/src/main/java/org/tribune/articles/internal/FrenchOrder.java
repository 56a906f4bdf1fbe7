package org.tribune.articles.internal;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The order of names a French reader expects: « écoles » between « eau » and « église », « Éric »
 * with the e, whatever the case — not the databases' order of code points, which puts every
 * accented first letter after z. Lists of authors, sections and tags are sorted with it after they
 * are read (they are short: a few hundred names at most).
 */
final class FrenchOrder {
  private FrenchOrder() {}

  /** Compares names as a French dictionary does; the ids break ties, so that the order is total. */
  static <T> Comparator<T> byName(Function<T, String> name, ToLongFunction<T> id) {
    // A Collator is not safe to share between threads: one per comparator.
    Collator collator = Collator.getInstance(Locale.FRENCH);
    return Comparator.comparing(name, collator).thenComparingLong(id);
  }

  /** A new list of the items in French order of their names. */
  static <T> List<T> sorted(List<T> items, Function<T, String> name, ToLongFunction<T> id) {
    return items.stream().sorted(byName(name, id)).toList();
  }
}
