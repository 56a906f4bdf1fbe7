package org.tribune.web.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A rendered page, kept gzip-compressed once and served as it is to every visitor whose browser
 * takes gzip (nearly all), without compressing again.
 *
 * <p>A page with a comment form holds a token made for each visitor. The text is cut at the token
 * into pieces, each compressed on its own and ended on a byte boundary ({@link
 * Deflater#SYNC_FLUSH}, as gzip streams may be); a visitor's answer is the pieces with their own
 * token between them as stored (uncompressed) deflate blocks, and a gzip trailer whose CRC is
 * combined from the pieces' ({@link Crc32#combine}). Any gzip reader reads one ordinary stream.
 * Clients that do not take gzip (rare: scripts, some bots) get the text inflated again.
 */
final class CachedPage {
  /** The ten bytes a gzip stream starts with: magic, deflate, no flags, no time, no extra, Unix. */
  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};

  private final byte[][] compressed;
  private final int[] crcs;
  private final int[] lengths;
  private final long textLength;
  private final boolean personal;
  private final long articleId;
  private final String contentType;
  private final List<String[]> headers;
  private final String etag;
  private final long version;

  private CachedPage(Builder b, byte[][] compressed, int[] crcs, int[] lengths, String etag) {
    this.compressed = compressed;
    this.crcs = crcs;
    this.lengths = lengths;
    long total = 0;
    for (int length : lengths) {
      total += length;
    }
    this.textLength = total;
    this.personal = compressed.length > 1;
    this.articleId = b.articleId;
    this.contentType = b.contentType;
    this.headers = List.copyOf(b.headers);
    this.etag = etag;
    this.version = b.version;
  }

  /**
   * Compresses a page.
   *
   * @param text the page as sent
   * @param token the form token written in it, or {@code null}: where it occurs the text is cut
   */
  static CachedPage of(byte[] text, String token, Builder about) {
    List<byte[]> pieces = split(text, token);
    int n = pieces.size();
    byte[][] compressed = new byte[n][];
    int[] crcs = new int[n];
    int[] lengths = new int[n];
    CRC32 whole = new CRC32();
    for (int i = 0; i < n; i++) {
      byte[] piece = pieces.get(i);
      compressed[i] = deflate(piece, i == 0, i == n - 1);
      CRC32 crc = new CRC32();
      crc.update(piece);
      crcs[i] = (int) crc.getValue();
      lengths[i] = piece.length;
      whole.update(piece);
    }
    // Weak: pages with a token differ by the token only, which the visitor's copy already holds.
    String etag =
        (n > 1 ? "W/\"" : "\"") + Long.toHexString(whole.getValue()) + "-" + text.length + "\"";
    return new CachedPage(about, compressed, crcs, lengths, etag);
  }

  private static List<byte[]> split(byte[] text, String token) {
    if (token == null || token.isEmpty()) {
      return List.of(text);
    }
    byte[] needle = token.getBytes(StandardCharsets.UTF_8);
    java.util.ArrayList<byte[]> pieces = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length - needle.length; i++) {
      if (matches(text, i, needle)) {
        pieces.add(java.util.Arrays.copyOfRange(text, start, i));
        start = i + needle.length;
        i = start - 1;
      }
    }
    pieces.add(java.util.Arrays.copyOfRange(text, start, text.length));
    return pieces;
  }

  private static boolean matches(byte[] text, int at, byte[] needle) {
    for (int j = 0; j < needle.length; j++) {
      if (text[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] deflate(byte[] piece, boolean first, boolean last) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(piece.length / 4 + 64);
      if (first) {
        out.write(GZIP_HEADER, 0, GZIP_HEADER.length);
      }
      deflater.setInput(piece);
      byte[] buffer = new byte[16 * 1024];
      if (last) {
        deflater.finish();
        while (!deflater.finished()) {
          out.write(buffer, 0, deflater.deflate(buffer));
        }
      } else {
        // SYNC_FLUSH until a call leaves room in the buffer: all input is out, byte-aligned.
        int written;
        do {
          written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
          out.write(buffer, 0, written);
        } while (written == buffer.length);
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** Whether the page holds a form token made for each visitor. */
  boolean personal() {
    return personal;
  }

  /** The article whose form the token is for (when {@link #personal()}). */
  long articleId() {
    return articleId;
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

  /** The number of bytes {@link #writeGzip} writes with a token of this length. */
  long gzipLength(int tokenLength) {
    long length = 0;
    for (byte[] piece : compressed) {
      length += piece.length;
    }
    return length + (long) (compressed.length - 1) * (5 + tokenLength) + 8;
  }

  /** Writes the page, gzip-compressed, with this token where the original had its own. */
  void writeGzip(OutputStream out, String token) throws IOException {
    byte[] tokenBytes = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    int tokenCrc = crc(tokenBytes);
    int crc = crcs[0];
    out.write(compressed[0]);
    for (int i = 1; i < compressed.length; i++) {
      int length = tokenBytes.length;
      // A stored block that is not the last: BFINAL 0, BTYPE 00, then LEN and its complement.
      out.write(
          new byte[] {
            0, (byte) length, (byte) (length >>> 8), (byte) ~length, (byte) (~length >>> 8)
          });
      out.write(tokenBytes);
      out.write(compressed[i]);
      crc = Crc32.combine(crc, tokenCrc, length);
      crc = Crc32.combine(crc, crcs[i], lengths[i]);
    }
    long size = textLength + (long) (compressed.length - 1) * tokenBytes.length;
    out.write(littleEndian(crc));
    out.write(littleEndian((int) size));
  }

  /** Writes the page as text, with this token where the original had its own. */
  void writeText(OutputStream out, String token) throws IOException {
    byte[] tokenBytes = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < compressed.length; i++) {
      if (i > 0) {
        out.write(tokenBytes);
      }
      out.write(inflate(compressed[i], i == 0 ? GZIP_HEADER.length : 0, lengths[i]));
    }
  }

  /** The number of bytes {@link #writeText} writes with a token of this length. */
  long textLength(int tokenLength) {
    return textLength + (long) (compressed.length - 1) * tokenLength;
  }

  private static byte[] inflate(byte[] piece, int offset, int length) throws IOException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(piece, offset, piece.length - offset);
      byte[] text = new byte[length];
      int done = 0;
      while (done < length) {
        int n = inflater.inflate(text, done, length - done);
        if (n == 0 && (inflater.needsInput() || inflater.finished())) {
          throw new IOException("A cached page is shorter than it was");
        }
        done += n;
      }
      return text;
    } catch (DataFormatException e) {
      throw new IOException("A cached page cannot be inflated", e);
    } finally {
      inflater.end();
    }
  }

  private static int crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  private static byte[] littleEndian(int value) {
    return new byte[] {
      (byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)
    };
  }

  /** The bytes the page takes in memory. */
  long weight() {
    long weight = 200;
    for (byte[] piece : compressed) {
      weight += piece.length + 16;
    }
    return weight;
  }

  /** What a page is, besides its text. */
  static final class Builder {
    long articleId;
    String contentType;
    List<String[]> headers = List.of();
    long version;
  }
}
