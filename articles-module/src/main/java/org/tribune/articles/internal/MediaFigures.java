package org.tribune.articles.internal;

import java.util.Optional;

/**
 * Where {@link BodyRenderer} finds the library's images that a Markdown body shows as figures
 * ({@code ![](media:42)}). Implemented by the media library ({@code internal.media}), which depends
 * on this package and not the other way round.
 */
public interface MediaFigures {
  /** No library: every {@code media:} reference renders nothing (unit tests, tools). */
  MediaFigures NONE = id -> Optional.empty();

  /**
   * The image as it is now, if it exists and may be shown (it has its text alternative); looked up
   * on every render of a body that refers to it, so it must be cheap.
   */
  Optional<Figure> figure(long id);

  /**
   * What a figure shows.
   *
   * @param src the rendition for browsers without {@code srcset}
   * @param srcset every rendition with its width ({@code /media/…-320.jpg 320w, …})
   * @param width the largest rendition's width, with {@code height} keeping the image's place
   * @param caption and {@code credit} may be blank
   */
  record Figure(
      String src,
      String srcset,
      int width,
      int height,
      String alt,
      String caption,
      String credit) {}
}
