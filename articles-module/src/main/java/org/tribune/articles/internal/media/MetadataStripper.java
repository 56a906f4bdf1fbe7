package org.tribune.articles.internal.media;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;
import org.tribune.articles.api.MediaRejectedException;
import org.tribune.articles.api.MediaRejectedException.Reason;

/**
 * Copies an image without its metadata, at the byte level: the compressed pixels are copied as they
 * are (no re-encoding, no decoding, whatever the image's size), only the containers' metadata
 * segments, chunks or blocks are left out, and nothing after the image's end is copied (which also
 * drops an HTML or script polyglot appended to it). Checks the structure on the way: a file that
 * ends early, or a PNG chunk whose CRC is wrong, is {@link Reason#DAMAGED}.
 *
 * <ul>
 *   <li>JPEG: keeps APP0 JFIF (without its thumbnail), APP2 ICC_PROFILE and APP14 Adobe (colour),
 *       drops every other APPn (Exif, XMP, IPTC/Photoshop, JFXX thumbnails…) and COM. When the EXIF
 *       orientation is not 1 an APP1 holding only the Orientation tag is written back, so that the
 *       original still shows upright.
 *   <li>PNG: keeps the critical chunks and those about colour or pixel size (IHDR, PLTE, IDAT,
 *       IEND, tRNS, gAMA, cHRM, sRGB, iCCP, sBIT, pHYs); an eXIf holding only the orientation is
 *       written back when it is not 1. APNG's animation chunks go: the original shows its default
 *       image.
 *   <li>GIF: keeps the images, their graphic control extensions (delay, transparency) and the
 *       NETSCAPE2.0 loop extension; drops comments, plain text and other application extensions
 *       (XMP).
 *   <li>WebP: drops the EXIF and XMP chunks (and unknown ones), clears their VP8X flags and writes
 *       the RIFF size anew. The orientation is not written back (browsers ignore it in WebP).
 * </ul>
 */
final class MetadataStripper {

  private static final Set<String> PNG_KEPT =
      Set.of(
          "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs");
  private static final Set<String> WEBP_KEPT =
      Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ICCP", "ANIM", "ANMF");

  private MetadataStripper() {}

  /**
   * Writes {@code in} without its metadata to {@code out}.
   *
   * @param orientation the EXIF orientation (1–8) read from the upload, written back for JPEG and
   *     PNG when not 1
   */
  static void strip(ImageFormat format, Path in, Path out, int orientation) throws IOException {
    try (ByteReader reader = new ByteReader(Files.newInputStream(in));
        ByteWriter writer = new ByteWriter(Files.newOutputStream(out))) {
      switch (format) {
        case JPEG -> jpeg(reader, writer, orientation);
        case PNG -> png(reader, writer, orientation);
        case GIF -> gif(reader, writer);
        case WEBP -> webp(reader, writer);
      }
    } catch (EOFException e) {
      throw damaged("the " + format + " data ends early");
    }
    if (format == ImageFormat.WEBP) {
      try (FileChannel channel = FileChannel.open(out, StandardOpenOption.WRITE)) {
        ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        size.putInt(0, (int) (channel.size() - 8));
        channel.write(size, 4);
      }
    }
  }

  // --- JPEG

