package org.tribune.articles.internal.embed;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tribune.articles.internal.Embeds;

/**
 * The embeds without the container: links and pasted codes recognised, oEmbed answers from a
 * lookup. {@link SiteEmbeds} gives it the cache and the client.
 */
public class EmbedMaker implements Embeds {
  private static final Pattern YOUTUBE_IFRAME =
      Pattern.compile(
          "https://www\\.youtube(?:-nocookie)?\\.com/embed/([A-Za-z0-9_-]{11})(?:[?#].*)?");

  private final EmbedLinks links;
  private final EmbedHtml html;

  public EmbedMaker(
      String siteLocale, Set<String> allowedHosts, Function<EmbedLink, Optional<OEmbed>> lookup) {
    this.links = new EmbedLinks(allowedHosts);
    this.html = new EmbedHtml(siteLocale, lookup);
  }

  @Override
  public Optional<String> link(String url) {
    return links.parse(url).map(html::of);
  }

  @Override
  public Optional<String> pasted(String source) {
    Document document = Jsoup.parseBodyFragment(source);
    Element body = document.body();
    body.select("script").remove();
    if (body.children().size() != 1 || !body.ownText().isBlank()) {
      return Optional.empty();
    }
    Element only = body.child(0);
    if (only.tagName().equals("blockquote") && only.hasClass("twitter-tweet")) {
      Element last = only.select("a[href]").last();
      Optional<EmbedLink> link =
          last == null ? Optional.empty() : links.parse(last.attr("href").replaceAll("\\?.*$", ""));
      if (link.isEmpty()) {
        return Optional.empty();
      }
      OEmbed post = OEmbed.fromBlockquote(only);
      return Optional.of(html.card(link.get(), post));
    }
    if (only.tagName().equals("iframe")) {
      Matcher id = YOUTUBE_IFRAME.matcher(only.attr("src"));
      if (id.matches()) {
        return links
            .parse("https://www.youtube.com/watch?v=" + id.group(1))
            .map(link -> html.video(link, only.attr("title").strip()));
      }
    }
    return Optional.empty();
  }
}
