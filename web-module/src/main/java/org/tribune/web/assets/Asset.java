package org.tribune.web.assets;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One static file, as read at start-up: its site path ({@code /css/site.css}), its fingerprinted
 * address ({@code /assets/site.3f2a1c9b0d.css}), its media type, its bytes and, when gzip makes it
 * smaller, its gzip twin (else {@code null}). The entity tags differ per encoding, as RFC 9110 asks
 * of two representations.
 */
public final class Asset {
  private final String path;
  private final String address;
  private final String contentType;
  private final byte[] bytes;
  private final byte[] gzipped;
  private final String hash;

  Asset(
      String path, String address, String contentType, byte[] bytes, byte[] gzipped, String hash) {
    this.path = path;
    this.address = address;
    this.contentType = contentType;
    this.bytes = bytes.clone();
    this.gzipped = gzipped == null ? null : gzipped.clone();
    this.hash = hash;
  }

  public String path() {
    return path;
  }

  public String address() {
    return address;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** The gzip twin, or {@code null} when compressing would not make the file smaller. */
  public byte[] gzipped() {
    return gzipped == null ? null : gzipped.clone();
  }

  public boolean hasGzip() {
    return gzipped != null;
  }

  int length(boolean gzip) {
    return gzip ? gzipped.length : bytes.length;
  }

  /** Writes the chosen representation without copying it. */
  void writeTo(OutputStream out, boolean gzip) throws IOException {
    out.write(gzip ? gzipped : bytes);
  }

  /** The strong entity tag of one representation. */
  public String etag(boolean gzip) {
    return '"' + hash + (gzip ? "-gzip\"" : "\"");
  }

  @Override
  public String toString() {
    return path
        + " -> "
        + address
        + " ("
        + bytes.length
        + " B"
        + (gzipped == null ? "" : ", gzip " + gzipped.length + " B")
        + ")";
  }
}
