package org.tribune.comments.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.nibor.autolink.Span;

/**
 * Renders a comment body, typed as plain text, to HTML that is safe to print as is. It is called
 * when a comment is written or edited and the result is stored: pages never render comments.
 *
 * <ul>
 *   <li>blank lines separate paragraphs ({@code <p>}); a single newline is a {@code <br>};
 *   <li>consecutive lines starting with {@code "> "} (or a lone {@code ">"}) are a quotation,
 *       {@code <blockquote>} holding paragraphs; quotations may nest a few levels;
 *   <li>{@code http://}, {@code https://} and {@code www.} addresses become links with {@code
 *       rel="nofollow ugc noopener"} (found by the autolink library, so that trailing punctuation
 *       and brackets stay outside);
 *   <li>{@code **bold**} and {@code *italic*} within a line become {@code <strong>} and {@code
 *       <em>}: the stars must hug the words they mark and stand outside words ({@code 2*3*4} and
 *       {@code * note} stay as typed), and italic may sit inside bold;
 *   <li>everything else is text: every {@code & < > " '} is escaped, so no markup, entity or script
 *       address typed by a reader is ever interpreted.
 * </ul>
 *
 * The output holds no element or attribute but {@code p}, {@code br}, {@code blockquote}, {@code
 * strong}, {@code em} and {@code a href rel}, and no {@code href} but {@code http(s)} ones.
 * Stateless and thread-safe.
 */
final class CommentRenderer {
  static final String LINK_REL = "nofollow ugc noopener";
  private static final int MAX_QUOTE_DEPTH = 4;

  /**
   * A run of one or two stars, the text it marks (not starting or ending with a space), the same
   * stars again; neither run touches a letter, a digit or another star outside.
   */
  private static final Pattern EMPHASIS =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}*])(\\*\\*?)(?=[^\\s*])(.+?)(?<=[^\\s*])\\1(?![\\p{L}\\p{N}*])");

  private static final LinkExtractor LINKS =
      LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();

  private CommentRenderer() {}

  /** The safe HTML of a body (already cleaned by {@link CommentInput}). */
  static String render(String body) {
    StringBuilder html = new StringBuilder(body.length() + 32);
    List<String> lines = List.of(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    blocks(lines, 0, html);
    return html.toString();
  }

  /** Paragraphs and quotations of some lines, quotations nested up to a few levels. */
  private static void blocks(List<String> lines, int quoteDepth, StringBuilder html) {
    List<String> paragraph = new ArrayList<>();
    List<String> quote = new ArrayList<>();
    for (String line : lines) {
      if (quoteDepth < MAX_QUOTE_DEPTH && isQuoted(line)) {
        paragraph(paragraph, html);
        quote.add(line.length() > 1 ? line.substring(2) : "");
        continue;
      }
      quote(quote, quoteDepth, html);
      if (line.isBlank()) {
        paragraph(paragraph, html);
      } else {
        paragraph.add(line);
      }
    }
    paragraph(paragraph, html);
    quote(quote, quoteDepth, html);
  }

  private static boolean isQuoted(String line) {
    return line.equals(">") || line.startsWith("> ");
  }

  private static void quote(List<String> quote, int quoteDepth, StringBuilder html) {
    if (quote.isEmpty()) {
      return;
    }
    if (quote.stream().anyMatch(line -> !line.isBlank())) {
      html.append("<blockquote>");
      blocks(quote, quoteDepth + 1, html);
      html.append("</blockquote>");
    }
    quote.clear();
  }

  private static void paragraph(List<String> paragraph, StringBuilder html) {
    if (paragraph.isEmpty()) {
      return;
    }
    html.append("<p>");
    for (int i = 0; i < paragraph.size(); i++) {
      if (i > 0) {
        html.append("<br>");
      }
      inline(paragraph.get(i), html);
    }
    html.append("</p>");
    paragraph.clear();
  }

  /** A line's text, escaped, with its web addresses as links. */
  private static void inline(String text, StringBuilder html) {
    for (Span span : LINKS.extractSpans(text)) {
      String part = text.substring(span.getBeginIndex(), span.getEndIndex());
      String href = span instanceof LinkSpan link ? href(link, part) : null;
      if (href == null) {
        emphasis(part, html, true);
      } else {
        html.append("<a href=\"");
        escape(href, html);
        html.append("\" rel=\"" + LINK_REL + "\">");
        escape(part, html);
        html.append("</a>");
      }
    }
  }

  /** Text with its bold and italic runs, escaped; italic may sit inside bold, not the reverse. */
  private static void emphasis(String text, StringBuilder html, boolean strongAllowed) {
    Matcher run = EMPHASIS.matcher(text);
    int done = 0;
    while (run.find()) {
      boolean strong = run.group(1).length() == 2;
      if (strong && !strongAllowed) {
        continue;
      }
      escape(text.substring(done, run.start()), html);
      html.append(strong ? "<strong>" : "<em>");
      if (strong) {
        emphasis(run.group(2), html, false);
      } else {
        escape(run.group(2), html);
      }
      html.append(strong ? "</strong>" : "</em>");
      done = run.end();
    }
    escape(text.substring(done), html);
  }

  /** The address of a link, or {@code null} for one that must stay text (any other scheme). */
  private static String href(LinkSpan link, String text) {
    if (link.getType() == LinkType.WWW) {
      return "http://" + text;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? text : null;
  }

  /** Escapes text for an element's content or a double- or single-quoted attribute. */
  static void escape(String text, StringBuilder html) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
    }
  }

  /** The number of links a body would get. */
  static int countLinks(String body) {
    int count = 0;
    for (LinkSpan link : LINKS.extractLinks(body)) {
      String text = body.substring(link.getBeginIndex(), link.getEndIndex());
      if (href(link, text) != null) {
        count++;
      }
    }
    return count;
  }
}
