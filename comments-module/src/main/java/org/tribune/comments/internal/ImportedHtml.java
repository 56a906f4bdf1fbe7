package org.tribune.comments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Brings the HTML of a comment from another platform (WordPress, Disqus) down to the plain text a
 * reader would have typed in Tribune's comment box, which {@link CommentRenderer} then renders like
 * any other: so nothing of the source's markup reaches a page, only what the renderer makes.
 *
 * <ul>
 *   <li>Newlines in the text count as WordPress counts them (it stores comments as typed and adds
 *       paragraphs only when showing them): a blank line separates paragraphs, a single newline is
 *       a line break. Other runs of spaces are one space, as a browser shows them.
 *   <li>{@code <p>}, {@code <div>} and the other blocks are paragraphs (separated by a blank line);
 *       {@code <br>} is a newline; list items are lines starting with {@code "- "} or their number.
 *   <li>{@code <blockquote>} becomes lines starting with {@code "> "}, nested ones {@code "> > "}.
 *   <li>{@code <a href="X">label</a>} becomes {@code label (X)}, or {@code X} alone when the label
 *       is the address (or a shortened one); only {@code http(s)} addresses are kept, other links
 *       leave their label.
 *   <li>What a reader would not see is dropped with its content ({@code script}, {@code style},
 *       {@code iframe}, {@code object}, forms…); every other element is dropped but its text kept.
 *   <li>Entities are decoded once, by the parser: {@code &amp;lt;} is the text {@code &lt;}.
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class ImportedHtml {

  /** Elements whose content no reader saw: dropped whole. */
  private static final Set<String> INVISIBLE =
      Set.of(
          "script",
          "style",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "noscript",
          "noembed",
          "noframes",
          "template",
          "head",
          "title",
          "meta",
          "link",
          "base",
          "svg",
          "math",
          "canvas",
          "audio",
          "video",
          "map",
          "form",
          "input",
          "button",
          "select",
          "textarea",
          "option",
          "datalist",
          "img",
          "picture",
          "source",
          "track",
          "param",
          "area",
          "xmp",
          "plaintext");

  /** Elements that stand apart from the text around them: a paragraph of their own. */
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "section",
          "article",
          "aside",
          "header",
          "footer",
          "main",
          "nav",
          "figure",
          "figcaption",
          "address",
          "center",
          "hr",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "caption",
          "dl",
          "details",
          "summary",
          "fieldset",
          "body");

  /** Elements that end a line: the rows of a table, the terms of a definition list. */
  private static final Set<String> LINES = Set.of("tr", "dt", "dd");

  private ImportedHtml() {}

  /**
   * The text of a comment's HTML: paragraphs separated by a blank line, no blank line at either
   * end; empty when nothing a reader would see is left.
   */
  static String toText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Text text = new Text(false);
    text.children(Jsoup.parseBodyFragment(html).body());
    return text.finish();
  }

  /** The text being written: finished paragraphs, the current one's lines, the current line. */
  private static final class Text {
    private final boolean preformatted;
    private final List<String> blocks = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private boolean space;

    Text(boolean preformatted) {
      this.preformatted = preformatted;
    }

    void children(Node parent) {
      for (Node child : parent.childNodes()) {
        node(child);
      }
    }

    private void node(Node node) {
      if (node instanceof TextNode text) {
        text(text.getWholeText());
      } else if (node instanceof Element element) {
        element(element);
      }
      // Comments, data of scripts and styles, document types: nothing a reader saw.
    }

    private void element(Element element) {
      String name = element.normalName();
      if (INVISIBLE.contains(name)) {
        return;
      }
      switch (name) {
        case "br" -> lineBreak();
        case "a" -> link(element);
        case "blockquote" -> quote(element);
        case "pre" -> preformatted(element);
        case "ul", "ol", "menu" -> list(element, name.equals("ol"));
        case "li" -> item(element, "- ");
        case "td", "th" -> {
          children(element);
          space = true;
        }
        default -> {
          if (BLOCKS.contains(name)) {
            paragraphBreak();
            children(element);
            paragraphBreak();
          } else if (LINES.contains(name)) {
            endLine();
            children(element);
            endLine();
          } else {
            children(element);
          }
        }
      }
    }

    /** Text as WordPress keeps it: two newlines (spaces between) a paragraph, one a line break. */
    void text(String text) {
      String value = text.replace("\r\n", "\n").replace('\r', '\n');
      int i = 0;
      while (i < value.length()) {
        char c = value.charAt(i);
        if (c == '\n') {
          int newlines = 0;
          int j = i;
          while (j < value.length() && isBlank(value.charAt(j))) {
            if (value.charAt(j) == '\n') {
              newlines++;
            }
            j++;
          }
          if (newlines >= 2) {
            paragraphBreak();
          } else if (!line.isEmpty()) {
            // On an empty line, a newline follows a <br> or a block: WordPress ignores it too.
            lineBreak();
          }
          i = j;
        } else if (!preformatted && (c == ' ' || c == '\t' || c == '\f' || isSpace(c))) {
          space = true;
          i++;
        } else {
          word(c);
          i++;
        }
      }
    }

    private void word(char c) {
      if (space && !line.isEmpty()) {
        line.append(' ');
      }
      space = false;
      line.append(c);
    }

    /** Inline text that must stay on the line (a link's label and address). */
    private void inline(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          space = true;
        } else {
          word(c);
        }
      }
    }

    private void link(Element link) {
      Text inner = new Text(false);
      inner.children(link);
      String label = String.join(" ", inner.finish().split("\\s+")).strip();
      String href = address(link.attr("href"));
      if (href == null) {
        inline(label);
      } else if (label.isEmpty() || sameAddress(label, href)) {
        inline(href);
      } else {
        inline(label + " (" + href + ")");
      }
    }

    private void quote(Element quote) {
      Text inner = new Text(false);
      inner.children(quote);
      String quoted = inner.finish();
      if (quoted.isEmpty()) {
        return;
      }
      paragraphBreak();
      StringBuilder block = new StringBuilder();
      for (String quotedLine : quoted.split("\n", -1)) {
        if (!block.isEmpty()) {
          block.append('\n');
        }
        block.append(quotedLine.isEmpty() ? ">" : "> " + quotedLine);
      }
      blocks.add(block.toString());
    }

    private void preformatted(Element pre) {
      paragraphBreak();
      Text inner = new Text(true);
      inner.children(pre);
      String text = inner.finish();
      if (!text.isEmpty()) {
        blocks.add(text);
      }
    }

    private void list(Element list, boolean numbered) {
      paragraphBreak();
      int number = 0;
      for (Node child : list.childNodes()) {
        if (child instanceof Element item && item.normalName().equals("li")) {
          number++;
          item(item, numbered ? number + ". " : "- ");
        } else {
          node(child);
        }
      }
      paragraphBreak();
    }

    private void item(Element item, String marker) {
      endLine();
      line.append(marker);
      space = false;
      children(item);
      if (line.toString().equals(marker)) {
        line.setLength(0);
      }
      endLine();
    }

    /** Ends the current line if it has anything. */
    private void endLine() {
      if (!line.isEmpty()) {
        lineBreak();
      }
    }

    void lineBreak() {
      lines.add(stripLine(line.toString()));
      line.setLength(0);
      space = false;
    }

    void paragraphBreak() {
      if (!line.isEmpty()) {
        lineBreak();
      }
      line.setLength(0);
      space = false;
      // Blank lines inside (<br><br>) separate paragraphs too; none at either end.
      StringBuilder paragraph = new StringBuilder();
      int blank = 0;
      for (String each : lines) {
        if (isBlankLine(each)) {
          blank++;
          continue;
        }
        if (!paragraph.isEmpty()) {
          paragraph.append(blank > 0 ? "\n\n" : "\n");
        }
        paragraph.append(each);
        blank = 0;
      }
      lines.clear();
      if (!paragraph.isEmpty()) {
        blocks.add(paragraph.toString());
      }
    }

    String finish() {
      paragraphBreak();
      return String.join("\n\n", blocks);
    }
  }

  /** The address of a link if it is an absolute {@code http(s)} one, else {@code null}. */
  static String address(String href) {
    String value = href == null ? "" : href.strip();
    String lower = value.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://"))
        || value.length() <= lower.indexOf("//") + 2) {
      return null;
    }
    StringBuilder address = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)) {
        address.append("%20");
      } else if (!Character.isISOControl(c)) {
        address.append(c);
      }
    }
    return address.toString();
  }

  /**
   * Whether a link's label is its address: the same but for the scheme, {@code www.} or a last
   * slash, or cut short with an ellipsis as WordPress and Disqus shorten long ones.
   */
  static boolean sameAddress(String label, String href) {
    String shown = bare(label);
    String target = bare(href);
    if (shown.equals(target)) {
      return true;
    }
    for (String ellipsis : new String[] {"…", "..."}) {
      if (shown.endsWith(ellipsis)) {
        String start = shown.substring(0, shown.length() - ellipsis.length());
        return !start.isEmpty() && target.startsWith(start);
      }
    }
    return false;
  }

  private static String bare(String address) {
    String value = address.strip().toLowerCase(Locale.ROOT);
    for (String prefix : new String[] {"https://", "http://", "www."}) {
      if (value.startsWith(prefix)) {
        value = value.substring(prefix.length());
      }
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private static boolean isBlank(char c) {
    return c == '\n' || c == ' ' || c == '\t' || c == '\f';
  }

  /** Spaces a browser collapses (not the no-break spaces, which French typography needs). */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c);
  }

  private static boolean isBlankLine(String line) {
    return stripLine(line).isEmpty();
  }

  /** A line without spaces, no-break ones included, at either end. */
  private static String stripLine(String line) {
    int start = 0;
    int end = line.length();
    while (start < end && isEdgeSpace(line.charAt(start))) {
      start++;
    }
    while (end > start && isEdgeSpace(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(start, end);
  }

  private static boolean isEdgeSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
