package org.tribune.articles.internal.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One width of an image made for the site: re-encoded from pixels, so it holds no metadata.
 *
 * @param contentType {@code image/jpeg}, or {@code image/png} for an image with transparency
 * @param extension {@code jpg} or {@code png}, without the dot
 * @param file a temporary file the caller stores and then deletes
 * @param bytes the file's size
 */
public record Derivative(
    int width, int height, String contentType, String extension, Path file, long bytes) {

  public Derivative {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("empty derivative: " + width + "x" + height);
    }
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(file, "file");
  }
}
