package org.tribune.articles.internal.embed;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises links to posts and videos. Mastodon and PeerTube are any instance, recognised by the
 * shape of their addresses ({@code /@user/123}, {@code /w/…}, {@code /videos/watch/…}). Only https
 * addresses, except for the hosts of {@code tribune.embeds.allow-hosts} (tests only).
 */
public final class EmbedLinks {
  private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
  private static final Pattern X_POST =
      Pattern.compile("/([A-Za-z0-9_]{1,15})/status(?:es)?/([0-9]{1,25})/?");
  private static final Pattern BLUESKY_POST =
      Pattern.compile("/profile/([A-Za-z0-9.:_-]{1,253})/post/([A-Za-z0-9]{1,64})/?");
  private static final Pattern MASTODON_POST =
      Pattern.compile(
          "/(?:@[A-Za-z0-9_.@-]{1,100}|users/[A-Za-z0-9_.-]{1,100}/statuses)/([0-9]{1,25})/?");
  private static final Pattern VIMEO_VIDEO = Pattern.compile("/(?:video/)?([0-9]{1,20})/?");
  private static final Pattern DAILYMOTION_VIDEO = Pattern.compile("/video/([A-Za-z0-9]{1,20})/?");
  private static final Pattern PEERTUBE_VIDEO =
      Pattern.compile(
          "/(?:w|videos/watch)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[1-9A-HJ-NP-Za-km-z]{22})/?");

  private final Set<String> allowedHosts;

  /**
   * @param allowedHosts {@code host:port} reachable over http and on private addresses (tests)
   */
  public EmbedLinks(Set<String> allowedHosts) {
    this.allowedHosts = allowedHosts;
  }

  public Optional<EmbedLink> parse(String address) {
    if (address == null || address.length() > 2000) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(address.strip());
    } catch (Exception e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || uri.getRawUserInfo() != null) {
      return Optional.empty();
    }
    boolean test = allowedHosts.contains(host + ":" + uri.getPort());
    if (!scheme.equals("https") && !(test && scheme.equals("http"))) {
      return Optional.empty();
    }
    if (uri.getPort() != -1 && uri.getPort() != 443 && !test) {
      return Optional.empty();
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    String bare = host.startsWith("www.") ? host.substring(4) : host;
    String clean = address.strip();
    switch (bare) {
      case "youtube.com", "m.youtube.com", "youtube-nocookie.com" -> {
        String id = null;
        if (path.equals("/watch")) {
          id = queryValue(query, "v");
        } else if (path.startsWith("/shorts/")
            || path.startsWith("/embed/")
            || path.startsWith("/live/")) {
          id = path.substring(path.indexOf('/', 1) + 1).replaceAll("/$", "");
        }
        return youtube(id);
      }
      case "youtu.be" -> {
        return youtube(path.length() > 1 ? path.substring(1).replaceAll("/$", "") : null);
      }
      case "vimeo.com", "player.vimeo.com" -> {
        Matcher m = VIMEO_VIDEO.matcher(path);
        return m.matches()
            ? Optional.of(
                new EmbedLink(Provider.VIMEO, "https://vimeo.com/" + m.group(1), m.group(1), ""))
            : Optional.empty();
      }
      case "dailymotion.com", "dai.ly" -> {
        String id = null;
        Matcher m = DAILYMOTION_VIDEO.matcher(path);
        if (m.matches()) {
          id = m.group(1);
        } else if (bare.equals("dai.ly") && path.matches("/[A-Za-z0-9]{1,20}")) {
          id = path.substring(1);
        }
        return id == null
            ? Optional.empty()
            : Optional.of(
                new EmbedLink(
                    Provider.DAILYMOTION, "https://www.dailymotion.com/video/" + id, id, ""));
      }
      case "x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com" -> {
        Matcher m = X_POST.matcher(path);
        return m.matches()
            ? Optional.of(
                new EmbedLink(
                    Provider.X, "https://x.com/" + m.group(1) + "/status/" + m.group(2), "", ""))
            : Optional.empty();
      }
      case "bsky.app" -> {
        return BLUESKY_POST.matcher(path).matches()
            ? Optional.of(new EmbedLink(Provider.BLUESKY, clean, "", ""))
            : Optional.empty();
      }
      default -> {
        String origin = scheme + "://" + uri.getRawAuthority();
        if (MASTODON_POST.matcher(path).matches()) {
          return Optional.of(new EmbedLink(Provider.MASTODON, clean, "", origin));
        }
        Matcher m = PEERTUBE_VIDEO.matcher(path);
        if (m.matches()) {
          return Optional.of(new EmbedLink(Provider.PEERTUBE, clean, m.group(1), origin));
        }
        return Optional.empty();
      }
    }
  }

  private static Optional<EmbedLink> youtube(String id) {
    if (id == null || !YOUTUBE_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new EmbedLink(Provider.YOUTUBE, "https://www.youtube.com/watch?v=" + id, id, ""));
  }

  private static String queryValue(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }
}
