package org.tribune.web.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribune.articles.api.MediaDescription;
import org.tribune.articles.api.MediaFetchException;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaLimits;
import org.tribune.articles.api.MediaRejectedException;
import org.tribune.articles.api.MediaService;
import org.tribune.web.transfer.ImportLinks.Kind;
import org.tribune.web.transfer.ImportLinks.Link;
import org.tribune.web.transfer.ImportReport.Outcome;

/**
 * The first pass over a WordPress export: its images go into the media library before its posts are
 * written, so that each post is written once, with its images already the library's.
 *
 * <p>Taken: every attachment that is an image (JPEG, PNG, GIF, WebP), from its {@code
 * attachment_url}, with its text alternative ({@code _wp_attachment_image_alt}), its caption (the
 * excerpt) and Tribune's credit; and every image a post or page shows from the exported site's own
 * hosts (its address, and those of its attachments) that is no attachment of the file, from its
 * original address (WordPress's size variant as a second try). Fetched safely ({@link
 * MediaService#fetch}: public addresses only, size and time limits). What was taken is remembered
 * (a {@code MEDIA} row of the import links per attachment or address): a second import fetches
 * nothing again, and an interrupted one goes on. Each file fetched, known or not taken is counted
 * in the report (kinds {@code attachments} and {@code images}) with its reason.
 *
 * <p>An image needs a text alternative to be shown: when the export gives none, the {@code alt} a
 * post gave it, else its title when it is not a file's name, else its caption, else the title of
 * the post that shows it — and the report names it, for someone to check.
 */
@ApplicationScoped
public class WxrMediaImport {
  private static final Logger LOG = Logger.getLogger(WxrMediaImport.class.getName());

  /** After this many failures to reach a host in a row, its other files are not tried. */
  static final int HOST_FAILURES = 5;

  @Inject private MediaService media;
  @Inject private ImportLinks links;

  /** An attachment of the file. */
  private record Attachment(
      String id, String url, String title, String caption, String alt, String credit) {}

  /** An image a post shows: its address as written, its alt there, the post's title. */
  private record Shown(String url, String alt, String postTitle) {}

  /** Reads the file once for its images, takes them into the library, and says where they are. */
  WxrMedia run(Path file, ZoneId zone, String actor, ImportReport report) throws IOException {
    String source = null;
    Set<String> hosts = new HashSet<>();
    List<Attachment> attachments = new ArrayList<>();
    Map<String, Shown> shown = new LinkedHashMap<>();
    Map<String, String> altByAddress = new HashMap<>();
    WxrMedia.Builder found = new WxrMedia.Builder();
    try (InputStream in = Files.newInputStream(file);
        WxrReader reader = new WxrReader(in, zone)) {
      Wxr.Entry entry;
      while ((entry = reader.next()) != null) {
        if (entry instanceof Wxr.Site site) {
          source = WxrImporter.sourceName(site);
          host(site.baseBlogUrl()).ifPresent(hosts::add);
          host(site.link()).ifPresent(hosts::add);
        } else if (entry instanceof Wxr.Post post && post.id() != null) {
          String id = post.id().strip();
          if ("attachment".equals(post.type())) {
            String url = post.attachmentUrl();
            host(url).ifPresent(hosts::add);
            attachments.add(
                new Attachment(
                    id,
                    url,
                    Markup.text(post.title()),
                    Markup.text(post.excerpt()),
                    Markup.text(post.meta().get(WxrWriter.META_ALT)),
                    Markup.text(post.meta().get(WxrWriter.META_CREDIT))));
            String parent = post.parentId() == null ? "" : post.parentId().strip();
            if (!parent.isEmpty() && !parent.equals("0")) {
              found.attachedTo(parent, id);
            }
          } else if ("post".equals(post.type()) || "page".equals(post.type())) {
            String title = Markup.text(post.title());
            WxrMedia.images(post.content())
                .forEach(
                    (url, alt) ->
                        WxrMedia.key(url)
                            .ifPresent(
                                key -> {
                                  shown.putIfAbsent(key, new Shown(url, alt, title));
                                  if (alt != null && !alt.isBlank()) {
                                    altByAddress.putIfAbsent(key, alt.strip());
                                  }
                                }));
          }
        }
      }
    } catch (ImportException e) {
      // The second pass reads the same file and reports it.
      LOG.log(Level.FINE, "WXR media pass stopped: " + e.code());
    }
    if (source == null) {
      return WxrMedia.NONE;
    }
    Run run = new Run(source, actor, report, found);
    for (Attachment a : attachments) {
      run.attachment(a, altByAddress);
    }
    for (Map.Entry<String, Shown> image : shown.entrySet()) {
      Shown s = image.getValue();
      if (found.addresses().contains(image.getKey())) {
        continue;
      }
      Optional<String> host = host(s.url());
      if (host.isEmpty() || !hosts.contains(host.get()) || !isImage(s.url())) {
        continue;
      }
      run.shown(image.getKey(), s);
    }
    return found.build();
  }

