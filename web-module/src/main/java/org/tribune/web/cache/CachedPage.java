package org.tribune.web.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A rendered page, kept gzip-compressed once and sent as it is to every visitor whose browser takes
 * gzip (nearly all), without compressing again.
 *
 * <p>A page with a comment form holds a token made for each visitor, in the form and in each
 * comment's vote buttons. The page is compressed as one deflate stream in which every place of the
 * token is a <em>stored</em> block (the compressor switched to level 0 for it) holding zero bytes:
 * a visitor's answer is that stream with their token written over the zeros, and a gzip trailer
 * whose CRC is worked out from the kept one (CRC-32 is affine: the difference the token makes is
 * one multiplication, {@link Crc32}). HTML never holds a zero byte, so no back-reference of the
 * compressor can reach into those places, and what a visitor inflates is exactly the page with
 * their token. The stream is checked once, when it is built. Clients that do not take gzip (rare:
 * scripts, some bots) get the text inflated again.
 */
final class CachedPage {
  /** The ten bytes a gzip stream starts with: magic, deflate, no flags, no time, no extra, Unix. */
  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};

  private final byte[] gzip;
  private final int[] slots;
  private final int[] textSlots;
  private final int tokenLength;
  private final int crcOfZeros;
  private final int shifts;
  private final int zerosCrc;
  private final int textLength;
  private final long articleId;
  private final Long scope;
  private final String contentType;
  private final List<String[]> headers;
  private final String etag;
  private final long version;
  private final long began;

  private CachedPage(Builder about, Stream stream, String etag) {
    this.gzip = stream.bytes;
    this.slots = stream.slots;
    this.textSlots = stream.textSlots;
    this.tokenLength = stream.tokenLength;
    this.crcOfZeros = stream.crc;
    this.shifts = stream.shifts;
    this.zerosCrc = stream.zerosCrc;
    this.textLength = stream.textLength;
    this.articleId = about.articleId;
    this.scope = about.scope;
    this.contentType = about.contentType;
    this.headers = List.copyOf(about.headers);
    this.etag = etag;
    this.version = about.version;
    this.began = about.began;
  }

  /**
   * Compresses a page.
   *
   * @param text the page as sent
   * @param token the form token written in it, or {@code null}
   * @return the page, or {@code null} if it cannot be kept (its text holds zero bytes)
   */
  static CachedPage of(byte[] text, String token, Builder about) {
    byte[] needle =
        token == null || token.isEmpty() ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    List<Integer> places = needle.length == 0 ? List.of() : find(text, needle);
    byte[] zeroed = text.clone();
    for (int place : places) {
      Arrays.fill(zeroed, place, place + needle.length, (byte) 0);
    }
    for (int i = 0, p = 0; i < zeroed.length; i++) {
      // A zero byte of the page's own would be taken for a token's place.
      if (zeroed[i] == 0) {
        if (p < places.size() && i == places.get(p)) {
          i += needle.length - 1;
          p++;
        } else {
          return null;
        }
      }
    }
    Stream stream = Stream.compress(zeroed, places, needle.length);
    CachedPage page;
    CRC32 whole = new CRC32();
    whole.update(text);
    if (places.isEmpty()) {
      page = new CachedPage(about, stream, "\"" + hex(whole) + "-" + text.length + "\"");
    } else {
      // Weak: pages for two visitors differ by the token only.
      CRC32 rest = new CRC32();
      rest.update(zeroed);
      page = new CachedPage(about, stream, "W/\"" + hex(rest) + "-" + text.length + "\"");
    }
    return page.check(text, token) ? page : null;
  }

  private static String hex(CRC32 crc) {
    return Long.toHexString(crc.getValue());
  }

  private static List<Integer> find(byte[] text, byte[] needle) {
    List<Integer> places = new ArrayList<>();
    outer:
    for (int i = 0; i <= text.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (text[i + j] != needle[j]) {
          continue outer;
        }
      }
      places.add(i);
      i += needle.length - 1;
    }
    return places;
  }

  /** Whether the kept stream gives back the page as rendered (once, when it is built). */
  private boolean check(byte[] text, String token) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(gzip.length);
      writeGzip(out, token);
      byte[] written = out.toByteArray();
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(written))) {
        return Arrays.equals(text, in.readAllBytes());
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Whether the page holds a form token made for each visitor. */
  boolean personal() {
    return slots.length > 0;
  }

  /** The length every visitor's token must have to take the place of the page's. */
  int tokenLength() {
    return tokenLength;
  }

  /** The article whose form the token is for (when {@link #personal()}). */
  long articleId() {
    return articleId;
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
    return gzip.length + 4L * (slots.length + textSlots.length) + 300;
  }

  /**
   * Writes the page, gzip-compressed, with this token (of {@link #tokenLength()}) in its places.
   */
  void writeGzip(OutputStream out, String token) throws IOException {
    if (slots.length == 0) {
      out.write(gzip);
      return;
    }
    byte[] mine = tokenBytes(token);
    byte[] answer = gzip.clone();
    for (int slot : slots) {
      System.arraycopy(mine, 0, answer, slot, mine.length);
    }
    CRC32 crc = new CRC32();
    crc.update(mine);
    // The page's CRC with zeros in the token's places, plus what the token adds at each place.
    int linear = (int) crc.getValue() ^ zerosCrc;
    int total = crcOfZeros ^ Crc32.multiply(shifts, linear);
    int end = answer.length - 8;
    answer[end] = (byte) total;
    answer[end + 1] = (byte) (total >>> 8);
    answer[end + 2] = (byte) (total >>> 16);
    answer[end + 3] = (byte) (total >>> 24);
    out.write(answer);
  }

  /** Writes the page as text, with this token in its places. */
  void writeText(OutputStream out, String token) throws IOException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(gzip, GZIP_HEADER.length, gzip.length - GZIP_HEADER.length - 8);
      byte[] text = new byte[textLength];
      int done = 0;
      while (done < textLength) {
        int n = inflater.inflate(text, done, textLength - done);
        if (n == 0 && (inflater.needsInput() || inflater.finished())) {
          throw new IOException("A kept page is shorter than it was");
        }
        done += n;
      }
      if (textSlots.length > 0) {
        byte[] mine = tokenBytes(token);
        for (int place : textSlots) {
          System.arraycopy(mine, 0, text, place, mine.length);
        }
      }
      out.write(text);
    } catch (DataFormatException e) {
      throw new IOException("A kept page cannot be inflated", e);
    } finally {
      inflater.end();
    }
  }

  private byte[] tokenBytes(String token) {
    byte[] mine = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    if (mine.length != tokenLength) {
      throw new IllegalArgumentException(
          "A token of " + mine.length + " bytes for places of " + tokenLength);
    }
    return mine;
  }

  /** The compressed page and where its token goes. */
  private static final class Stream {
    byte[] bytes;
    int[] slots;
    int[] textSlots;
    int tokenLength;
    int crc;
    int shifts;
    int zerosCrc;
    int textLength;

    /** Compresses a text whose token places hold zeros, each place a stored block. */
    static Stream compress(byte[] zeroed, List<Integer> places, int tokenLength) {
      Stream stream = new Stream();
      ByteArrayOutputStream out = new ByteArrayOutputStream(zeroed.length / 4 + 64);
      out.write(GZIP_HEADER, 0, GZIP_HEADER.length);
      Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
      List<Integer> slots = new ArrayList<>();
      try {
        int from = 0;
        for (int place : places) {
          flush(deflater, zeroed, from, place - from, out);
          deflater.setLevel(Deflater.NO_COMPRESSION);
          flush(deflater, zeroed, 0, 0, out); // the new level applies from the next input
          int before = out.size();
          flush(deflater, zeroed, place, tokenLength, out);
          slots.add(before + storedData(out.toByteArray(), before, tokenLength));
          deflater.setLevel(Deflater.BEST_COMPRESSION);
          flush(deflater, zeroed, 0, 0, out);
          from = place + tokenLength;
        }
        deflater.setInput(zeroed, from, zeroed.length - from);
        deflater.finish();
        byte[] buffer = new byte[16 * 1024];
        while (!deflater.finished()) {
          out.write(buffer, 0, deflater.deflate(buffer));
        }
      } finally {
        deflater.end();
      }
      CRC32 crc = new CRC32();
      crc.update(zeroed);
      stream.crc = (int) crc.getValue();
      int length = zeroed.length;
      byte[] trailer = {
        (byte) stream.crc,
        (byte) (stream.crc >>> 8),
        (byte) (stream.crc >>> 16),
        (byte) (stream.crc >>> 24),
        (byte) length,
        (byte) (length >>> 8),
        (byte) (length >>> 16),
        (byte) (length >>> 24)
      };
      out.write(trailer, 0, trailer.length);
      stream.bytes = out.toByteArray();
      stream.slots = slots.stream().mapToInt(Integer::intValue).toArray();
      stream.textSlots = places.stream().mapToInt(Integer::intValue).toArray();
      stream.tokenLength = places.isEmpty() ? 0 : tokenLength;
      stream.textLength = length;
      int shifts = 0;
      for (int place : places) {
        shifts ^= Crc32.shift((long) length - place - tokenLength);
      }
      stream.shifts = shifts;
      CRC32 zeros = new CRC32();
      zeros.update(new byte[tokenLength]);
      stream.zerosCrc = (int) zeros.getValue();
      return stream;
    }

    /** Deflates a range and flushes it to a byte boundary. */
    private static void flush(
        Deflater deflater, byte[] input, int offset, int length, ByteArrayOutputStream out) {
      deflater.setInput(input, offset, length);
      byte[] buffer = new byte[16 * 1024];
      int written;
      do {
        written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        out.write(buffer, 0, written);
      } while (written == buffer.length || !deflater.needsInput());
    }

    /**
     * Where, from {@code from}, the stored block of a token's place puts its bytes: after its
     * length and the length's complement, on a run of zeros as long as the token.
     */
    private static int storedData(byte[] bytes, int from, int length) {
      for (int i = from; i + 4 + length <= bytes.length; i++) {
        if ((bytes[i] & 0xff) == (length & 0xff)
            && (bytes[i + 1] & 0xff) == (length >>> 8 & 0xff)
            && (bytes[i + 2] & 0xff) == (~length & 0xff)
            && (bytes[i + 3] & 0xff) == (~length >>> 8 & 0xff)
            && zeros(bytes, i + 4, length)) {
          return i + 4 - from;
        }
      }
      throw new IllegalStateException("No stored block for a token's place");
    }

    private static boolean zeros(byte[] bytes, int from, int length) {
      for (int i = from; i < from + length; i++) {
        if (bytes[i] != 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** What a page is, besides its text. */
  static final class Builder {
    long articleId;
    Long scope;
    String contentType;
    List<String[]> headers = List.of();
    long version;
    long began = System.nanoTime();
  }
}
