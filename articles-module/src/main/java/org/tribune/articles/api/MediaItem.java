package org.tribune.articles.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An image of the media library, as the console and the pages show it.
 *
 * @param hash names the file's content (SHA-256 of the stored original, metadata removed); part of
 *     every public address, so a replaced file has new addresses
 * @param contentType of the stored original ({@code image/jpeg}, {@code image/png}…)
 * @param bytes size of the stored original
 * @param width width of the original, as shown (after its EXIF orientation)
 * @param alt the text alternative; blank while nobody wrote it, and then the image cannot be put in
 *     an article
 * @param credit the photographer or agency, « AFP / Jean Dupont », shown after « Crédit : »
 * @param focalX the point to keep when the image is cropped, from 0 (left) to 1, or {@code null}
 * @param renditions the widths it is served in, narrowest first, never wider than the original
 */
public record MediaItem(
    long id,
    String hash,
    String originalName,
    String contentType,
    long bytes,
    int width,
    int height,
    String alt,
    String caption,
    String credit,
    Double focalX,
    Double focalY,
    String uploadedBy,
    Instant uploadedAt,
    Instant updatedAt,
    List<MediaRendition> renditions)
    implements Serializable {

  public MediaItem {
    renditions = List.copyOf(renditions);
  }

  /** Whether it may be shown in an article: it has its text alternative. */
  public boolean usable() {
    return alt != null && !alt.isBlank();
  }

  /** The narrowest rendition at least {@code width} pixels wide, else the widest. */
  public MediaRendition atLeast(int width) {
    for (MediaRendition rendition : renditions) {
      if (rendition.width() >= width) {
        return rendition;
      }
    }
    return renditions.get(renditions.size() - 1);
  }

  /** The widest rendition. */
  public MediaRendition largest() {
    return renditions.get(renditions.size() - 1);
  }

  /** The {@code srcset} attribute's value: every rendition with its width. */
  public String srcset() {
    return renditions.stream()
        .map(r -> r.path() + " " + r.width() + "w")
        .collect(Collectors.joining(", "));
  }

  /** The CSS {@code object-position} of the focal point, {@code 50% 50%} without one. */
  public String objectPosition() {
    if (focalX == null || focalY == null) {
      return "50% 50%";
    }
    return Math.round(focalX * 100) + "% " + Math.round(focalY * 100) + "%";
  }
}
