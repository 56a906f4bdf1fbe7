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
  private static final Pattern BLOCK_TAG =
      Pattern.compile(
          "<(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|section|article|aside|"
              + "header|footer|dl|address|form|fieldset|details)[\\s>/]",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

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

  /** An article body: block-editor comments removed, bare-newline paragraphs made HTML. */
  static String body(String content) {
    if (content == null) {
      return "";
    }
    String html = BLOCK_COMMENT.matcher(content).replaceAll("");
    String unix = html.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (BLOCK_TAG.matcher(unix).find() || unix.isEmpty()) {
      return unix;
    }
    // A classic post: WordPress's wpautop makes paragraphs of blank-line-separated text and a
    // <br> of a single newline, when it displays it.
    StringBuilder out = new StringBuilder(unix.length() + 64);
    for (String paragraph : BLANK_LINES.split(unix)) {
      String p = paragraph.strip();
      if (!p.isEmpty()) {
        out.append("<p>").append(p.replace("\n", "<br>\n")).append("</p>\n");
      }
    }
    return out.toString().strip();
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
