package org.tribune.web.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tribune.articles.api.MediaFile;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaService;
import org.tribune.web.site.Links;
import org.tribune.web.site.SiteSettings;

/**
 * The media archive, for moving a site away: a zip of every original of the media library ({@code
 * originals/{id}-{name}.{ext}}, metadata already stripped at upload) and a {@code manifest.json}
 * describing each (format {@code tribune-media}, version 1, in the web module's README). Streamed:
 * items are read {@value #BATCH} at a time and each file is copied straight into the zip while its
 * SHA-256 is computed; the manifest is written to a temporary file meanwhile and added last, so
 * that it tells what the zip really holds (a file whose digest is not the library's hash, or that
 * the store could not give, is named in it), whatever the library's size.
 */
@ApplicationScoped
public class MediaArchive {
  static final int VERSION = 1;
  static final int BATCH = 200;
  static final String MANIFEST = "manifest.json";
  private static final Logger LOG = Logger.getLogger(MediaArchive.class.getName());
  private static final int NAME_LENGTH = 80;

  @Inject private MediaService media;
  @Inject private SiteSettings site;
  @Inject private Links links;

  /** Every item of the library, oldest first, read a batch at a time. */
  public Iterable<MediaItem> items() {
    return () -> new Batches(media);
  }

  /** Where an item's original is in the archive: {@code originals/12-fete-de-la-lumiere.jpg}. */
  public static String path(MediaItem item) {
    return "originals/" + item.id() + "-" + safeName(item.originalName()) + "." + extension(item);
  }

  /**
   * A file name's stem that any system takes: accents folded, letters, digits, dots, hyphens and
   * underscores kept, anything else a hyphen, at most {@value #NAME_LENGTH} characters, {@code
   * image} when nothing is left. The extension is dropped: the archive gives the stored format's.
   */
  static String safeName(String originalName) {
    String name = originalName == null ? "" : originalName.strip();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    name =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replace("ß", "ss")
            .replaceAll("[^A-Za-z0-9._-]+", "-")
            .replaceAll("-{2,}", "-")
            .replaceAll("^[-.]+|[-.]+$", "");
    if (name.length() > NAME_LENGTH) {
      name = name.substring(0, NAME_LENGTH).replaceAll("[-.]+$", "");
    }
    return name.isEmpty() ? "image" : name;
  }

  /** The stored original's extension, from its content type. */
  static String extension(MediaItem item) {
    return switch (item.contentType()) {
      case "image/jpeg" -> "jpg";
      case "image/png" -> "png";
      case "image/gif" -> "gif";
      case "image/webp" -> "webp";
      default -> "bin";
    };
  }

  /** Writes the archive; {@code out} is not closed. */
  public void write(OutputStream out) throws IOException {
    Path manifest = Files.createTempFile("tribune-media-", ".json");
    try {
      ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
      int count = 0;
      int problems = 0;
      try (OutputStream manifestOut = Files.newOutputStream(manifest);
          JsonGenerator json =
              Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                  .createGenerator(manifestOut, StandardCharsets.UTF_8)) {
        json.writeStartObject();
        json.write("format", "tribune-media");
        json.write("version", VERSION);
        json.write("exportedAt", Instant.now().toString());
        json.writeStartObject("site");
        json.write("name", site.getName());
        json.write("url", links.absolute("/"));
        json.writeEnd();
        json.writeStartArray("items");
        // Images do not deflate: stored as they are, the archive costs no processor time.
        zip.setLevel(Deflater.NO_COMPRESSION);
        for (MediaItem item : items()) {
          count++;
          if (!original(zip, json, item)) {
            problems++;
          }
        }
        json.writeEnd();
        json.write("count", count);
        json.write("problems", problems);
        json.writeEnd();
      }
      zip.setLevel(Deflater.DEFAULT_COMPRESSION);
      ZipEntry entry = new ZipEntry(MANIFEST);
      zip.putNextEntry(entry);
      Files.copy(manifest, zip);
      zip.closeEntry();
      zip.finish();
      zip.flush();
    } finally {
      Files.deleteIfExists(manifest);
    }
  }

