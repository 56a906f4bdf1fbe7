package org.tribune.articles.internal.media;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.tribune.articles.api.MediaRejectedException;
import org.tribune.articles.api.MediaRejectedException.Reason;

/**
 * Tells an upload's format from its first bytes, whatever its name or declared type say. Only
 * {@link ImageFormat}'s formats pass; SVG (which may carry scripts), other image formats and
 * anything else are refused with their own reason.
 */
final class ContentSniffer {

  /** How much of the file (or of a gzip'd file, once inflated) is looked at. */
  private static final int HEAD = 64 * 1024;

  /** ISO base media brands of HEIF and AVIF still images. */
  private static final Set<String> HEIF_BRANDS =
      Set.of(
          "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "mif2",
          "avif", "avis", "avio");

  /** BITMAPINFOHEADER sizes of the BMP versions. */
  private static final Set<Integer> BMP_HEADER_SIZES = Set.of(12, 16, 40, 52, 56, 64, 108, 124);

  private ContentSniffer() {}

  static ImageFormat sniff(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD);
    }
    if (head.length == 0) {
      throw new MediaRejectedException(Reason.EMPTY, "empty file");
    }
    if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
      return ImageFormat.JPEG;
    }
    if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return ImageFormat.PNG;
    }
    if (ascii(head, 0, 6).equals("GIF87a") || ascii(head, 0, 6).equals("GIF89a")) {
      return ImageFormat.GIF;
    }
    if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
      return ImageFormat.WEBP;
    }
    String unsupported = otherImageFormat(head);
    if (unsupported != null) {
      throw new MediaRejectedException(
          Reason.UNSUPPORTED_FORMAT, "image format not taken: " + unsupported);
    }
    if (startsWith(head, 0, 0x1F, 0x8B)) {
      if (looksLikeSvg(gunzipHead(file))) {
        throw new MediaRejectedException(Reason.SVG, "gzip'd SVG drawing (svgz)");
      }
      throw new MediaRejectedException(Reason.NOT_AN_IMAGE, "gzip'd file, not an image");
    }
    if (looksLikeSvg(head)) {
      throw new MediaRejectedException(Reason.SVG, "SVG drawing");
    }
    throw new MediaRejectedException(Reason.NOT_AN_IMAGE, "not an image");
  }

  /** The name of a recognised image format the library does not take, or null. */
  private static String otherImageFormat(byte[] h) {
    if (ascii(h, 0, 2).equals("BM") && h.length >= 18 && BMP_HEADER_SIZES.contains(le32(h, 14))) {
      return "BMP";
    }
    if (startsWith(h, 0, 'I', 'I', 0x2A, 0x00)
        || startsWith(h, 0, 'M', 'M', 0x00, 0x2A)
        || startsWith(h, 0, 'I', 'I', 0x2B, 0x00)
        || startsWith(h, 0, 'M', 'M', 0x00, 0x2B)) {
      return "TIFF";
    }
    if (ascii(h, 4, 4).equals("ftyp") && h.length >= 16) {
      int boxSize = Math.min(h.length, Math.max(16, be32(h, 0)));
      for (int brand = 8; brand + 4 <= boxSize; brand += 4) {
        if (brand == 12) {
          continue; // the minor version, not a brand
        }
        if (HEIF_BRANDS.contains(ascii(h, brand, 4))) {
          return "HEIF/AVIF";
        }
      }
      return null; // an MP4 or another ISO media file: not an image
    }
    if (h.length >= 6
        && h[0] == 0
        && h[1] == 0
        && (h[2] == 1 || h[2] == 2)
        && h[3] == 0
        && (h[4] != 0 || h[5] != 0)) {
      return "ICO";
    }
    if (ascii(h, 0, 4).equals("8BPS")) {
      return "PSD";
    }
    if (startsWith(h, 0, 0xFF, 0x0A)
        || startsWith(h, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A)) {
      return "JPEG XL";
    }
    if (startsWith(h, 0, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ') || startsWith(h, 0, 0xFF, 0x4F, 0xFF)) {
      return "JPEG 2000";
    }
    if (ascii(h, 0, 4).equals("qoif")) {
      return "QOI";
    }
    return null;
  }

  /**
   * Whether a text (UTF-8 or UTF-16, with or without a byte order mark, an XML prolog, a doctype or
   * comments before) is an SVG drawing: markup that names an {@code <svg} element.
   */
  static boolean looksLikeSvg(byte[] head) {
    String text;
    if (startsWith(head, 0, 0xFE, 0xFF)) {
      text = new String(head, 2, head.length - 2, UTF_16BE);
    } else if (startsWith(head, 0, 0xFF, 0xFE)) {
      text = new String(head, 2, head.length - 2, UTF_16LE);
    } else if (startsWith(head, 0, 0, '<')) {
      text = new String(head, UTF_16BE);
    } else if (startsWith(head, 0, '<', 0)) {
      text = new String(head, UTF_16LE);
    } else {
      int start = startsWith(head, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
      text = new String(head, start, head.length - start, ISO_8859_1);
    }
    String lower = text.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("<") && lower.contains("<svg");
  }

  private static byte[] gunzipHead(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      byte[] buffer = new byte[HEAD];
      int n = 0;
      try {
        int read;
        while (n < HEAD && (read = in.read(buffer, n, HEAD - n)) > 0) {
          n += read;
        }
      } catch (IOException damagedGzip) {
        // what was inflated before the damage is enough to tell
      }
      return Arrays.copyOf(buffer, n);
    } catch (IOException notGzip) {
      return new byte[0];
    }
  }

  private static boolean startsWith(byte[] h, int offset, int... bytes) {
    if (h.length < offset + bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((h[offset + i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] h, int offset, int length) {
    return h.length < offset + length ? "" : new String(h, offset, length, ISO_8859_1);
  }

  private static int le32(byte[] h, int o) {
    return (h[o] & 0xFF)
        | (h[o + 1] & 0xFF) << 8
        | (h[o + 2] & 0xFF) << 16
        | (h[o + 3] & 0xFF) << 24;
  }

  private static int be32(byte[] h, int o) {
    return (h[o] & 0xFF) << 24
        | (h[o + 1] & 0xFF) << 16
        | (h[o + 2] & 0xFF) << 8
        | (h[o + 3] & 0xFF);
  }
}
