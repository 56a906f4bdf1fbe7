package org.tribune.articles.internal;

import java.util.Optional;

/**
 * Where {@link BodyRenderer} turns a Markdown paragraph holding only a link to a post or a video
 * (X, Mastodon, Bluesky, YouTube, Vimeo, Dailymotion, PeerTube), or a pasted official embed code,
 * into an embed that contacts no third party until the reader asks. Implemented by {@code
 * internal.embed}, which depends on this package and not the other way round.
 */
public interface Embeds {
  /** No embeds: such links stay links and pasted codes stay text (unit tests, tools). */
  Embeds NONE =
      new Embeds() {
        @Override
        public Optional<String> link(String url) {
          return Optional.empty();
        }

        @Override
        public Optional<String> pasted(String html) {
          return Optional.empty();
        }
      };

  /**
   * The embed's HTML (a quote card, a click-to-load video box, or a plain link naming the provider)
   * for a paragraph made only of this link; empty when the address is not a known provider's post
   * or video. May fetch the provider's oEmbed answer once (cached), with tight limits; never fails.
   */
  Optional<String> link(String url);

  /**
   * The embed's HTML for a pasted official embed code making a whole paragraph (a {@code
   * <blockquote class="twitter-tweet">}, with or without its script, or a YouTube {@code
   * <iframe>}); empty when it is not one.
   */
  Optional<String> pasted(String html);
}
