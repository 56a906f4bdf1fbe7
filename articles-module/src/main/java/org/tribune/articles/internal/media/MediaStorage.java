package org.tribune.articles.internal.media;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The library's configuration ({@code tribune.media.*}) and the store it chose: a folder under
 * {@code tribune.data.dir} ({@code file}, one node), or an S3-compatible object store ({@code s3},
 * several nodes). Opened at first use.
 */
@ApplicationScoped
public class MediaStorage {
  private static final Logger LOG = Logger.getLogger(MediaStorage.class.getName());

  @Inject
  @ConfigProperty(name = "tribune.data.dir", defaultValue = "tribune-data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "tribune.media.storage", defaultValue = "file")
  String storage;

  @Inject
  @ConfigProperty(name = "tribune.media.max-pixels", defaultValue = "60000000")
  long maxPixels;

  @Inject
  @ConfigProperty(name = "tribune.media.max-bytes", defaultValue = "20971520")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "tribune.media.widths", defaultValue = "320,640,960,1280,1920")
  String widths;

  @Inject
  @ConfigProperty(name = "tribune.media.memory-cache-bytes", defaultValue = "16777216")
  long memoryCacheBytes;

  /**
   * Tests only: {@code host:port} pairs whose images may be fetched on private addresses (the
   * tests' stand-in for a site moving in, on 127.0.0.1). Empty in production.
   */
  @Inject
  @ConfigProperty(name = "tribune.media.allow-hosts")
  Optional<String> allowHosts;

  private volatile RemoteImages remote;

  private volatile MediaStore store;
  private volatile ImageProcessor processor;

  MediaStore store() {
    MediaStore current = store;
    if (current == null) {
      synchronized (this) {
        if (store == null) {
          store = open();
          LOG.info("Media library: files in " + store);
        }
        current = store;
      }
    }
    return current;
  }

  ImageProcessor processor() {
    ImageProcessor current = processor;
    if (current == null) {
      synchronized (this) {
        if (processor == null) {
          try {
            processor = new ImageProcessor(maxPixels, widthList(), workFolder());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        current = processor;
      }
    }
    return current;
  }

  /** Where uploads and derivatives wait before they are stored: under the data folder. */
  Path workFolder() throws IOException {
    return Files.createDirectories(dataFolder().resolve("media-work"));
  }

  long maxBytes() {
    return maxBytes;
  }

  /** Fetches images from other sites: 30 seconds and {@code max-bytes} each. */
  RemoteImages remote() {
    RemoteImages current = remote;
    if (current == null) {
      Set<String> allowed =
          Arrays.stream(allowHosts.orElse("").split(","))
              .map(s -> s.strip().toLowerCase(Locale.ROOT))
              .filter(s -> !s.isEmpty())
              .collect(Collectors.toUnmodifiableSet());
      current = new RemoteImages(allowed, maxBytes, Duration.ofSeconds(30));
      remote = current;
    }
    return current;
  }

  List<Integer> widthList() {
    List<Integer> list =
        Arrays.stream(widths.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(Integer::valueOf)
            .sorted()
            .distinct()
            .toList();
    if (list.isEmpty() || list.get(0) < 16 || list.get(list.size() - 1) > 8192) {
      throw new IllegalArgumentException(
          "tribune.media.widths: widths between 16 and 8192 pixels, comma-separated: " + widths);
    }
    return list;
  }

  private Path dataFolder() {
    return Path.of(dataDir.isBlank() ? "tribune-data" : dataDir).toAbsolutePath().normalize();
  }

  private MediaStore open() {
    try {
      return switch (storage.strip()) {
        case "file", "" -> new FileMediaStore(dataFolder().resolve("media"), memoryCacheBytes);
        case "s3" -> {
          S3MediaStore s3 = new S3MediaStore(S3Settings.fromConfig(ConfigProvider.getConfig()));
          s3.check();
          yield s3;
        }
        default ->
            throw new IllegalArgumentException(
                "tribune.media.storage must be file or s3, not " + storage);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("The media folder cannot be made under " + dataFolder(), e);
    }
  }

  @PreDestroy
  void close() {
    if (store instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Media library: the store did not close", e);
      }
    }
  }
}
