package org.tribune.articles.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
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
 * <p>An HTML body (an import's) shows the library's images with {@code <img src="media:42">}: see
 * {@link #placeHtmlImages}.
 *
 * <p>Markdown is CommonMark (bare URLs become links); raw HTML inside it is shown as text. A link
 * whose title is a language tag — {@code [report](https://example.org/r "en")} — gets {@code
 * hreflang} and, when that language is not the site's, a visible marker "(en)" after it. HTML
 * bodies (imported from other platforms) may carry {@code hreflang} themselves. Both then go
 * through the same allow-list (jsoup): no script, no event handler, no {@code style}, only http,
 * https and mailto links. Links to other sites get {@code rel="noopener"}.
 *
 * <p>In Markdown, a paragraph made only of images of the media library — {@code ![](media:42)}, one
 * per line — becomes one {@code <figure class="media">} each, as the public pages show the
 * library's images: {@code srcset} of its renditions, the library's text alternative (the Markdown
 * one is ignored, so that the library's is the one every article shows), its caption and credit. An
 * item that does not exist, or has no text alternative yet, renders nothing; so does a {@code
 * media:} image among other text (figures only). The body is rendered again when an item changes
 * (see {@link ArticleWriter}).
 */
public class BodyRenderer {
  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$");
  private static final String BASE_URI = "https://tribune.invalid/";
  private static final int WORDS_PER_MINUTE = 230;

  /** A library image's address in Markdown. */
  private static final Pattern MEDIA = Pattern.compile("(?i)media:(\\d{1,18})");

  /** The same, found anywhere in a Markdown source. */
  private static final Pattern MEDIA_REFERENCE = Pattern.compile("(?i)media:(\\d{1,18})(?!\\d)");

  /** An image of the library in an HTML source: {@code src="media:42"}. */
  private static final Pattern HTML_MEDIA_REFERENCE =
      Pattern.compile("(?i)\\bsrc\\s*=\\s*[\"']?\\s*media:(\\d{1,18})(?!\\d)");

  /** The figure's width in the article column (46rem from 48rem of viewport), else the screen's. */
  static final String FIGURE_SIZES = "(min-width: 48rem) 46rem, 100vw";

  private static final Safelist ALLOWED =
      Safelist.relaxed()
          .removeTags("div", "span", "col", "colgroup")
          .addTags("figure", "figcaption", "hr", "span", "abbr", "mark", "s")
          .addAttributes("figure", "class", "data-embed-src", "data-embed-play", "data-embed-title")
          .addAttributes("blockquote", "class")
          .addTags("cite")
          .addAttributes("img", "srcset", "sizes", "loading", "decoding")
          .addAttributes("a", "hreflang", "rel", "title")
          .addAttributes("span", "class", "lang")
          .addAttributes("p", "lang")
          .addAttributes("blockquote", "lang")
          .addAttributes("abbr", "title")
          .addProtocols("a", "href", "#")
          .preserveRelativeLinks(true);

  /** Links typed as text become links; GitHub's pipe tables become tables. */
  private static final List<Extension> EXTENSIONS =
      List.of(AutolinkExtension.create(), TablesExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer markdownRenderer =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .softbreak("\n")
          .nodeRendererFactory(LanguageLinkRenderer::new)
          .nodeRendererFactory(FigureRenderer::new)
          .nodeRendererFactory(EmbedRenderer::new)
          .build();
  private final String siteLanguage;
  private final MediaFigures figures;
  private final Embeds embeds;

  /**
   * A renderer without the media library: {@code media:} images render nothing.
   *
   * @param siteLocale the site's language tag ({@code fr-FR}); links in it get no marker
   */
  public BodyRenderer(String siteLocale) {
    this(siteLocale, MediaFigures.NONE);
  }

  /**
   * @param siteLocale the site's language tag ({@code fr-FR}); links in it get no marker, figure
   *     credits are in it
   * @param figures where {@code ![](media:42)} finds the library's image
   */
  public BodyRenderer(String siteLocale, MediaFigures figures) {
    this(siteLocale, figures, Embeds.NONE);
  }

  /**
   * @param siteLocale the site's language tag ({@code fr-FR})
   * @param figures where {@code ![](media:42)} finds the library's image
   * @param embeds what a paragraph holding only a link to a post or a video becomes
   */
  public BodyRenderer(String siteLocale, MediaFigures figures, Embeds embeds) {
    this.embeds = embeds == null ? Embeds.NONE : embeds;
    String language = Locale.forLanguageTag(siteLocale == null ? "" : siteLocale).getLanguage();
    this.siteLanguage = language.isEmpty() ? "fr" : language;
    this.figures = figures == null ? MediaFigures.NONE : figures;
  }

  public Rendered render(BodyFormat format, String source) {
    String html;
    if (format == BodyFormat.MARKDOWN) {
      Node document = parser.parse(source);
      placeFigures(document);
      placeEmbeds(document);
      html = markdownRenderer.render(document);
    } else {
      html = source;
    }
    Document dirty = Jsoup.parseBodyFragment(html, BASE_URI);
    if (format != BodyFormat.MARKDOWN) {
      placeHtmlImages(dirty);
    }
    Document clean = new Cleaner(ALLOWED).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    for (Element element : clean.select("[href], [src], [cite]")) {
      dropScriptAddresses(element);
    }
    for (Element image : clean.select("img[srcset]")) {
      if (!isSafeSrcset(image.attr("srcset"))) {
        image.removeAttr("srcset");
        image.removeAttr("sizes");
      }
    }
    for (Element link : clean.select("a[href]")) {
      decorate(link);
    }
    keepOnlyKnownEmbedMarkup(clean);
    scrollableTables(clean);
    return new Rendered(clean.body().html(), words(clean.body().text()));
  }

  /**
   * The number of words of a body already rendered, counted as {@link #render} counts them: a
   * restore keeps the exported HTML, so it counts from that rather than render the source again
   * (which would fetch embeds and look up figures).
   */
  public static int wordCount(String html) {
    return html == null ? 0 : words(Jsoup.parseBodyFragment(html, BASE_URI).body().text());
  }

  private static int words(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  /**
   * Replaces each paragraph made only of one link to a known provider's post or video, and each
   * pasted official embed code making a whole paragraph, by its embed.
   */
  private void placeEmbeds(Node document) {
    if (embeds == Embeds.NONE) {
      return;
    }
    List<Node> blocks = new ArrayList<>();
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      blocks.add(node);
    }
    for (Node block : blocks) {
      Optional<String> embed = Optional.empty();
      if (block instanceof HtmlBlock html) {
        embed = embeds.pasted(html.getLiteral());
      } else if (block instanceof Paragraph paragraph) {
        Link only = onlyLink(paragraph);
        if (only != null) {
          embed = embeds.link(only.getDestination());
        } else {
          String pasted = onlyInlineHtml(paragraph);
          if (pasted != null) {
            embed = embeds.pasted(pasted);
          }
        }
      }
      embed.ifPresent(
          html -> {
            block.insertBefore(new EmbedBlock(html));
            block.unlink();
          });
    }
  }

  /** The paragraph's only link, when it holds nothing else (a bare or bracketed address). */
  private static Link onlyLink(Paragraph paragraph) {
    Link link = null;
    for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Link l && link == null) {
        link = l;
      } else if (!isSpace(child)) {
        return null;
      }
    }
    return link;
  }

  /** A paragraph's source when it is made only of raw HTML (an {@code <iframe>} on one line). */
  private static String onlyInlineHtml(Paragraph paragraph) {
    StringBuilder source = new StringBuilder();
    boolean tag = false;
    for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof HtmlInline html) {
        source.append(html.getLiteral());
        tag = true;
      } else if (isSpace(child)) {
        source.append(' ');
      } else {
        return null;
      }
    }
    return tag ? source.toString() : null;
  }

  private static boolean isSpace(Node child) {
    return child instanceof SoftLineBreak
        || child instanceof HardLineBreak
        || (child instanceof Text text && text.getLiteral().isBlank());
  }

  /** The privacy-enhanced players a video box may load, and nothing else. */
  static final Pattern PLAYER =
      Pattern.compile(
          "https://(www\\.youtube-nocookie\\.com/embed/[A-Za-z0-9_-]{11}\\?autoplay=1"
              + "|player\\.vimeo\\.com/video/[0-9]{1,20}\\?dnt=1&autoplay=1"
              + "|geo\\.dailymotion\\.com/player\\.html\\?video=[A-Za-z0-9]{1,20})");

  /**
   * The embed attributes the allow-list lets through, kept only where an embed wrote them: a {@code
   * data-embed-src} must be one of the privacy-enhanced players (an imported HTML body cannot make
   * the page's script frame anything else), and classes only the embeds' own.
   */
  /**
   * Each table goes in a region of its own that scrolls sideways when the table is wider than the
   * screen (a phone), and that a keyboard can reach to scroll it (WCAG 2.1.1): added after the
   * cleaning, from our own markup only.
   */
  private void scrollableTables(Document clean) {
    String label = siteLanguage.equals("fr") ? "Tableau" : "Table";
    for (Element table : clean.select("table")) {
      table.wrap("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\"></div>");
      table.parent().attr("aria-label", label);
    }
  }

  private static void keepOnlyKnownEmbedMarkup(Document clean) {
    for (Element figure : clean.select("figure")) {
      String kind = figure.attr("class");
      if (!kind.equals("media") && !kind.equals("embed-video")) {
        figure.removeAttr("class");
      }
      if (!figure.attr("class").equals("embed-video")
          || !PLAYER.matcher(figure.attr("data-embed-src")).matches()) {
        figure.removeAttr("data-embed-src");
        figure.removeAttr("data-embed-play");
        figure.removeAttr("data-embed-title");
      }
    }
    for (Element quote : clean.select("blockquote[class]")) {
      if (!quote.attr("class").equals("embed-post")) {
        quote.removeAttr("class");
      }
    }
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

  /**
   * Whether every address of a {@code srcset} is site-relative ({@code /media/…}) or http(s): jsoup
   * does not read {@code srcset} as addresses, so its allow-list does not check them.
   */
  static boolean isSafeSrcset(String srcset) {
    for (String candidate : srcset.split(",")) {
      String address = candidate.strip().split("\\s+", 2)[0];
      String lower = address.toLowerCase(Locale.ROOT);
      boolean allowed =
          (lower.startsWith("/") && !lower.startsWith("//"))
              || lower.startsWith("https://")
              || lower.startsWith("http://");
      if (!allowed || isScriptAddress(address)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The ids of the library's images a body refers to ({@code media:42} anywhere in a Markdown
   * source, an image's {@code src="media:42"} in an HTML one, whether it renders or not): what the
   * library counts as the article's uses.
   */
  public static Set<Long> mediaIds(BodyFormat format, String source) {
    if (source == null) {
      return Set.of();
    }
    Set<Long> ids = new LinkedHashSet<>();
    Matcher matcher =
        (format == BodyFormat.MARKDOWN ? MEDIA_REFERENCE : HTML_MEDIA_REFERENCE).matcher(source);
    while (matcher.find()) {
      ids.add(Long.parseLong(matcher.group(1)));
    }
    return ids;
  }

  /**
   * Replaces each paragraph made only of {@code media:} images by their figures, and removes the
   * {@code media:} images found anywhere else.
   */
  private void placeFigures(Node document) {
    List<Image> found = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            if (isMedia(image)) {
              found.add(image);
            } else {
              visitChildren(image);
            }
          }
        });
    Set<Node> done = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Image image : found) {
      Node parent = image.getParent();
      if (done.contains(parent)) {
        continue;
      }
      if (parent instanceof Paragraph paragraph && onlyFigures(paragraph)) {
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
          if (child instanceof Image reference) {
            figure(reference).ifPresent(paragraph::insertBefore);
          }
        }
        paragraph.unlink();
        done.add(paragraph);
      } else {
        image.unlink();
      }
    }
  }

  private static boolean isMedia(Image image) {
    String destination = image.getDestination();
    return destination != null && destination.strip().toLowerCase(Locale.ROOT).startsWith("media:");
  }

  private static boolean onlyFigures(Paragraph paragraph) {
    for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
      boolean space =
          child instanceof SoftLineBreak
              || child instanceof HardLineBreak
              || (child instanceof Text text && text.getLiteral().isBlank());
      if (!space && !(child instanceof Image image && isMedia(image))) {
        return false;
      }
    }
    return true;
  }

  private Optional<FigureBlock> figure(Image reference) {
    Matcher id = MEDIA.matcher(reference.getDestination().strip());
    if (!id.matches()) {
      return Optional.empty();
    }
    return figures
        .figure(Long.parseLong(id.group(1)))
        .map(
            f ->
                new FigureBlock(
                    f, f.credit() == null || f.credit().isBlank() ? "" : credit(f.credit())));
  }

  /**
   * The library's images of an HTML body ({@code <img src="media:42">}, as an import writes them):
   * each becomes the library's image as it is now (renditions, size, text alternative). Alone in a
   * paragraph, it is a figure with the library's caption and credit; in a {@code <figure>}, that
   * figure keeps its own caption, else gets the library's. One that does not exist or has no text
   * alternative is left out, with the paragraph or figure it leaves empty.
   */
  private void placeHtmlImages(Document document) {
    for (Element image : document.select("img[src]")) {
      String src = image.attr("src").strip();
      if (!src.toLowerCase(Locale.ROOT).startsWith("media:")) {
        continue;
      }
      Matcher id = MEDIA.matcher(src);
      Optional<MediaFigures.Figure> found =
          id.matches() ? figures.figure(Long.parseLong(id.group(1))) : Optional.empty();
      Element holder = image.parent();
      // A link around the image (to the old site's file) leads nowhere useful any more.
      if (holder != null && holder.tagName().equals("a") && holder.childrenSize() == 1) {
        holder.unwrap();
        holder = image.parent();
      }
      if (found.isEmpty()) {
        image.remove();
        if (holder != null
            && (holder.tagName().equals("p") || holder.tagName().equals("figure"))
            && holder.select("img").isEmpty()
            && holder.text().isBlank()) {
          holder.remove();
        }
        continue;
      }
      MediaFigures.Figure figure = found.get();
      Element responsive = new Element("img");
      imageAttributes(figure).forEach(responsive::attr);
      image.replaceWith(responsive);
      boolean alone =
          holder != null
              && holder.tagName().equals("p")
              && holder.childrenSize() == 1
              && holder.text().isBlank();
      if (holder != null && holder.tagName().equals("figure")) {
        holder.attr("class", "media");
        if (holder.select("figcaption").isEmpty()) {
          caption(figure).ifPresent(holder::appendChild);
        }
      } else if (alone || holder == null || holder.tagName().equals("body")) {
        Element wrapped = new Element("figure").attr("class", "media");
        (alone ? holder : responsive).replaceWith(wrapped);
        wrapped.appendChild(responsive);
        caption(figure).ifPresent(wrapped::appendChild);
      }
    }
  }

  /**
   * The attributes of a library image's {@code <img>}, in Markdown figures and HTML bodies alike:
   * its renditions, its size (the place it takes before it loads), its text alternative, loaded
   * lazily.
   */
  private static Map<String, String> imageAttributes(MediaFigures.Figure figure) {
    Map<String, String> image = new LinkedHashMap<>();
    image.put("src", figure.src());
    image.put("srcset", figure.srcset());
    image.put("sizes", FIGURE_SIZES);
    image.put("width", Integer.toString(figure.width()));
    image.put("height", Integer.toString(figure.height()));
    image.put("alt", figure.alt());
    image.put("loading", "lazy");
    image.put("decoding", "async");
    return image;
  }

  /** The library's caption and credit of a figure, as the Markdown figures show them. */
  private Optional<Element> caption(MediaFigures.Figure figure) {
    boolean caption = figure.caption() != null && !figure.caption().isBlank();
    boolean credit = figure.credit() != null && !figure.credit().isBlank();
    if (!caption && !credit) {
      return Optional.empty();
    }
    Element figcaption = new Element("figcaption");
    if (caption) {
      figcaption.appendElement("span").attr("class", "caption").text(figure.caption());
    }
    if (credit) {
      if (caption) {
        figcaption.appendText(" ");
      }
      figcaption.appendElement("span").attr("class", "credit").text(credit(figure.credit()));
    }
    return Optional.of(figcaption);
  }

  /** « Crédit : AFP » in the site's language, as the public pages' {@code media.credit}. */
  private String credit(String credit) {
    return siteLanguage.equals("fr") ? "Crédit\u00a0: " + credit : "Credit: " + credit;
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

  /** An embed in the Markdown tree, where its paragraph was; cleaned with the rest. */
  private static final class EmbedBlock extends CustomBlock {
    final String html;

    EmbedBlock(String html) {
      this.html = html;
    }
  }

  private static final class EmbedRenderer implements NodeRenderer {
    private final HtmlWriter html;

    EmbedRenderer(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(EmbedBlock.class);
    }

    @Override
    public void render(Node node) {
      html.line();
      html.raw(((EmbedBlock) node).html);
      html.line();
    }
  }

  /** A library image in the Markdown tree, where its paragraph was. */
  private static final class FigureBlock extends CustomBlock {
    final MediaFigures.Figure figure;
    final String credit;

    FigureBlock(MediaFigures.Figure figure, String credit) {
      this.figure = figure;
      this.credit = credit;
    }
  }

  /** Writes a library image as the public pages' {@code figure.xhtml} does. */
  private static final class FigureRenderer implements NodeRenderer {
    private final HtmlWriter html;

    FigureRenderer(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(FigureBlock.class);
    }

    @Override
    public void render(Node node) {
      FigureBlock block = (FigureBlock) node;
      MediaFigures.Figure figure = block.figure;
      Map<String, String> image = imageAttributes(figure);
      boolean caption = figure.caption() != null && !figure.caption().isBlank();
      boolean credit = !block.credit.isEmpty();
      html.line();
      html.tag("figure", Map.of("class", "media"));
      html.tag("img", image, true);
      if (caption || credit) {
        html.tag("figcaption");
        if (caption) {
          html.tag("span", Map.of("class", "caption"));
          html.text(figure.caption());
          html.tag("/span");
        }
        if (credit) {
          if (caption) {
            html.text(" ");
          }
          html.tag("span", Map.of("class", "credit"));
          html.text(block.credit);
          html.tag("/span");
        }
        html.tag("/figcaption");
      }
      html.tag("/figure");
      html.line();
    }
  }

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
