package org.tribune.articles.internal.embed;

/** The providers whose links become embeds, with the name readers see. */
public enum Provider {
  YOUTUBE("YouTube", true),
  VIMEO("Vimeo", true),
  DAILYMOTION("Dailymotion", true),
  PEERTUBE("PeerTube", true),
  X("X", false),
  MASTODON("Mastodon", false),
  BLUESKY("Bluesky", false);

  private final String label;
  private final boolean video;

  Provider(String label, boolean video) {
    this.label = label;
    this.video = video;
  }

  public String label() {
    return label;
  }

  public boolean video() {
    return video;
  }
}
