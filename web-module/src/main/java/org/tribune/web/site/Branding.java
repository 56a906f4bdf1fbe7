package org.tribune.web.site;

import java.io.Serializable;
import java.util.Map;

/**
 * How the site presents itself, set in the console's <em>Apparence</em> page ({@code
 * console_setting}): its tagline, the footer's text, whether the footer says "Publié avec Tribune",
 * the accent colour of links and buttons, and the logo (an image of the media library).
 *
 * @param tagline the tagline; {@code null} when not set (the language bundle's then), empty when
 *     the site shows none
 * @param footer the footer's text, plain (escaped when shown); empty for none
 * @param poweredBy whether the footer says the site is published with Tribune
 * @param accent the accent colour, {@code #rrggbb}
 * @param logoId the media library's item shown as the logo, or {@code null}
 */
public record Branding(String tagline, String footer, boolean poweredBy, String accent, Long logoId)
    implements Serializable {
  /** Names of the values in {@code console_setting}. */
  public static final String TAGLINE = "site.tagline";

  public static final String FOOTER = "site.footer";
  public static final String POWERED_BY = "site.powered-by";
  public static final String ACCENT = "site.accent";
  public static final String LOGO = "site.logo";

  /** The accent colour of {@code site.css}: 8.1:1 on the page's background. */
  public static final String DEFAULT_ACCENT = "#9b1c1c";

  /** The pages' background ({@code --paper} in {@code site.css}). */
  public static final String PAPER = "#fffdf9";

  public static final int TAGLINE_LENGTH = 150;
  public static final int FOOTER_LENGTH = 500;

  /**
   * The branding saved in the console, read leniently: a value that is not valid (edited in the
   * database by hand) counts as not set.
   */
  static Branding of(Map<String, String> values) {
    String accent = Colours.parse(values.get(ACCENT)).filter(Branding::readable).orElse(null);
    Long logo = null;
    String logoValue = values.get(LOGO);
    if (logoValue != null && logoValue.matches("\\d{1,18}")) {
      logo = Long.valueOf(logoValue);
    }
    String tagline = values.get(TAGLINE);
    return new Branding(
        tagline == null ? null : tagline.strip(),
        values.getOrDefault(FOOTER, "").strip(),
        !"false".equals(values.get(POWERED_BY)),
        accent == null ? DEFAULT_ACCENT : accent,
        logo);
  }

  /**
   * Whether an accent colour passes WCAG AA both as text on the page ({@code --paper}) and as the
   * background of buttons with white text.
   */
  public static boolean readable(String accent) {
    return Colours.contrast(accent, PAPER) >= Colours.AA_TEXT
        && Colours.contrast(accent, "#ffffff") >= Colours.AA_TEXT;
  }

  /**
   * Whether the accent differs from the stylesheet's own (a stylesheet of the site's is needed).
   */
  public boolean ownAccent() {
    return !DEFAULT_ACCENT.equals(accent);
  }
}
