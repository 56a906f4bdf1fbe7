package org.tribune.articles.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.tribune.articles.api.BodyFormat;

/**
 * Renders an article body to HTML that is safe to print as is.
 *
 * <p>Markdown is CommonMark (bare URLs become links); raw HTML inside it is shown as text. A link
 * whose title is a language tag — {@code [report](https://example.org/r "en")} — gets {@code
 * hreflang} and, when that language is not the site's, a visible marker "(en)" after it. HTML
 * bodies (imported from other platforms) may carry {@code hreflang} themselves. Both then go
 * through the same allow-list (jsoup): no script, no event handler, no {@code style}, only http,
 * https and mailto links. Links to other sites get {@code rel="noopener"}.
 */
public class BodyRenderer {
  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$");
  private static final String BASE_URI = "https://tribune.invalid/";
  private static final int WORDS_PER_MINUTE = 230;

  private static final Safelist ALLOWED =
      Safelist.relaxed()
          .removeTags("div", "span", "col", "colgroup")
          .addTags("figure", "figcaption", "hr", "span", "abbr", "mark", "s")
          .addAttributes("a", "hreflang", "rel", "title")
          .addAttributes("span", "class", "lang")
          .addAttributes("p", "lang")
          .addAttributes("blockquote", "lang")
          .addAttributes("abbr", "title")
          .addProtocols("a", "href", "#")
          .preserveRelativeLinks(true);

  private final Parser parser =
      Parser.builder().extensions(List.of(AutolinkExtension.create())).build();
  private final HtmlRenderer markdownRenderer =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .softbreak("\n")
          .nodeRendererFactory(LanguageLinkRenderer::new)
          .build();
  private final String siteLanguage;

  /**
   * @param siteLocale the site's language tag ({@code fr-FR}); links in it get no marker
   */
  public BodyRenderer(String siteLocale) {
    String language = Locale.forLanguageTag(siteLocale == null ? "" : siteLocale).getLanguage();
    this.siteLanguage = language.isEmpty() ? "fr" : language;
  }

  public Rendered render(BodyFormat format, String source) {
    String html =
        format == BodyFormat.MARKDOWN ? markdownRenderer.render(parser.parse(source)) : source;
    Document dirty = Jsoup.parseBodyFragment(html, BASE_URI);
    Document clean = new Cleaner(ALLOWED).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    for (Element element : clean.select("[href], [src], [cite]")) {
      dropScriptAddresses(element);
    }
    for (Element link : clean.select("a[href]")) {
      decorate(link);
    }
    String text = clean.body().text();
    int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
    return new Rendered(clean.body().html(), words);
  }

  /**
   * Removes an address that is a script's once every invisible character is taken out. The
   * allow-list keeps relative addresses as written, and {@code "\u00a0javascript:…"} passes for a
   * relative one: browsers do not run it (they strip only ASCII spaces and controls), but a reader
   * of the HTML — another program, a feed reader — might.
   */
  private static void dropScriptAddresses(Element element) {
    for (String name : List.of("href", "src", "cite")) {
      if (element.hasAttr(name) && isScriptAddress(element.attr(name))) {
        element.removeAttr(name);
      }
    }
  }

  static boolean isScriptAddress(String address) {
    StringBuilder visible = new StringBuilder(address.length());
    address
        .codePoints()
        .filter(
            c ->
                !Character.isWhitespace(c)
                    && !Character.isSpaceChar(c)
                    && !Character.isISOControl(c)
                    && Character.getType(c) != Character.FORMAT)
        .forEach(visible::appendCodePoint);
    String start = visible.toString().toLowerCase(Locale.ROOT);
    return start.startsWith("javascript:")
        || start.startsWith("vbscript:")
        || start.startsWith("data:");
  }

  private void decorate(Element link) {
    String href = link.attr("href");
    if (href.startsWith("http://") || href.startsWith("https://")) {
      link.attr("rel", "noopener");
    } else {
      link.removeAttr("rel");
    }
    String lang = link.attr("hreflang").strip();
    if (lang.isEmpty()) {
      return;
    }
    if (!LANGUAGE_TAG.matcher(lang).matches()) {
      link.removeAttr("hreflang");
      return;
    }
    String primary = lang.toLowerCase(Locale.ROOT).split("-")[0];
    if (!primary.equals(siteLanguage)) {
      link.after(" <span class=\"lang-marker\">(" + primary + ")</span>");
    }
  }

  /** Minutes to read a body of so many words, at least one. */
  public static int readingMinutes(int words) {
    return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
  }

  /** The safe HTML and its number of words. */
  public record Rendered(String html, int wordCount) {}

  /** Renders Markdown links, turning a language-tag title into {@code hreflang}. */
  private static final class LanguageLinkRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    LanguageLinkRenderer(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Link.class);
    }

    @Override
    public void render(Node node) {
      Link link = (Link) node;
      String destination = link.getDestination();
      if (context.shouldSanitizeUrls()) {
        destination = context.urlSanitizer().sanitizeLinkUrl(destination);
      }
      Map<String, String> attributes = new java.util.LinkedHashMap<>();
      attributes.put("href", context.encodeUrl(destination));
      String title = link.getTitle();
      if (title != null && LANGUAGE_TAG.matcher(title.strip()).matches()) {
        attributes.put("hreflang", title.strip());
      } else if (title != null) {
        attributes.put("title", title);
      }
      html.tag("a", context.extendAttributes(link, "a", attributes));
      for (Node child = link.getFirstChild(); child != null; ) {
        Node next = child.getNext();
        context.render(child);
        child = next;
      }
      html.tag("/a");
    }
  }
}
