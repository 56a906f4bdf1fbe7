package org.tribune.articles.internal.embed;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * Writes the embeds, in the site's language (the articles module cannot read the web module's
 * bundles; the texts are the same in both languages as the public pages' {@code embed.*}). Posts: a
 * quote card ({@code <blockquote class="embed-post">}: text, author, link naming the provider,
 * date), or a plain link naming the provider when there is nothing to show. Videos: a box ({@code
 * <figure class="embed-video">}) holding a link to the video on its provider's site; the public
 * pages' script adds the button that loads the privacy-enhanced player ({@code data-embed-src})
 * only when clicked.
 */
public final class EmbedHtml {
  private final boolean french;
  private final Function<EmbedLink, Optional<OEmbed>> lookup;

  /**
   * @param siteLocale the site's language tag
   * @param lookup the provider's oEmbed answer for a link (cached, fetched once), or empty
   */
  public EmbedHtml(String siteLocale, Function<EmbedLink, Optional<OEmbed>> lookup) {
    this.french =
        Locale.forLanguageTag(siteLocale == null ? "fr" : siteLocale).getLanguage().equals("fr")
            || siteLocale == null
            || siteLocale.isBlank();
    this.lookup = lookup;
  }

  /** The embed of a recognised link. */
  public String of(EmbedLink link) {
    Optional<OEmbed> answer = lookup.apply(link);
    if (link.provider().video()) {
      return video(link, answer.map(OEmbed::title).orElse(""));
    }
    return answer
        .filter(a -> !a.text().isBlank() || !a.author().isBlank())
        .map(a -> card(link, a))
        .orElseGet(() -> plainLink(link));
  }

  /** The box of a video: a link to it, the player after the click. */
  public String video(EmbedLink link, String title) {
    String name = link.provider().label();
    Element figure = new Element("figure").attr("class", "embed-video");
    link.player()
        .ifPresent(
            src ->
                figure
                    .attr("data-embed-src", src)
                    .attr(
                        "data-embed-play",
                        french
                            ? "Lire la vidéo (" + name + " recevra votre adresse IP)"
                            : "Play the video (" + name + " will receive your IP address)")
                    .attr(
                        "data-embed-title",
                        title.isBlank() ? (french ? "Vidéo " + name : name + " video") : title));
    figure
        .appendElement("a")
        .attr("href", link.url())
        .text(french ? "Voir la vidéo sur " + name : "Watch the video on " + name);
    if (!title.isBlank()) {
      figure.appendElement("figcaption").text(title);
    }
    return figure.outerHtml();
  }

  /** A post as a quote card. */
  public String card(EmbedLink link, OEmbed post) {
    Element quote = new Element("blockquote").attr("class", "embed-post").attr("cite", link.url());
    if (!post.text().isBlank()) {
      for (String line : post.text().split("\n")) {
        quote.appendElement("p").text(line);
      }
    }
    Element source = quote.appendElement("p");
    if (!post.author().isBlank()) {
      source.appendElement("cite").text(post.author());
      source.appendText(", ");
    }
    source.appendElement("a").attr("href", link.url()).text(postOn(link));
    if (!post.date().isBlank()) {
      source.appendText(french ? ", " + post.date() : ", " + post.date());
    }
    return quote.outerHtml();
  }

  /** A post the provider could not tell about: a link naming it. */
  public String plainLink(EmbedLink link) {
    Element p = new Element("p");
    p.appendElement("a").attr("href", link.url()).text(postOn(link));
    return p.outerHtml();
  }

  private String postOn(EmbedLink link) {
    return (french ? "Publication sur " : "Post on ") + link.provider().label();
  }
}
