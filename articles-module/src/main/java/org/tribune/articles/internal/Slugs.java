package org.tribune.articles.internal;

import java.text.Normalizer;
import java.util.Locale;
import org.tribune.articles.api.ArticleLimits;

/** Turns a title into a URL slug: accents folded, lower case, words joined by hyphens. */
final class Slugs {
  private static final String FALLBACK = "article";

  private Slugs() {}

  static String of(String title) {
    String folded =
        Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
            .replace("œ", "oe")
            .replace("Œ", "oe")
            .replace("æ", "ae")
            .replace("Æ", "ae")
            .replace("ß", "ss")
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > ArticleLimits.SLUG_LENGTH - 10) {
      slug = slug.substring(0, ArticleLimits.SLUG_LENGTH - 10).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? FALLBACK : slug;
  }

  /** The n-th alternative for a slug already taken: {@code slug-2}, {@code slug-3}… */
  static String numbered(String slug, int n) {
    return n < 2 ? slug : slug + "-" + n;
  }
}
