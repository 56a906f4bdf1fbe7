package org.tribune.articles.internal.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.internal.BodyRenderer;
import org.tribune.articles.internal.MediaFigures;

/** Embeds through the body renderer: where they are recognised, and what its allow-list keeps. */
class EmbedRenderingTest {
  private final BodyRenderer renderer =
      new BodyRenderer(
          "fr-FR",
          MediaFigures.NONE,
          new EmbedMaker(
              "fr-FR",
              Set.of(),
              link -> Optional.of(new OEmbed("Alice", "Le titre", "Bonjour", "4 mars"))));

  private Document render(BodyFormat format, String source) {
    return Jsoup.parseBodyFragment(renderer.render(format, source).html());
  }

  @Test
  void aLineHoldingOnlyAVideoLinkBecomesTheBoxAsTheAllowListKeepsIt() {
    Document page =
        render(
            BodyFormat.MARKDOWN, "Avant.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nAprès.");
    Element box = page.selectFirst("figure.embed-video");
    assertEquals(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        box.attr("data-embed-src"));
    assertEquals("Lire la vidéo (YouTube recevra votre adresse IP)", box.attr("data-embed-play"));
    assertEquals("Le titre", box.attr("data-embed-title"));
    assertEquals("noopener", box.selectFirst("a").attr("rel"));
    assertEquals("Le titre", box.selectFirst("figcaption").text());
    assertEquals(3, page.body().children().size());
  }

  @Test
  void aBracketedLinkAloneIsAnEmbedToo() {
    assertEquals(
        1, render(BodyFormat.MARKDOWN, "<https://vimeo.com/76979871>").select("figure").size());
  }

  @Test
  void aPostLinkBecomesTheCard() {
    Element card =
        render(BodyFormat.MARKDOWN, "https://bsky.app/profile/a.bsky.social/post/3k")
            .selectFirst("blockquote.embed-post");
    assertEquals("https://bsky.app/profile/a.bsky.social/post/3k", card.attr("cite"));
    assertEquals("Alice", card.selectFirst("cite").text());
  }

  @Test
  void aLinkAmongOtherTextStaysALink() {
    Document page =
        render(BodyFormat.MARKDOWN, "Voyez https://www.youtube.com/watch?v=dQw4w9WgXcQ ici.");
    assertTrue(page.select("figure").isEmpty());
    assertEquals(1, page.select("p > a").size());
  }

  @Test
  void pastedCodesAreRecognisedOnlyAsAWholeParagraph() {
    Document tweet =
        render(
            BodyFormat.MARKDOWN,
            "<blockquote class=\"twitter-tweet\"><p>Salut</p>&mdash; Bob (@bob)"
                + " <a href=\"https://twitter.com/bob/status/42\">May 1, 2024</a></blockquote>"
                + " <script async src=\"https://platform.twitter.com/widgets.js\"></script>");
    assertEquals("Salut", tweet.selectFirst("blockquote.embed-post > p").text());
    assertTrue(tweet.select("script").isEmpty());

    Document iframe =
        render(
            BodyFormat.MARKDOWN,
            "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>");
    assertEquals(1, iframe.select("figure.embed-video").size());
    assertTrue(iframe.select("iframe").isEmpty());

    Document inText =
        render(
            BodyFormat.MARKDOWN,
            "Voici <iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>");
    assertTrue(inText.select("figure, iframe").isEmpty());
    assertTrue(inText.text().contains("<iframe"), "raw HTML among text stays text");
  }

  @Test
  void anImportedBodyCannotMakeThePageFrameAnythingElse() {
    Document page =
        render(
            BodyFormat.HTML,
            "<figure class=\"embed-video\" data-embed-src=\"https://evil.example/x\""
                + " data-embed-play=\"Play\"><a href=\"https://evil.example/\">x</a></figure>"
                + "<figure class=\"wp-block\" data-embed-src=\"https://www.youtube-nocookie.com/"
                + "embed/dQw4w9WgXcQ?autoplay=1\"></figure>"
                + "<blockquote class=\"other\" data-x=\"1\">q</blockquote>"
                + "<p class=\"embed-post\" data-embed-src=\"https://evil.example/\">p</p>");
    assertTrue(page.select("[data-embed-src], [data-embed-play], [data-x]").isEmpty(), page.html());
    assertTrue(page.select("figure.wp-block, blockquote.other, p[class]").isEmpty());
    assertEquals(1, page.select("figure.embed-video").size());
  }

  @Test
  void anImportedBoxWithAPrivacyEnhancedPlayerIsKept() {
    String box =
        "<figure class=\"embed-video\" data-embed-src=\"https://player.vimeo.com/video/1?dnt=1&amp;"
            + "autoplay=1\" data-embed-play=\"Lire\"><a href=\"https://vimeo.com/1\">Voir</a>"
            + "</figure>";
    Element kept = render(BodyFormat.HTML, box).selectFirst("figure");
    assertEquals("https://player.vimeo.com/video/1?dnt=1&autoplay=1", kept.attr("data-embed-src"));
    assertFalse(kept.attr("data-embed-play").isEmpty());
  }

  @Test
  void withoutEmbedsTheLinkStaysALink() {
    Document page =
        Jsoup.parseBodyFragment(
            new BodyRenderer("fr-FR")
                .render(BodyFormat.MARKDOWN, "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
                .html());
    assertTrue(page.select("figure").isEmpty());
    assertEquals(1, page.select("a").size());
  }
}
