package org.tribune.articles.internal.embed;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A recognised link to a post or a video.
 *
 * @param url the address as the editor wrote it (normalised to its provider's canonical page for
 *     videos)
 * @param id the video's id (empty for posts)
 * @param origin scheme and authority of the instance for Mastodon and PeerTube ({@code
 *     https://mastodon.social}), else empty
 */
public record EmbedLink(Provider provider, String url, String id, String origin) {

  /** The provider's oEmbed address for this link. */
  public URI oembed() {
    // publish.twitter.com knows posts by their twitter.com address.
    String asked =
        provider == Provider.X ? url.replace("https://x.com/", "https://twitter.com/") : url;
    String q = URLEncoder.encode(asked, StandardCharsets.UTF_8);
    return URI.create(
        switch (provider) {
          case YOUTUBE -> "https://www.youtube.com/oembed?format=json&url=" + q;
          case VIMEO -> "https://vimeo.com/api/oembed.json?url=" + q;
          case DAILYMOTION -> "https://www.dailymotion.com/services/oembed?format=json&url=" + q;
          case X -> "https://publish.twitter.com/oembed?omit_script=true&dnt=true&url=" + q;
          case BLUESKY -> "https://embed.bsky.app/oembed?format=json&url=" + q;
          case MASTODON -> origin + "/api/oembed?url=" + q;
          case PEERTUBE -> origin + "/services/oembed?format=json&url=" + q;
        });
  }

  /**
   * The privacy-enhanced player the box loads after the click; empty for PeerTube (any instance:
   * the content security policy cannot list them, so its box stays a link) and posts.
   */
  public Optional<String> player() {
    return switch (provider) {
      case YOUTUBE -> Optional.of("https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1");
      case VIMEO -> Optional.of("https://player.vimeo.com/video/" + id + "?dnt=1&autoplay=1");
      case DAILYMOTION -> Optional.of("https://geo.dailymotion.com/player.html?video=" + id);
      default -> Optional.empty();
    };
  }
}
