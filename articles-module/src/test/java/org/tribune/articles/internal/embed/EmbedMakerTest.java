package org.tribune.articles.internal.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class EmbedMakerTest {
  private final List<String> asked = new ArrayList<>();
  private final EmbedMaker unreachable =
      new EmbedMaker(
          "fr-FR",
          Set.of(),
          link -> {
            asked.add(link.url());
            return Optional.empty();
          });
  private final EmbedMaker answering =
      new EmbedMaker(
          "fr-FR",
          Set.of(),
          link ->
              Optional.of(
                  new OEmbed(
                      "Alice <Dupont>", "Un titre & demi", "Bonjour\nle monde", "3 mars 2024")));

  private static Element parse(String html) {
    return Jsoup.parseBodyFragment(html).body().child(0);
  }

  @Test
  void aVideoIsABoxLinkingToTheProviderThatNamesItAndThePlayerToLoad() {
    Element box = parse(unreachable.link("https://youtu.be/dQw4w9WgXcQ").orElseThrow());
    assertEquals("figure", box.tagName());
    assertEquals("embed-video", box.className());
    assertEquals(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        box.attr("data-embed-src"));
    assertEquals("Lire la vidéo (YouTube recevra votre adresse IP)", box.attr("data-embed-play"));
    Element link = box.selectFirst("a");
    assertEquals("https://www.youtube.com/watch?v=dQw4w9WgXcQ", link.attr("href"));
    assertEquals("Voir la vidéo sur YouTube", link.text());
    assertTrue(box.select("iframe, script, img").isEmpty());
  }

  @Test
  void aVideoShowsTheTitleTheProviderGave() {
    Element box = parse(answering.link("https://vimeo.com/76979871").orElseThrow());
    assertEquals("Un titre & demi", box.selectFirst("figcaption").text());
    assertEquals("Un titre & demi", box.attr("data-embed-title"));
  }

  @Test
  void aPeerTubeVideoIsALinkToItsInstanceWithoutPlayer() {
    Element box =
        parse(unreachable.link("https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv").orElseThrow());
    assertFalse(box.hasAttr("data-embed-src"));
    assertEquals("Voir la vidéo sur PeerTube", box.selectFirst("a").text());
  }

  @Test
  void aPostIsAQuoteCardOfWhatTheProviderSaid() {
    Element card = parse(answering.link("https://mastodon.social/@alice/1").orElseThrow());
    assertEquals("blockquote", card.tagName());
    assertEquals("embed-post", card.className());
    assertEquals("https://mastodon.social/@alice/1", card.attr("cite"));
    assertEquals("Bonjour", card.child(0).text());
    assertEquals("le monde", card.child(1).text());
    assertEquals("Alice <Dupont>", card.selectFirst("cite").text());
    assertEquals("Publication sur Mastodon", card.selectFirst("a").text());
    assertTrue(card.child(2).text().endsWith(", 3 mars 2024"));
  }

  @Test
  void aPostTheProviderCouldNotTellAboutIsAPlainLinkNamingIt() {
    String html = unreachable.link("https://bsky.app/profile/a.bsky.social/post/3k").orElseThrow();
    assertEquals(
        "<p><a href=\"https://bsky.app/profile/a.bsky.social/post/3k\">Publication sur"
            + " Bluesky</a></p>",
        html);
    assertEquals(List.of("https://bsky.app/profile/a.bsky.social/post/3k"), asked);
  }

  @Test
  void englishSitesGetEnglishTexts() {
    EmbedMaker english = new EmbedMaker("en-GB", Set.of(), link -> Optional.empty());
    Element box = parse(english.link("https://youtu.be/dQw4w9WgXcQ").orElseThrow());
    assertEquals("Watch the video on YouTube", box.selectFirst("a").text());
    assertEquals(
        "Play the video (YouTube will receive your IP address)", box.attr("data-embed-play"));
    assertEquals(
        "<p><a href=\"https://x.com/a/status/1\">Post on X</a></p>",
        english.link("https://twitter.com/a/status/1").orElseThrow());
  }

  @Test
  void aPastedTweetBecomesACardFromItsOwnTextWithoutFetching() {
    String pasted =
        "<blockquote class=\"twitter-tweet\"><p lang=\"fr\" dir=\"ltr\">Le budget est voté"
            + " <a href=\"https://t.co/x\">pic.twitter.com/x</a></p>&mdash; Le Monde (@lemondefr)"
            + " <a href=\"https://twitter.com/lemondefr/status/1790?ref_src=twsrc%5Etfw\">May 13,"
            + " 2024</a></blockquote>\n"
            + "<script async src=\"https://platform.twitter.com/widgets.js\""
            + " charset=\"utf-8\"></script>";
    Element card = parse(unreachable.pasted(pasted).orElseThrow());
    assertEquals("embed-post", card.className());
    assertEquals("https://x.com/lemondefr/status/1790", card.attr("cite"));
    assertEquals("Le budget est voté pic.twitter.com/x", card.child(0).text());
    assertEquals("Le Monde (@lemondefr)", card.selectFirst("cite").text());
    assertTrue(card.text().endsWith("Publication sur X, May 13, 2024"), card.text());
    assertTrue(card.select("script").isEmpty());
    assertTrue(asked.isEmpty());
  }

  @Test
  void aPastedYouTubeIframeBecomesTheBox() {
    String pasted =
        "<iframe width=\"560\" height=\"315\""
            + " src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc\" title=\"YouTube video"
            + " player\" frameborder=\"0\" allowfullscreen></iframe>";
    Element box = parse(unreachable.pasted(pasted).orElseThrow());
    assertEquals("embed-video", box.className());
    assertEquals("https://www.youtube.com/watch?v=dQw4w9WgXcQ", box.selectFirst("a").attr("href"));
  }

  @Test
  void otherPastedCodeIsNotAnEmbed() {
    assertTrue(
        unreachable.pasted("<iframe src=\"https://evil.example/embed/x\"></iframe>").isEmpty());
    assertTrue(unreachable.pasted("<blockquote><p>Citation</p></blockquote>").isEmpty());
    assertTrue(
        unreachable
            .pasted("<blockquote class=\"twitter-tweet\"><p>x</p></blockquote><p>et plus</p>")
            .isEmpty());
    assertTrue(
        unreachable
            .pasted(
                "<blockquote class=\"twitter-tweet\"><p>x</p><a"
                    + " href=\"https://evil.example/a/status/1\">date</a></blockquote>")
            .isEmpty());
  }
}