  /** Copies one original into the zip and describes it; whether it is there whole and sound. */
  private boolean original(ZipOutputStream zip, JsonGenerator json, MediaItem item)
      throws IOException {
    String path = path(item);
    json.writeStartObject();
    json.write("id", item.id());
    json.write("hash", item.hash());
    String problem = null;
    String sha256 = null;
    long copied = 0;
    Optional<MediaFile> opened;
    try {
      opened = media.original(item.id());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Media archive: original of item " + item.id() + " unreadable", e);
      opened = Optional.empty();
      problem = "unreadable";
    }
    if (opened.isPresent()) {
      try (MediaFile file = opened.get()) {
        ZipEntry entry = new ZipEntry(path);
        entry.setLastModifiedTime(FileTime.from(item.updatedAt()));
        zip.putNextEntry(entry);
        MessageDigest digest = sha256();
        try {
          copied = copy(file.content(), zip, digest);
        } catch (SourceException e) {
          LOG.log(Level.WARNING, "Media archive: original of item " + item.id() + " cut", e);
          problem = "unreadable";
        }
        zip.closeEntry();
        sha256 = HexFormat.of().formatHex(digest.digest());
        if (problem == null && !sha256.equals(item.hash())) {
          LOG.warning(
              "Media archive: original of item "
                  + item.id()
                  + " has SHA-256 "
                  + sha256
                  + ", the library says "
                  + item.hash());
          problem = "hash-mismatch";
        }
      }
    } else if (problem == null) {
      problem = "missing";
    }
    if (sha256 == null) {
      json.writeNull("file");
      json.writeNull("sha256");
    } else {
      json.write("file", path);
      json.write("sha256", sha256);
    }
    json.write("bytes", sha256 == null ? item.bytes() : copied);
    json.write("contentType", item.contentType());
    json.write("originalName", item.originalName());
    json.write("width", item.width());
    json.write("height", item.height());
    JsonExporter.nullable(json, "alt", item.alt());
    JsonExporter.nullable(json, "caption", item.caption());
    JsonExporter.nullable(json, "credit", item.credit());
    JsonExporter.nullable(json, "focalX", item.focalX());
    JsonExporter.nullable(json, "focalY", item.focalY());
    JsonExporter.nullable(json, "uploadedBy", item.uploadedBy());
    JsonExporter.nullable(json, "uploadedAt", item.uploadedAt());
    JsonExporter.nullable(json, "updatedAt", item.updatedAt());
    if (problem != null) {
      json.write("problem", problem);
    }
    json.writeEnd();
    return problem == null;
  }

  /** Copies while digesting; a failure to read is a {@link SourceException}, to write is not. */
  private static long copy(InputStream in, OutputStream out, MessageDigest digest)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    while (true) {
      int n;
      try {
        n = in.read(buffer);
      } catch (IOException e) {
        throw new SourceException(e);
      }
      if (n < 0) {
        return total;
      }
      digest.update(buffer, 0, n);
      out.write(buffer, 0, n);
      total += n;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The store failed while giving a file (the client is still there). */
  private static final class SourceException extends IOException {
    private static final long serialVersionUID = 1L;

    SourceException(IOException cause) {
      super(cause);
    }
  }

  /** The library, a batch at a time by id (never an offset, so additions shift nothing). */
  private static final class Batches implements Iterator<MediaItem> {
    private final MediaService media;
    private Iterator<MediaItem> batch = List.<MediaItem>of().iterator();
    private long lastId;
    private boolean exhausted;

    Batches(MediaService media) {
      this.media = media;
    }

    @Override
    public boolean hasNext() {
      if (!batch.hasNext() && !exhausted) {
        List<MediaItem> next = media.after(lastId, BATCH);
        exhausted = next.size() < BATCH;
        batch = next.iterator();
      }
      return batch.hasNext();
    }

    @Override
    public MediaItem next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      MediaItem item = batch.next();
      lastId = item.id();
      return item;
    }
  }
}
