package org.tribune.web.transfer;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Texts and HTML as WordPress exports them. Titles, names and excerpts are often HTML (entities
 * such as {@code &#8217;}, sometimes markup): here they become plain text, decoded once. Bodies
 * lose the block editor's comments and get the paragraphs WordPress adds only when it displays a
 * classic post; sanitising is the articles module's, with the site's allow-list.
 */
final class Markup {
  private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:[\\s\\S]*?-->");

  private Markup() {}

  /**
   * Plain text of a title, name or excerpt: markup dropped, entities decoded (once), white space
   * collapsed. {@code "&lt;b&gt;"} stays the text {@code "<b>"}; a lone {@code "<>"} stays too.
   */
  static String text(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    if (html.indexOf('<') < 0) {
      return Parser.unescapeEntities(html, false).replaceAll("\\s+", " ").strip();
    }
    return Jsoup.parseBodyFragment(html).text().strip();
  }

  /**
   * An article body as WordPress displays it: a block-editor post loses its block comments (its
   * HTML already has its paragraphs); a classic post gets the paragraphs and line breaks WordPress
   * adds at display time ({@link Wpautop}), block tags or not.
   */
  static String body(String content) {
    return body(content, name -> {});
  }

  /**
   * The same, with WordPress's {@code [caption]} and {@code [embed]} shortcodes converted ({@link
   * Shortcodes}); the name of each other shortcode left in the text goes to {@code
   * unknownShortcode}, for the import report.
   */
  static String body(String content, java.util.function.Consumer<String> unknownShortcode) {
    return body(content, unknownShortcode, attributes -> java.util.Optional.empty());
  }

  /** The same, each {@code [gallery]} made by {@code gallery} ({@link Shortcodes#convert}). */
  static String body(
      String content,
      java.util.function.Consumer<String> unknownShortcode,
      java.util.function.Function<java.util.Map<String, String>, java.util.Optional<String>>
          gallery) {
    if (content == null) {
      return "";
    }
    String unix = content.replace("\r\n", "\n").replace('\r', '\n');
    unix = Shortcodes.convert(unix, unknownShortcode, gallery);
    if (BLOCK_COMMENT.matcher(unix).find()) {
      return BLOCK_COMMENT.matcher(unix).replaceAll("").strip();
    }
    return Wpautop.paragraphs(unix).strip();
  }

  /** Whether an HTML comment body has any text a reader would see. */
  static boolean hasText(String html) {
    if (html == null || html.isBlank()) {
      return false;
    }
    Document document = Jsoup.parseBodyFragment(html);
    document.select("script, style, iframe, object, embed, template, noscript").remove();
    return !document.text().isBlank();
  }

  /** The first {@code length} characters, not cutting a surrogate pair. */
  static String cut(String text, int length) {
    return ImportLinks.cut(text, length);
  }

  /** Cut to a number of code points (how comment lengths are counted). */
  static String cutCodePoints(String text, int codePoints) {
    if (text == null || text.codePointCount(0, text.length()) <= codePoints) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, codePoints));
  }

  /** A comment author's e-mail address as imported, or null when it cannot be one. */
  static String email(String raw) {
    String email = raw == null ? null : raw.strip();
    return email == null
            || email.isEmpty()
            || email.length() > org.tribune.comments.api.CommentLimits.EMAIL_LENGTH
            || !email.contains("@")
        ? null
        : email;
  }

  /** A comment author's website as imported: an http(s) address, or null. */
  static String website(String raw) {
    String url = raw == null ? null : raw.strip();
    return url == null
            || url.length() > org.tribune.comments.api.CommentLimits.WEBSITE_LENGTH
            || !url.toLowerCase(java.util.Locale.ROOT).matches("https?://\\S+")
        ? null
        : url;
  }

  /** A comment author's name as imported: plain text, cut to fit; blank for anonymous. */
  static String authorName(String raw) {
    return cut(text(raw), org.tribune.comments.api.CommentLimits.AUTHOR_NAME_LENGTH);
  }

  /** An IP address as imported, or null. */
  static String address(String raw) {
    return raw == null || raw.isBlank() ? null : raw.strip();
  }
}
