package org.tribune.web.site;

/**
 * The two request headers every cached answer reads: {@code Accept-Encoding} (may it be sent
 * gzipped?) and {@code If-None-Match} (does the client have it already?). Used by the page cache
 * and the static files alike.
 */
public final class HttpCaching {
  private HttpCaching() {}

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