  private static Optional<String> host(String url) {
    return uri(url).map(u -> u.getHost().toLowerCase(Locale.ROOT));
  }

  /** The state of one pass. */
  private final class Run {
    private final String source;
    private final String actor;
    private final ImportReport report;
    private final WxrMedia.Builder found;
    private final Map<String, Integer> failuresInARow = new HashMap<>();

    Run(String source, String actor, ImportReport report, WxrMedia.Builder found) {
      this.source = source;
      this.actor = actor;
      this.report = report;
      this.found = found;
    }

    void attachment(Attachment a, Map<String, String> altByAddress) {
      if (a.url() == null || a.url().isBlank()) {
        report.skip("attachments", a.id(), "no-address");
        return;
      }
      Optional<URI> uri = uri(a.url());
      if (uri.isEmpty()) {
        report.skip("attachments", a.id(), "bad-address", a.url());
        return;
      }
      if (!isImage(a.url())) {
        report.skip("attachments", a.id(), "not-an-image", a.url());
        return;
      }
      Optional<Long> known = known(a.id());
      if (known.isPresent()) {
        found.attachment(a.id(), known.get());
        found.address(a.url(), known.get());
        report.count("attachments", Outcome.UNCHANGED);
        return;
      }
      String key = WxrMedia.key(a.url()).orElse("");
      String alt = a.alt();
      boolean derived = alt.isBlank();
      if (derived) {
        alt = altByAddress.getOrDefault(key, "");
      }
      if (alt.isBlank() && !looksLikeAFileName(a.title())) {
        alt = a.title();
      }
      if (alt.isBlank()) {
        alt = a.caption();
      }
      if (alt.isBlank()) {
        alt = a.title();
      }
      if (alt.isBlank()) {
        alt = stem(uri.get());
      }
      Optional<MediaItem> item =
          fetch(
              "attachments",
              a.id(),
              uri.get(),
              null,
              name(uri.get()),
              alt,
              a.caption(),
              a.credit());
      if (item.isEmpty()) {
        return;
      }
      long id = item.get().id();
      links.save(List.of(new Link(source, Kind.MEDIA, a.id(), id, null, null, null, null)));
      found.attachment(a.id(), id);
      found.address(a.url(), id);
      report.count("attachments", Outcome.IMPORTED);
      if (derived) {
        report.warn("attachments", a.id(), "alt-derived", alt);
      }
    }

    void shown(String key, Shown s) {
      String rowId = WxrMedia.addressId(key);
      Optional<Long> known = known(rowId);
      if (known.isPresent()) {
        found.address(s.url(), known.get());
        report.count("images", Outcome.UNCHANGED);
        return;
      }
      Optional<URI> original = uri(WxrMedia.original(s.url()));
      Optional<URI> asWritten = uri(s.url());
      if (original.isEmpty() || asWritten.isEmpty()) {
        report.skip("images", s.url(), "bad-address", s.url());
        return;
      }
      boolean derived = s.alt() == null || s.alt().isBlank();
      String alt = derived ? s.postTitle() : s.alt().strip();
      if (alt.isBlank()) {
        alt = stem(original.get());
      }
      Optional<MediaItem> item =
          fetch(
              "images",
              s.url(),
              original.get(),
              original.get().equals(asWritten.get()) ? null : asWritten.get(),
              name(original.get()),
              alt,
              "",
              "");
      if (item.isEmpty()) {
        return;
      }
      long id = item.get().id();
      links.save(List.of(new Link(source, Kind.MEDIA, rowId, id, null, null, null, null)));
      found.address(s.url(), id);
      report.count("images", Outcome.IMPORTED);
      if (derived) {
        report.warn("images", s.url(), "alt-derived", alt);
      }
    }