  private static void jpeg(ByteReader in, ByteWriter out, int orientation) throws IOException {
    if (in.read() != 0xFF || in.read() != 0xD8) {
      throw damaged("no JPEG start of image");
    }
    out.write(0xFF);
    out.write(0xD8);
    boolean exifPending = orientation != 1;
    int marker = in.nextMarker();
    while (true) {
      if (marker == 0xD9) { // EOI: anything after it is dropped
        out.write(0xFF);
        out.write(0xD9);
        return;
      }
      if (marker == 0xD8) {
        throw damaged("a second JPEG start of image");
      }
      if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) { // standalone markers
        out.write(0xFF);
        out.write(marker);
        marker = in.nextMarker();
        continue;
      }
      int length = in.readU16();
      if (length < 2) {
        throw damaged("JPEG segment length " + length);
      }
      byte[] payload = in.readFully(length - 2);
      boolean jfif = marker == 0xE0 && startsWith(payload, "JFIF\0") && payload.length >= 14;
      if (jfif && payload.length > 14) { // a thumbnail: it may show what the image was cropped of
        payload = Arrays.copyOf(payload, 14);
        payload[12] = 0;
        payload[13] = 0;
        length = 16;
      }
      boolean kept =
          (marker < 0xE0 || marker > 0xEF) && marker != 0xFE
              || jfif
              || marker == 0xE2 && startsWith(payload, "ICC_PROFILE\0")
              || marker == 0xEE && startsWith(payload, "Adobe");
      if (kept) {
        if (exifPending && !jfif) {
          out.write(exifSegment(orientation));
          exifPending = false;
        }
        out.write(0xFF);
        out.write(marker);
        out.writeU16(length);
        out.write(payload);
        if (exifPending) { // right after JFIF, as the Exif specification wants it
          out.write(exifSegment(orientation));
          exifPending = false;
        }
      }
      marker = marker == 0xDA ? copyEntropyCodedData(in, out) : in.nextMarker();
    }
  }

  /** Copies a scan's data (stuffed bytes and restart markers included); returns the next marker. */
  private static int copyEntropyCodedData(ByteReader in, ByteWriter out) throws IOException {
    while (true) {
      in.copyUntilFF(out);
      in.read(); // the 0xFF
      int next = in.read();
      while (next == 0xFF) {
        next = in.read();
      }
      if (next < 0) {
        throw new EOFException();
      }
      if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
        out.write(0xFF);
        out.write(next);
      } else {
        return next;
      }
    }
  }

  private static byte[] exifSegment(int orientation) {
    byte[] tiff = tiffWithOrientation(orientation);
    ByteBuffer segment = ByteBuffer.allocate(4 + 6 + tiff.length);
    segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
    segment.put("Exif\0\0".getBytes(ISO_8859_1)).put(tiff);
    return segment.array();
  }

  /** A big-endian TIFF structure with one IFD holding one tag: Orientation. */
  static byte[] tiffWithOrientation(int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1); // one entry
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT, one value
    tiff.putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0); // no next IFD
    return tiff.array();
  }

  // --- PNG

  private static void png(ByteReader in, ByteWriter out, int orientation) throws IOException {
    byte[] signature = in.readFully(8);
    out.write(signature);
    boolean exifPending = orientation != 1;
    boolean first = true;
    while (true) {
      long length = in.readU32();
      if (length > Integer.MAX_VALUE) {
        throw damaged("PNG chunk length " + length);
      }
      byte[] type = in.readFully(4);
      String name = new String(type, ISO_8859_1);
      if (first && !name.equals("IHDR")) {
        throw damaged("the PNG does not start with IHDR");
      }
      first = false;
      boolean kept = PNG_KEPT.contains(name);
      if (exifPending && name.equals("IDAT")) {
        writePngChunk(out, "eXIf", tiffWithOrientation(orientation));
        exifPending = false;
      }
      CRC32 crc = new CRC32();
      crc.update(type);
      if (kept) {
        out.writeU32(length);
        out.write(type);
      }
      in.copy(length, kept ? out : null, crc);
      long stored = in.readU32();
      if (stored != crc.getValue()) {
        throw damaged("PNG chunk " + name + " has a wrong CRC");
      }
      if (kept) {
        out.writeU32(stored);
      }
      if (name.equals("IEND")) {
        return;
      }
    }
  }

  private static void writePngChunk(ByteWriter out, String name, byte[] data) throws IOException {
    byte[] type = name.getBytes(ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(data);
    out.writeU32(data.length);
    out.write(type);
    out.write(data);
    out.writeU32(crc.getValue());
  }

  // --- GIF

  private static void gif(ByteReader in, ByteWriter out) throws IOException {
    out.write(in.readFully(6)); // GIF87a / GIF89a
    byte[] screen = in.readFully(7);
    out.write(screen);
    if ((screen[4] & 0x80) != 0) {
      out.write(in.readFully(3 * (1 << ((screen[4] & 7) + 1))));
    }
    int images = 0;
    while (true) {
      int block = in.read();
      switch (block) {
        case 0x2C -> { // an image
          out.write(block);
          byte[] descriptor = in.readFully(9);
          out.write(descriptor);
          if ((descriptor[8] & 0x80) != 0) {
            out.write(in.readFully(3 * (1 << ((descriptor[8] & 7) + 1))));
          }
          out.write(in.readFully(1)); // LZW minimum code size
          subBlocks(in, out);
          images++;
        }
        case 0x21 -> { // an extension
          int label = in.readByte();
          if (label == 0xF9) { // graphic control: delay, disposal, transparent colour
            out.write(0x21);
            out.write(label);
            subBlocks(in, out);
          } else if (label == 0xFF) {
            int size = in.readByte();
            byte[] identifier = in.readFully(size);
            if (size == 11 && startsWith(identifier, "NETSCAPE2.0")) {
              out.write(0x21);
              out.write(label);
              out.write(size);
              out.write(identifier);
              subBlocks(in, out);
            } else {
              subBlocks(in, null);
            }
          } else { // comment, plain text, unknown
            subBlocks(in, null);
          }
        }
        case 0x3B -> { // trailer: anything after it is dropped
          out.write(block);
          return;
        }
        case -1 -> {
          if (images == 0) {
            throw new EOFException();
          }
          out.write(0x3B); // a GIF that ends cleanly without its trailer
          return;
        }
        default -> throw damaged("GIF block " + block);
      }
    }
  }

  private static void subBlocks(ByteReader in, ByteWriter out) throws IOException {
    while (true) {
      int size = in.readByte();
      if (out != null) {
        out.write(size);
      }
      if (size == 0) {
        return;
      }
      in.copy(size, out, null);
    }
  }

  // --- WebP

  private static void webp(ByteReader in, ByteWriter out) throws IOException {
    byte[] header = in.readFully(12);
    long riffEnd =
        8 + (ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL);
    out.write(header); // its size is written anew at the end
    long position = 12;
    while (position < riffEnd) {
      if (riffEnd - position < 8) {
        throw damaged("a WebP chunk header beyond the RIFF end");
      }
      byte[] fourcc = in.readFully(4);
      long size = in.readU32LittleEndian();
      String name = new String(fourcc, ISO_8859_1);
      if (position + 8 + size > riffEnd) {
        throw damaged("WebP chunk " + name + " beyond the RIFF end");
      }
      boolean kept = WEBP_KEPT.contains(name);
      if (kept) {
        out.write(fourcc);
        out.writeU32LittleEndian(size);
      }
      if (name.equals("VP8X") && size >= 1) {
        int flags = in.readByte() & ~0x0C; // no EXIF (0x08), no XMP (0x04)
        out.write(flags);
        in.copy(size - 1, out, null);
      } else {
        in.copy(size, kept ? out : null, null);
      }
      position += 8 + size;
      if ((size & 1) == 1) {
        if (position < riffEnd) {
          in.readByte();
          position++;
        }
        if (kept) {
          out.write(0);
        }
      }
    }
  }

  // --- helpers

  private static boolean startsWith(byte[] data, String prefix) {
    if (data.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (data[i] != (byte) prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static MediaRejectedException damaged(String message) {
    return new MediaRejectedException(Reason.DAMAGED, message);
  }

  /**
   * A buffered input without the locks of {@link java.io.BufferedInputStream}: a 10 MB JPEG's scan
   * data is looked at byte by byte for markers.
   */
  private static final class ByteReader implements AutoCloseable {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    ByteReader(InputStream in) {
      this.in = in;
    }

    private boolean fill() throws IOException {
      if (position < limit) {
        return true;
      }
      int n = in.read(buffer);
      if (n <= 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    }

    /** The next byte, or -1 at the end. */
    int read() throws IOException {
      return fill() ? buffer[position++] & 0xFF : -1;
    }

    /** The next byte; the end is an {@link EOFException}. */
    int readByte() throws IOException {
      int b = read();
      if (b < 0) {
        throw new EOFException();
      }
      return b;
    }

    int readU16() throws IOException {
      return readByte() << 8 | readByte();
    }

    long readU32() throws IOException {
      return (long) readU16() << 16 | readU16();
    }

    long readU32LittleEndian() throws IOException {
      return readByte() | readByte() << 8 | readByte() << 16 | (long) readByte() << 24;
    }

    byte[] readFully(int length) throws IOException {
      byte[] bytes = new byte[length];
      int done = 0;
      while (done < length) {
        if (!fill()) {
          throw new EOFException();
        }
        int n = Math.min(length - done, limit - position);
        System.arraycopy(buffer, position, bytes, done, n);
        position += n;
        done += n;
      }
      return bytes;
    }

    /** Copies (or skips, when {@code out} is null) {@code length} bytes, updating {@code crc}. */
    void copy(long length, ByteWriter out, CRC32 crc) throws IOException {
      long left = length;
      while (left > 0) {
        if (!fill()) {
          throw new EOFException();
        }
        int n = (int) Math.min(left, limit - position);
        if (out != null) {
          out.write(buffer, position, n);
        }
        if (crc != null) {
          crc.update(buffer, position, n);
        }
        position += n;
        left -= n;
      }
    }

    /** Copies the bytes before the next 0xFF, which is left unread. */
    void copyUntilFF(ByteWriter out) throws IOException {
      while (fill()) {
        int start = position;
        while (position < limit && buffer[position] != (byte) 0xFF) {
          position++;
        }
        out.write(buffer, start, position - start);
        if (position < limit) {
          return;
        }
      }
      throw new EOFException();
    }

    /** Skips to the next marker (past any stray bytes and fill 0xFFs) and returns its code. */
    int nextMarker() throws IOException {
      int b = readByte();
      while (b != 0xFF) {
        b = readByte();
      }
      while (b == 0xFF) {
        b = readByte();
      }
      return b;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** A buffered output without the locks of {@link java.io.BufferedOutputStream}. */
  private static final class ByteWriter implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int count;

    ByteWriter(OutputStream out) {
      this.out = out;
    }

    void write(int b) throws IOException {
      if (count == buffer.length) {
        flush();
      }
      buffer[count++] = (byte) b;
    }

    void write(byte[] bytes) throws IOException {
      write(bytes, 0, bytes.length);
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
      if (length > buffer.length - count) {
        flush();
        if (length > buffer.length) {
          out.write(bytes, offset, length);
          return;
        }
      }
      System.arraycopy(bytes, offset, buffer, count, length);
      count += length;
    }

    void writeU16(int value) throws IOException {
      write(value >>> 8 & 0xFF);
      write(value & 0xFF);
    }

    void writeU32(long value) throws IOException {
      writeU16((int) (value >>> 16 & 0xFFFF));
      writeU16((int) (value & 0xFFFF));
    }

    void writeU32LittleEndian(long value) throws IOException {
      write((int) (value & 0xFF));
      write((int) (value >>> 8 & 0xFF));
      write((int) (value >>> 16 & 0xFF));
      write((int) (value >>> 24 & 0xFF));
    }

    private void flush() throws IOException {
      out.write(buffer, 0, count);
      count = 0;
    }

    @Override
    public void close() throws IOException {
      try {
        flush();
      } finally {
        out.close();
      }
    }
  }
}
