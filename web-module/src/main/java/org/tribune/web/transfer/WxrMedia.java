package org.tribune.web.transfer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The images of a WordPress export once they are in the media library (see {@link WxrMediaImport}):
 * found by the attachment's id ({@code _thumbnail_id}, {@code [gallery ids]}) or by any address
 * WordPress gave the file — the original, its size variants ({@code photo-300x200.jpg}, {@code
 * photo-scaled.jpg}), with a query ({@code ?w=604}), over http or https. Rewrites a post's HTML so
 * that its images are the library's ({@code <img src="media:42">}).
 */
final class WxrMedia {
  /** Nothing in the library: bodies keep their images' old addresses. */
  static final WxrMedia NONE = new WxrMedia(Map.of(), Map.of(), Map.of());

  /** A WordPress size variant before the extension: {@code -300x200}, {@code -scaled}. */
  private static final Pattern VARIANT =
      Pattern.compile("(?i)-(?:\\d{1,5}x\\d{1,5}|scaled|rotated|e\\d{10,13})(\\.[a-z0-9]{2,5})$");

  /** A rendition of Tribune's own library ({@code /media/{sha-256}-{width}.jpg}). */
  private static final Pattern TRIBUNE_RENDITION =
      Pattern.compile("(?i)/media/([0-9a-f]{64})-\\d{1,5}\\.(?:jpg|png)$");

  /** What the library takes: WordPress's image files. */
  static final Pattern IMAGE_FILE = Pattern.compile("(?i)\\.(jpe?g|png|gif|webp)$");

  private final Map<String, Long> byAttachment;
  private final Map<String, Long> byAddress;
  private final Map<String, List<String>> attachedTo;

  /**
   * @param byAttachment media id by attachment id
   * @param byAddress media id by {@link #key address key}
   * @param attachedTo the attachments of each post, in the file's order (a {@code [gallery]}
   *     without ids shows them)
   */
  WxrMedia(
      Map<String, Long> byAttachment,
      Map<String, Long> byAddress,
      Map<String, List<String>> attachedTo) {
    this.byAttachment = Map.copyOf(byAttachment);
    this.byAddress = Map.copyOf(byAddress);
    this.attachedTo = Map.copyOf(attachedTo);
  }

  Optional<Long> attachment(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byAttachment.get(id.strip()));
  }

  Optional<Long> address(String url) {
    return key(url).map(byAddress::get);
  }

  boolean isEmpty() {
    return byAttachment.isEmpty() && byAddress.isEmpty();
  }

  /**
   * The key of an image's address: host and path, lower case, without the scheme, the query or a
   * WordPress size variant; a Tribune rendition by its content's hash. Empty when it is not an
   * http(s) address.
   */
  static Optional<String> key(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(url.strip().replace(" ", "%20"));
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return Optional.empty();
      }
      String path = uri.getPath() == null ? "" : uri.getPath();
      Matcher tribune = TRIBUNE_RENDITION.matcher(path);
      if (tribune.find()) {
        return Optional.of("tribune:" + tribune.group(1).toLowerCase(Locale.ROOT));
      }
      path = VARIANT.matcher(path).replaceFirst("$1");
      return Optional.of(uri.getHost().toLowerCase(Locale.ROOT) + path.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The original's address: the variant's suffix and the query taken off. */
  static String original(String url) {
    String stripped = url.strip();
    int query = stripped.indexOf('?');
    if (query >= 0) {
      stripped = stripped.substring(0, query);
    }
    int fragment = stripped.indexOf('#');
    if (fragment >= 0) {
      stripped = stripped.substring(0, fragment);
    }
    return VARIANT.matcher(stripped).replaceFirst("$1");
  }

  /** A stable row id for an address with no attachment (the import links' source id). */
  static String addressId(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "url:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The post's HTML with the library's images: each {@code <img>} whose address is one of them
   * becomes {@code <img src="media:42">} (the library gives its renditions, size and text
   * alternative when the page is shown); other images and links are left as they are.
   */
  String rewrite(String html) {
    if (isEmpty() || html == null || !html.contains("<img")) {
      return html;
    }
    Document document = Jsoup.parseBodyFragment(html);
    document.outputSettings().prettyPrint(false);
    boolean changed = false;
    for (Element image : document.select("img[src]")) {
      Optional<Long> id = address(image.attr("src"));
      if (id.isEmpty()) {
        continue;
      }
      image.clearAttributes();
      image.attr("src", "media:" + id.get());
      changed = true;
    }
    return changed ? document.body().html() : html;
  }

  /**
   * A {@code [gallery]}: each of its images (its {@code ids}, else the post's attachments) in a
   * paragraph of its own, which the page shows as the library's figure. Empty when none of them is
   * in the library: the shortcode then stays, reported.
   */
  Optional<String> gallery(Map<String, String> attributes, String postId) {
    List<String> ids = new ArrayList<>();
    String listed = attributes.get("ids");
    if (listed != null && !listed.isBlank()) {
      for (String id : listed.split(",")) {
        if (!id.isBlank()) {
          ids.add(id.strip());
        }
      }
    } else if (postId != null) {
      ids.addAll(attachedTo.getOrDefault(postId, List.of()));
    }
    StringBuilder html = new StringBuilder();
    for (String id : ids) {
      attachment(id)
          .ifPresent(
              media -> html.append("\n\n<p><img src=\"media:").append(media).append("\"></p>"));
    }
    return html.length() == 0 ? Optional.empty() : Optional.of(html.append("\n\n").toString());
  }

  /**
   * The addresses of the images an HTML body shows (its {@code <img src>}), with their {@code alt}.
   */
  static Map<String, String> images(String html) {
    Map<String, String> found = new LinkedHashMap<>();
    if (html == null || !html.contains("<img")) {
      return found;
    }
    for (Element image : Jsoup.parseBodyFragment(html).select("img[src]")) {
      found.putIfAbsent(image.attr("src"), image.attr("alt"));
    }
    return found;
  }

  /** A builder, filled by the first pass. */
  static final class Builder {
    private final Map<String, Long> byAttachment = new HashMap<>();
    private final Map<String, Long> byAddress = new HashMap<>();
    private final Map<String, List<String>> attachedTo = new HashMap<>();

    void attachment(String id, long mediaId) {
      byAttachment.put(id, mediaId);
    }

    void address(String url, long mediaId) {
      key(url).ifPresent(k -> byAddress.put(k, mediaId));
    }

    void attachedTo(String postId, String attachmentId) {
      attachedTo.computeIfAbsent(postId, k -> new ArrayList<>()).add(attachmentId);
    }

    Set<String> addresses() {
      return byAddress.keySet();
    }

    WxrMedia build() {
      return new WxrMedia(byAttachment, byAddress, attachedTo);
    }
  }
}
