package org.tribune.articles.internal;

import com.ibm.icu.text.Transliterator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tribune.articles.api.ArticleLimits;

/**
 * Turns a title into a URL slug: other scripts transliterated, accents folded, lower case, words
 * joined by hyphens.
 */
final class Slugs {
  private static final String FALLBACK = "article";

  private Slugs() {}

  static String of(String title) {
    String slug = capped(fold(title));
    return slug.isEmpty() ? FALLBACK : slug;
  }

  /**
   * The slug another platform asked for, made valid: percent-encoded UTF-8 decoded (WordPress's
   * {@code post_name}), accents folded, lower case, anything else between words a hyphen, cut like
   * {@link #of}. Letters of other scripts are written in Latin ones (Greek, Cyrillic: {@code Αθήνα}
   * → {@code athena}). Possibly empty (nothing but signs).
   */
  static String ofWish(String wish) {
    return capped(fold(percentDecoded(wish)));
  }

  /** The text folded and cut as {@link #of} does, without a fallback: possibly empty. */
  static String folded(String text) {
    return capped(fold(text));
  }

  /** The wish made valid, else the slug of the title, else {@code fallback}. */
  static String ofWish(String wish, String title, String fallback) {
    String slug = ofWish(wish);
    if (slug.isEmpty()) {
      slug = capped(fold(title));
    }
    return slug.isEmpty() ? fallback : slug;
  }

  /** Room is left for a number ({@code -12}) that would make it unique. */
  private static String capped(String slug) {
    return slug.length() > ArticleLimits.SLUG_LENGTH - 10
        ? slug.substring(0, ArticleLimits.SLUG_LENGTH - 10).replaceAll("-+$", "")
        : slug;
  }

  /**
   * {@code %ce%b1} and the like decoded as UTF-8 bytes; a {@code %} not followed by two hex digits
   * stays as it is, and bytes that are not UTF-8 become replacement characters (dropped later).
   */
  static String percentDecoded(String text) {
    if (text == null || text.indexOf('%') < 0) {
      return text == null ? "" : text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c == '%'
          && i + 2 < text.length()
          && Character.digit(text.charAt(i + 1), 16) >= 0
          && Character.digit(text.charAt(i + 2), 16) >= 0) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int codePoint = text.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * The text folded as slugs are, without a length limit or a fallback: possibly empty. What a
   * prefix typed by a user looks like in slugs.
   */
  static String fold(String text) {
    String latin = text == null ? "" : text;
    if (NOT_LATIN.matcher(latin).find()) {
      latin = toLatin(latin);
    }
    String folded =
        Normalizer.normalize(latin, Normalizer.Form.NFKD)
            .replace("œ", "oe")
            .replace("Œ", "oe")
            .replace("æ", "ae")
            .replace("Æ", "ae")
            .replace("ß", "ss")
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    return folded.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
  }

  /** A letter of another script than Latin: Greek, Cyrillic, Arabic, Han… */
  private static final Pattern NOT_LATIN = Pattern.compile("[\\p{L}&&[^\\p{IsLatin}]]");

  /** ICU's transliteration to Latin letters (Αθήνα → Athḗna, Москва → Moskva), made once. */
  private static Transliterator toLatin;

  /**
   * Letters of other scripts written with Latin ones, by ICU's rules ({@code Any-Latin}): a slug in
   * Greek or Cyrillic is read in its own words, never reduced to a number. Synchronised: a
   * transliterator keeps state while it works; slugs are rare.
   */
  private static synchronized String toLatin(String text) {
    if (toLatin == null) {
      toLatin = Transliterator.getInstance("Any-Latin");
    }
    return toLatin.transliterate(text);
  }

  /** The n-th alternative for a slug already taken: {@code slug-2}, {@code slug-3}… */
  static String numbered(String slug, int n) {
    return n < 2 ? slug : slug + "-" + n;
  }
}
