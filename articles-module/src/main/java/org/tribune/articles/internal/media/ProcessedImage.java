package org.tribune.articles.internal.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the media library stores of an accepted upload.
 *
 * @param format the format of the upload, found from its content
 * @param sha256 lower-case hex SHA-256 of {@code original}'s bytes (the stripped file, not the
 *     upload)
 * @param width the width as displayed, EXIF orientation applied
 * @param height the height as displayed, EXIF orientation applied
 * @param bytes the size of {@code original}
 * @param original the upload stripped of its metadata at the byte level (pixels untouched), a
 *     temporary file the caller stores and then deletes
 * @param derivatives the widths made for the site, ascending by width, never empty
 */
public record ProcessedImage(
    ImageFormat format,
    String sha256,
    int width,
    int height,
    long bytes,
    Path original,
    List<Derivative> derivatives) {

  public ProcessedImage {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(original, "original");
    derivatives = List.copyOf(derivatives);
    if (derivatives.isEmpty()) {
      throw new IllegalArgumentException("an image has at least one derivative");
    }
  }
}
