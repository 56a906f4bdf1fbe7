package org.tribune.articles.internal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tribune.articles.api.MediaDescription;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRejectedException;
import org.tribune.articles.internal.ArticleTables;
import org.tribune.articles.internal.MediaRestore;

/**
 * The media library's part of a restore: an exported original is checked against its item's hash,
 * made into the site's widths by the upload's own processor, and stored as an upload's files are
 * ({@link DefaultMediaService}), except that the original is stored as given. An upload stores the
 * file the processor stripped of its metadata; the exported original is that file already, and its
 * hash is in every public address of the item (article bodies keep them in their HTML), so its
 * bytes must not change. The row takes the description, dates and id of the item, and what an
 * upload computes from the file ({@link LibraryImage}).
 */
@ApplicationScoped
public class LibraryRestore implements MediaRestore {
  @Inject MediaStorage storage;
  @Inject DefaultMediaService service;

  @Override
  public ArticleTables.MediaRow store(MediaItem item, Path original) throws IOException {
    return restore(storage.processor(), storage.store(), item, original);
  }

  /** The restore of one item with this processor and store: the container-free part. */
  static ArticleTables.MediaRow restore(
      ImageProcessor processor, MediaStore store, MediaItem item, Path original)
      throws IOException {
    String hash = ImageProcessor.sha256(original);
    if (!hash.equals(item.hash())) {
      throw new MediaRejectedException(
          MediaRejectedException.Reason.HASH_MISMATCH,
          "media item " + item.id() + ": the file's SHA-256 is " + hash + ", not " + item.hash());
    }
    ProcessedImage processed = processor.process(original);
    try {
      ProcessedImage restored =
          new ProcessedImage(
              processed.format(),
              item.hash(),
              processed.width(),
              processed.height(),
              Files.size(original),
              original,
              processed.derivatives());
      DefaultMediaService.store(store, restored);
      LibraryImage image =
          new LibraryImage(restored, item.originalName(), item.uploadedBy(), item.uploadedAt());
      image.describe(
          new MediaDescription(
              item.alt(), item.caption(), item.credit(), item.focalX(), item.focalY()),
          item.updatedAt());
      return image.toRow(item.id());
    } finally {
      // The processor's files only: the original given is its owner's.
      DefaultMediaService.clean(processed);
    }
  }

  @Override
  public void forgetCopies() {
    service.forgetKnownNames();
  }
}
