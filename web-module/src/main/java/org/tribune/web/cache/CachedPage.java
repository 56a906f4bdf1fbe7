package org.tribune.web.cache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.tribune.web.site.HttpCaching;

/**
 * A rendered page, kept gzip-compressed once and sent as it is to every visitor whose browser takes
 * gzip (nearly all), without compressing again. The page is the same for every anonymous reader,
 * byte for byte (no form token, no cookie: see {@code VisitorCookies.ownPage}), so its validator is
 * strong and any HTTP cache may keep it too. Clients that do not take gzip (rare: scripts, some
 * bots) get the text inflated again.
 */
final class CachedPage {
  private final byte[] gzip;
  private final int textLength;
  private final Long scope;
  private final String contentType;
  private final List<String[]> headers;
  private final String etag;
  private final long version;
  private final long began;
  private final String cacheControl;

  private CachedPage(Builder about, byte[] gzip, int textLength, String etag) {
    this.gzip = gzip;
    this.textLength = textLength;
    this.scope = about.scope;
    this.contentType = about.contentType;
    this.headers = List.copyOf(about.headers);
    this.etag = etag;
    this.version = about.version;
    this.began = about.began;
    this.cacheControl = about.cacheControl;
  }

  /** Compresses a page (the text as sent), at the best level: it is compressed once. */
  static CachedPage of(byte[] text, Builder about) {
    CRC32 crc = new CRC32();
    crc.update(text);
    return new CachedPage(
        about,
        HttpCaching.gzip(text),
        text.length,
        "\"" + Long.toHexString(crc.getValue()) + "-" + text.length + "\"");
  }

  /**
   * The article whose page (or discussion page) this is, or {@code null} for any other page (home,
   * listings), which shows something of every article.
   */
  Long scope() {
    return scope;
  }

  String contentType() {
    return contentType;
  }

  List<String[]> headers() {
    return headers;
  }

  String etag() {
    return etag;
  }

  long version() {
    return version;
  }

  /** When its rendering began ({@link System#nanoTime()}): it shows the site as it was then. */
  long began() {
    return began;
  }

  /**
   * The {@code Cache-Control} of an answer that is the same for every visitor whatever their
   * cookies (a discussion's state), or {@code null} for a page, whose header depends on the visitor
   * ({@link PageCacheFilter}).
   */
  String cacheControl() {
    return cacheControl;
  }

  /** The number of bytes {@link #writeGzip} writes. */
  long gzipLength() {
    return gzip.length;
  }

  /** The number of bytes {@link #writeText} writes. */
  long textLength() {
    return textLength;
  }

  /** The bytes the page takes in memory. */
  long weight() {
    return gzip.length + 300L;
  }

  /** Writes the page, gzip-compressed. */
  void writeGzip(OutputStream out) throws IOException {
    out.write(gzip);
  }

  /** Writes the page as text. */
  void writeText(OutputStream out) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      in.transferTo(out);
    }
  }

  /** What a page is, besides its text. */
  static final class Builder {
    Long scope;
    String contentType;
    List<String[]> headers = List.of();
    long version;
    long began = System.nanoTime();
    String cacheControl;
  }
}
