package org.tribune.articles.internal.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmbedLinksTest {
  private final EmbedLinks links = new EmbedLinks(Set.of());

  @ParameterizedTest
  @CsvSource({
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ, YOUTUBE, dQw4w9WgXcQ",
    "https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42, YOUTUBE, dQw4w9WgXcQ",
    "https://m.youtube.com/watch?v=dQw4w9WgXcQ, YOUTUBE, dQw4w9WgXcQ",
    "https://youtube.com/shorts/dQw4w9WgXcQ, YOUTUBE, dQw4w9WgXcQ",
    "https://youtu.be/dQw4w9WgXcQ, YOUTUBE, dQw4w9WgXcQ",
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ, YOUTUBE, dQw4w9WgXcQ",
    "https://vimeo.com/76979871, VIMEO, 76979871",
    "https://player.vimeo.com/video/76979871, VIMEO, 76979871",
    "https://www.dailymotion.com/video/x8abc12, DAILYMOTION, x8abc12",
    "https://dai.ly/x8abc12, DAILYMOTION, x8abc12",
    "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d, PEERTUBE,"
        + " 9c9de5e8-0a1e-484a-b099-e80766180a6d",
    "https://peertube.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d, PEERTUBE,"
        + " 9c9de5e8-0a1e-484a-b099-e80766180a6d",
    "https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv, PEERTUBE, kkGMgK9ZtnKfYAgnEtQxbv",
  })
  void videosOfEveryProviderAreRecognisedWithTheirId(String url, Provider provider, String id) {
    EmbedLink link = links.parse(url).orElseThrow();
    assertEquals(provider, link.provider());
    assertEquals(id, link.id());
  }

  @ParameterizedTest
  @CsvSource({
    "https://x.com/AFP/status/1790000000000000000, X",
    "https://twitter.com/AFP/status/1790000000000000000, X",
    "https://mobile.twitter.com/AFP/status/1790000000000000000/, X",
    "https://mastodon.social/@Gargron/109000000000000000, MASTODON",
    "https://piaille.fr/@alice@mastodon.social/112233, MASTODON",
    "https://mamot.fr/users/alice/statuses/112233, MASTODON",
    "https://bsky.app/profile/lemonde.fr/post/3kxyzabc2k2q, BLUESKY",
  })
  void postsOfEveryProviderAreRecognised(String url, Provider provider) {
    assertEquals(provider, links.parse(url).orElseThrow().provider());
  }

  @Test
  void videoLinksLeadToTheProvidersPageAndPlayersArePrivacyEnhanced() {
    EmbedLink youtube = links.parse("https://youtu.be/dQw4w9WgXcQ?t=3").orElseThrow();
    assertEquals("https://www.youtube.com/watch?v=dQw4w9WgXcQ", youtube.url());
    assertEquals(
        Optional.of("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        youtube.player());
    assertEquals(
        Optional.of("https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
        links.parse("https://vimeo.com/76979871").orElseThrow().player());
    assertEquals(
        Optional.of("https://geo.dailymotion.com/player.html?video=x8abc12"),
        links.parse("https://dai.ly/x8abc12").orElseThrow().player());
    assertTrue(
        links
            .parse("https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv")
            .orElseThrow()
            .player()
            .isEmpty());
  }

  @Test
  void oEmbedEndpointsAreTheProvidersOrTheInstancesOwn() {
    assertEquals(
        "https://mastodon.social/api/oembed?url=https%3A%2F%2Fmastodon.social%2F%40a%2F1",
        links.parse("https://mastodon.social/@a/1").orElseThrow().oembed().toString());
    assertTrue(
        links
            .parse("https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv")
            .orElseThrow()
            .oembed()
            .toString()
            .startsWith("https://framatube.org/services/oembed?"));
    assertEquals(
        "https://publish.twitter.com/oembed?omit_script=true&dnt=true&url="
            + "https%3A%2F%2Ftwitter.com%2FAFP%2Fstatus%2F1",
        links.parse("https://x.com/AFP/status/1").orElseThrow().oembed().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
        "https://user@www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/channel/UC123",
        "https://vimeo.com/channels/staffpicks",
        "https://x.com/AFP",
        "https://example.org/articles/42",
        "https://bsky.app/profile/lemonde.fr",
        "javascript:alert(1)",
        "not a link",
      })
  void otherAddressesAreNotEmbeds(String url) {
    assertTrue(links.parse(url).isEmpty(), url);
  }

  @Test
  void plainHttpAndOtherPortsOnlyForTheHostsTestsAllow() {
    EmbedLinks test = new EmbedLinks(Set.of("127.0.0.1:8089"));
    assertTrue(test.parse("http://127.0.0.1:8089/@alice/1").isPresent());
    assertTrue(test.parse("http://127.0.0.1:8090/@alice/1").isEmpty());
    assertTrue(links.parse("http://127.0.0.1:8089/@alice/1").isEmpty());
  }
}
