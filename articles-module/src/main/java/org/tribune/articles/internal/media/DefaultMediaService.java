package org.tribune.articles.internal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tribune.articles.api.MediaDescription;
import org.tribune.articles.api.MediaFile;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaPage;
import org.tribune.articles.api.MediaRejectedException;
import org.tribune.articles.api.MediaService;
import org.tribune.articles.api.MediaUse;

/**
 * The media library. An upload is checked and processed (decoded once, oriented, stripped of its
 * metadata, made into the site's widths) outside any transaction, its files stored, then its row
 * written; a replaced or deleted item's files go once no other item has the same content.
 */
@ApplicationScoped
public class DefaultMediaService implements MediaService {
  /** A rendition's public name: the hash of the original, the width, the derivatives' format. */
  private static final Pattern NAME = Pattern.compile("([0-9a-f]{64})-([0-9]{1,5})\\.(jpg|png)");

  private static final int KNOWN_NAMES = 10_000;

  @Inject MediaStorage storage;
  @Inject MediaRecords records;

  private final Clock clock = Clock.systemUTC();

  /**
   * Names checked against the library, so that serving a rendition asks the database once. An item
   * deleted since is still refused: its files are gone from the store. Read by every request for an
   * image, so without a lock; when full, it starts again (the names come back one query each).
   */
  private final Set<String> knownNames = ConcurrentHashMap.newKeySet();

  @Override
  public MediaItem upload(Path file, String originalName, String uploadedBy) throws IOException {
    ProcessedImage image = process(file);
    try {
      store(image);
      return records.insert(image, originalName, uploadedBy, clock.instant()).toRecord();
    } finally {
      clean(image);
    }
  }

  @Override
  public MediaItem fetch(URI address, String originalName, String uploadedBy) throws IOException {
    Path file = storage.remote().download(address);
    try {
      return upload(file, originalName, uploadedBy);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Override
  public MediaItem replaceFile(long id, Path file, String originalName) throws IOException {
    ProcessedImage image = process(file);
    try {
      store(image);
      Optional<MediaRecords.Former> former =
          records.takeFile(id, image, originalName, clock.instant());
      if (former.isEmpty()) {
        throw new IllegalArgumentException("No media item with id " + id);
      }
      if (!former.get().hash().equals(image.sha256())) {
        forgetFiles(former.get());
      }
      return records.find(id).orElseThrow();
    } finally {
      clean(image);
    }
  }

  @Override
  public MediaItem describe(long id, MediaDescription description) {
    return records
        .describe(id, description, clock.instant())
        .orElseThrow(() -> new IllegalArgumentException("No media item with id " + id));
  }

  @Override
  public Optional<MediaItem> find(long id) {
    return records.find(id);
  }

  @Override
  public Map<Long, MediaItem> find(Collection<Long> ids) {
    return records.find(ids).stream().collect(Collectors.toMap(MediaItem::id, Function.identity()));
  }

  @Override
  public MediaPage search(String text, int page, int size) {
    return records.search(text, page, size);
  }

  @Override
  public List<MediaItem> after(long afterId, int size) {
    return records.after(afterId, size);
  }

  @Override
  public List<MediaUse> uses(long id) {
    return records.uses(id);
  }

  @Override
  public void delete(long id, boolean evenIfUsed) throws IOException {
    Optional<MediaRecords.Former> former = records.delete(id, evenIfUsed);
    if (former.isPresent()) {
      forgetFiles(former.get());
    }
  }

  @Override
  public Optional<MediaFile> open(String name) throws IOException {
    Matcher matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    if (!knownNames.contains(name)) {
      if (!records.hasRendition(matcher.group(1), name)) {
        return Optional.empty();
      }
      if (knownNames.size() >= KNOWN_NAMES) {
        knownNames.clear();
      }
      knownNames.add(name);
    }
    String type = matcher.group(3).equals("png") ? "image/png" : "image/jpeg";
    return storage
        .store()
        .open("derived/" + name)
        .map(o -> new MediaFile(o.content(), o.length(), type, "\"" + name + "\""));
  }

  @Override
  public Optional<MediaFile> original(long id) throws IOException {
    Optional<MediaItem> item = records.find(id);
    if (item.isEmpty()) {
      return Optional.empty();
    }
    ImageFormat format = ImageFormat.ofContentType(item.get().contentType());
    String key = LibraryImage.originalKey(item.get().hash(), format);
    return storage
        .store()
        .open(key)
        .map(
            o ->
                new MediaFile(
                    o.content(),
                    o.length(),
                    format.contentType(),
                    "\"" + item.get().hash() + "\""));
  }

  /**
   * Forgets the names checked against the library: after a restore, a name the former content had
   * may have no item any more, while its file is still in the store.
   */
  void forgetKnownNames() {
    knownNames.clear();
  }

  private ProcessedImage process(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      throw new MediaRejectedException(MediaRejectedException.Reason.EMPTY, "empty file");
    }
    if (size > storage.maxBytes()) {
      throw new MediaRejectedException(
          MediaRejectedException.Reason.TOO_LARGE, size + " bytes > " + storage.maxBytes());
    }
    return storage.processor().process(file);
  }

  private void store(ProcessedImage image) throws IOException {
    store(storage.store(), image);
  }

  /**
   * Stores the derivatives first, the original last: an item is written once all are there. Under
   * the image's hash, whatever file {@code image.original()} is (a restore stores the exported
   * one).
   */
  static void store(MediaStore store, ProcessedImage image) throws IOException {
    for (Derivative d : image.derivatives()) {
      store.put(
          "derived/" + image.sha256() + "-" + d.width() + "." + d.extension(),
          d.file(),
          d.contentType());
    }
    store.put(
        LibraryImage.originalKey(image.sha256(), image.format()),
        image.original(),
        image.format().contentType());
  }

  private void forgetFiles(MediaRecords.Former former) throws IOException {
    if (records.hashInUse(former.hash())) {
      return;
    }
    MediaStore store = storage.store();
    for (String key : former.derivedKeys()) {
      store.delete(key);
    }
    store.delete(LibraryImage.originalKey(former.hash(), former.format()));
    knownNames.removeIf(name -> name.startsWith(former.hash()));
  }

  /** Deletes the processor's temporary files. */
  static void clean(ProcessedImage image) throws IOException {
    Files.deleteIfExists(image.original());
    for (Derivative d : image.derivatives()) {
      Files.deleteIfExists(d.file());
    }
  }
}
