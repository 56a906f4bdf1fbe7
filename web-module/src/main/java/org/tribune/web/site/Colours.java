package org.tribune.web.site;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Colours as the console takes them ({@code #9b1c1c}, {@code #9B1C1C}, {@code #a11}) and their
 * contrast as WCAG 2 defines it (relative luminance of sRGB, ratio from 1 to 21).
 */
public final class Colours {
  /** WCAG 2 level AA for text of ordinary size. */
  public static final double AA_TEXT = 4.5;

  private static final Pattern HEX = Pattern.compile("#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

  private Colours() {}

  /** The colour as {@code #rrggbb} in lower case, or empty when the text is not one. */
  public static Optional<String> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    if (!HEX.matcher(value).matches()) {
      return Optional.empty();
    }
    String digits = value.startsWith("#") ? value.substring(1) : value;
    if (digits.length() == 3) {
      StringBuilder six = new StringBuilder(6);
      for (char c : digits.toCharArray()) {
        six.append(c).append(c);
      }
      digits = six.toString();
    }
    return Optional.of("#" + digits.toLowerCase(Locale.ROOT));
  }

  /** The contrast ratio of two colours given as {@code #rrggbb}: 1 (none) to 21. */
  public static double contrast(String first, String second) {
    double a = luminance(first);
    double b = luminance(second);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /** Relative luminance of a {@code #rrggbb} colour (WCAG 2.x). */
  static double luminance(String colour) {
    int rgb = Integer.parseInt(colour.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
