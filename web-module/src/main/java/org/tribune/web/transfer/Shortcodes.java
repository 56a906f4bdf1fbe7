package org.tribune.web.transfer;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * WordPress's shortcodes in an imported classic post. {@code [caption]} becomes the figure
 * WordPress shows (the image, its link, and the caption under it); {@code [gallery]} the library's
 * images it names, when the caller found them; {@code [embed]URL[/embed]} a link to the URL alone
 * in its paragraph. Any other shortcode is kept as text, as the old site's readers would have seen
 * it had its plugin gone, and named to the caller so that the import report lists it with its post:
 * never dropped without a word. A bracketed word alone ({@code [sic]}, {@code [1]}) is not a
 * shortcode: only a name with attributes, with a closing {@code [/name]}, or with a hyphen or an
 * underscore in it counts.
 */
final class Shortcodes {
  private static final Pattern CAPTION =
      Pattern.compile(
          "\\[(?:wp_)?caption(\\s[^\\]]*)?\\]([\\s\\S]*?)\\[/(?:wp_)?caption\\]",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern GALLERY =
      Pattern.compile("\\[gallery(\\s[^\\]]*)?/?\\]", Pattern.CASE_INSENSITIVE);
  private static final Pattern EMBED =
      Pattern.compile("\\[embed(?:\\s[^\\]]*)?\\]\\s*(https?://[^\\s\\[\\]<>\"]+)\\s*\\[/embed\\]");

  /** The image (linked or not) a caption's content starts with; the rest is the caption. */
  private static final Pattern CAPTIONED =
      Pattern.compile("^\\s*((?:<a\\s[^>]*>\\s*)?<img\\s[^>]*>(?:\\s*</a>)?)([\\s\\S]*)$");

  private static final Pattern ATTRIBUTE =
      Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
  private static final Pattern ALIGN = Pattern.compile("^align(left|right|center|none)$");

  /** What looks like a shortcode: an opening or closing tag with a name WordPress accepts. */
  private static final Pattern SHORTCODE =
      Pattern.compile("\\[(/)?([A-Za-z][\\w-]*)((?:\\s+[^\\]]*)?)/?\\]");

  private Shortcodes() {}

  /**
   * The content with its captions and embeds converted; each other shortcode's name goes to {@code
   * unknown} once.
   */
  static String convert(String content, Consumer<String> unknown) {
    return convert(content, unknown, attributes -> Optional.empty());
  }

  /**
   * The same, and each {@code [gallery]} replaced by what {@code gallery} makes of its attributes
   * (the images of the library); one it makes nothing of stays, reported.
   */
  static String convert(
      String content,
      Consumer<String> unknown,
      Function<Map<String, String>, Optional<String>> gallery) {
    if (content.indexOf('[') < 0) {
      return content;
    }
    String text = replace(CAPTION, content, Shortcodes::caption);
    text =
        replace(
            GALLERY,
            text,
            m -> gallery.apply(attributes(m.group(1) == null ? "" : m.group(1))).orElse(m.group()));
    text =
        replace(EMBED, text, m -> "\n\n<a href=\"" + m.group(1) + "\">" + m.group(1) + "</a>\n\n");
    Set<String> names = new LinkedHashSet<>();
    Matcher code = SHORTCODE.matcher(text);
    while (code.find()) {
      String name = code.group(2);
      boolean closing = code.group(1) != null;
      boolean attributes = code.group(3).contains("=");
      boolean named = name.indexOf('-') >= 0 || name.indexOf('_') >= 0;
      if (closing || attributes || named || text.contains("[/" + name + "]")) {
        names.add(name.toLowerCase(java.util.Locale.ROOT));
      }
    }
    names.forEach(unknown);
    return text;
  }

  /** A figure of the caption's image, its caption under it, aligned as it was. */
  private static String caption(Matcher caption) {
    String attributes = caption.group(1) == null ? "" : caption.group(1);
    Matcher parts = CAPTIONED.matcher(caption.group(2));
    if (!parts.matches()) {
      return caption.group(2);
    }
    String text = parts.group(2).strip();
    String fromAttribute = attribute(attributes, "caption");
    if (text.isEmpty() && fromAttribute != null) {
      text = fromAttribute;
    }
    String align = attribute(attributes, "align");
    String classes = "wp-caption";
    if (align != null && ALIGN.matcher(align).matches()) {
      classes += " " + align;
    }
    return "\n\n<figure class=\""
        + classes
        + "\">"
        + parts.group(1).strip()
        + (text.isEmpty() ? "" : "<figcaption>" + text + "</figcaption>")
        + "</figure>\n\n";
  }

  /** A shortcode's attributes by lower-case name, entities decoded. */
  static Map<String, String> attributes(String attributes) {
    Map<String, String> all = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(attributes);
    while (m.find()) {
      String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
      all.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), Parser.unescapeEntities(value, true));
    }
    return all;
  }

  private static String attribute(String attributes, String name) {
    Matcher m = ATTRIBUTE.matcher(attributes);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase(name)) {
        String value =
            m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        return Parser.unescapeEntities(value, true);
      }
    }
    return null;
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
