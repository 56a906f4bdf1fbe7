package org.tribune.web.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The two request headers every cached answer reads: {@code Accept-Encoding} (may it be sent
 * gzipped?) and {@code If-None-Match} (does the client have it already?), and the compression of
 * what is sent gzipped. Used by the page cache and the static files alike.
 */
public final class HttpCaching {
  private HttpCaching() {}

  /**
   * The bytes gzip-compressed at the best level, for what is compressed once and sent many times
   * (kept pages, static files).
   */
  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing to memory does not fail", e);
    }
    return out.toByteArray();
  }

  /**
   * Whether {@code Accept-Encoding} accepts gzip: listed (or {@code *}) without {@code q=0} (RFC
   * 9110, 12.5.3).
   */
  public static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    boolean star = false;
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.trim().split(";");
      String coding = pieces[0].trim();
      boolean refused = false;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].replace(" ", "");
        if (parameter.matches("(?i)q=0(\\.0{0,3})?")) {
          refused = true;
        }
      }
      if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
        return !refused;
      }
      if (coding.equals("*")) {
        star = !refused;
      }
    }
    return star;
  }

  /**
   * Whether an {@code If-None-Match} value names one of these tags, by the weak comparison RFC 9110
   * (13.1.2) prescribes for this header: {@code W/} is ignored on both sides.
   */
  public static boolean ifNoneMatch(String header, String... etags) {
    if (header == null) {
      return false;
    }
    for (String candidate : header.split(",")) {
      String tag = opaque(candidate.strip());
      if (tag.equals("*")) {
        return true;
      }
      for (String etag : etags) {
        if (tag.equals(opaque(etag))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