    /** The library's item an earlier import took for this row, if it is still there. */
    private Optional<Long> known(String rowId) {
      return links
          .find(source, Kind.MEDIA, rowId)
          .map(Link::targetId)
          .filter(id -> media.find(id).isPresent());
    }

    /**
     * Fetches a file (its second address when the first answers 404) and describes it; empty, with
     * the reason in the report, when it could not be taken.
     */
    private Optional<MediaItem> fetch(
        String kind,
        String id,
        URI address,
        URI second,
        String name,
        String alt,
        String caption,
        String credit) {
      String host = address.getHost().toLowerCase(Locale.ROOT);
      if (failuresInARow.getOrDefault(host, 0) >= HOST_FAILURES) {
        report.skip(kind, id, "host-unreachable", host);
        return Optional.empty();
      }
      try {
        MediaItem item;
        try {
          item = media.fetch(address, name, actor);
        } catch (MediaFetchException e) {
          if (second == null
              || e.reason() != MediaFetchException.Reason.STATUS
              || e.status() != 404) {
            throw e;
          }
          item = media.fetch(second, name, actor);
        }
        failuresInARow.remove(host);
        return Optional.of(
            media.describe(
                item.id(),
                new MediaDescription(
                    Markup.cut(alt, MediaLimits.ALT_LENGTH),
                    Markup.cut(caption, MediaLimits.CAPTION_LENGTH),
                    Markup.cut(credit, MediaLimits.CREDIT_LENGTH))));
      } catch (MediaFetchException e) {
        if (e.reason() == MediaFetchException.Reason.UNREACHABLE
            || e.reason() == MediaFetchException.Reason.TIMEOUT) {
          failuresInARow.merge(host, 1, Integer::sum);
        }
        report.skip(
            kind,
            id,
            "fetch-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            address,
            e.status());
      } catch (MediaRejectedException e) {
        report.skip(
            kind,
            id,
            "rejected-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            address);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "WXR import: " + address + " not taken", e);
        report.skip(kind, id, "error", String.valueOf(e.getMessage()));
      }
      return Optional.empty();
    }
  }

  /** An address with a host, or empty. */
  private static Optional<URI> uri(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(url.strip().replace(" ", "%20"));
      return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether an address names an image file the library takes (by its extension). */
  private static boolean isImage(String url) {
    return uri(WxrMedia.original(url))
        .map(u -> u.getPath() != null && WxrMedia.IMAGE_FILE.matcher(u.getPath()).find())
        .orElse(false);
  }

  /** The file's name in an address, for display ({@code photo.jpg}). */
  private static String name(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isBlank() ? uri.getHost() : Markup.cut(name, MediaLimits.NAME_LENGTH);
  }

  /** The file's name without its extension: the last text alternative there is. */
  private static String stem(URI uri) {
    String name = name(uri);
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).replace('-', ' ').replace('_', ' ').strip();
  }

  /** {@code IMG_1234}, {@code DSC01234.jpg}, {@code photo-festival.jpg}: a name, not a text. */
  static boolean looksLikeAFileName(String title) {
    String t = title == null ? "" : title.strip();
    return t.isEmpty()
        || WxrMedia.IMAGE_FILE.matcher(t).find()
        || t.matches("(?i)(img|dsc|dscn|dscf|pict|p|screenshot|capture)[-_ ]?\\d[\\w-]*")
        || (!t.contains(" ") && t.matches(".*\\d.*") && t.matches("[\\w.-]+"));
  }
}
