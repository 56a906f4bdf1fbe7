package org.tribune.articles.internal;

import java.text.Normalizer;
import java.util.Locale;
import org.tribune.articles.api.ArticleLimits;

/** Turns a title into a URL slug: accents folded, lower case, words joined by hyphens. */
final class Slugs {
  private static final String FALLBACK = "article";

  private Slugs() {}

  static String of(String title) {
    String slug = fold(title);
    if (slug.length() > ArticleLimits.SLUG_LENGTH - 10) {
      slug = slug.substring(0, ArticleLimits.SLUG_LENGTH - 10).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? FALLBACK : slug;
  }

  /**
   * The text folded as slugs are, without a length limit or a fallback: possibly empty. What a
   * prefix typed by a user looks like in slugs.
   */
  static String fold(String text) {
    String folded =
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
            .replace("œ", "oe")
            .replace("Œ", "oe")
            .replace("æ", "ae")
            .replace("Æ", "ae")
            .replace("ß", "ss")
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    return folded.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
  }

  /** The n-th alternative for a slug already taken: {@code slug-2}, {@code slug-3}… */
  static String numbered(String slug, int n) {
    return n < 2 ? slug : slug + "-" + n;
  }
}
