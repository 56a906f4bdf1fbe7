package org.tribune.articles.api;

import java.io.IOException;

/**
 * An image another site serves that could not be fetched ({@link MediaService#fetch}): nothing is
 * stored. {@link #reason()} says why, for a report in the site's language; {@link #status()} is the
 * HTTP status when the site answered with another one than 200.
 */
public class MediaFetchException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why an image could not be fetched. */
  public enum Reason {
    /** Not http(s), or the host resolves to an address the server must not reach (SSRF). */
    ADDRESS_REFUSED,
    /** The site answered another status than 200 (after at most three redirects). */
    STATUS,
    /** Too many redirects. */
    REDIRECTS,
    /** Larger than {@code tribune.media.max-bytes}: stopped at that size. */
    TOO_LARGE,
    /** The whole answer took longer than the time allowed. */
    TIMEOUT,
    /** The host is unknown, refused the connection, or it broke. */
    UNREACHABLE
  }

  private final Reason reason;
  private final int status;

  public MediaFetchException(Reason reason, int status, String message) {
    super(message);
    this.reason = reason;
    this.status = status;
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status for {@link Reason#STATUS}, else 0. */
  public int status() {
    return status;
  }
}
