package org.tribune.articles.api;

/**
 * An uploaded file the media library refuses: nothing of it is stored. {@link #reason()} says why,
 * for a message in the uploader's language; the exception's own message is for logs.
 */
public class MediaRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a file is refused. */
  public enum Reason {
    /** Nothing was sent, or an empty file. */
    EMPTY,
    /** Larger than {@code tribune.media.max-bytes}. */
    TOO_LARGE,
    /** Its content is not an image, whatever its name or declared type says. */
    NOT_AN_IMAGE,
    /** An SVG drawing (it may carry scripts). */
    SVG,
    /** An image in a format the library does not take (JPEG, PNG, GIF and WebP only). */
    UNSUPPORTED_FORMAT,
    /** The image's data ends early or is damaged. */
    DAMAGED,
    /** More pixels than {@code tribune.media.max-pixels}: refused before decoding. */
    TOO_MANY_PIXELS,
    /**
     * A restored item's file is not the one it was exported with (another SHA-256): its public
     * addresses, which name the hash, would serve other content ({@link
     * ArticleRestoreService#restoreMedia}).
     */
    HASH_MISMATCH
  }

  private final Reason reason;

  public MediaRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public MediaRejectedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
