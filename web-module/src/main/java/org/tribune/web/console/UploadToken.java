package org.tribune.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The console uploads' protection against cross-site requests (imports, media): a random token kept
 * in the staff member's session, printed in the import page, sent back with the file (a header for
 * the script, a form field without it). An upload is not a Faces form, so Faces' view state cannot
 * do this.
 */
public final class UploadToken {
  public static final String ATTRIBUTE = "tribune.upload-token";
  public static final String HEADER = "X-Tribune-Token";
  public static final String FIELD = "token";
  private static final SecureRandom RANDOM = new SecureRandom();

  private UploadToken() {}

  /** This session's token, made on first use. */
  public static String of(HttpServletRequest request) {
    HttpSession session = request.getSession();
    synchronized (session) {
      Object token = session.getAttribute(ATTRIBUTE);
      if (token instanceof String value) {
        return value;
      }
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      String value = HexFormat.of().formatHex(bytes);
      session.setAttribute(ATTRIBUTE, value);
      return value;
    }
  }

  public static boolean matches(HttpServletRequest request, String given) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(ATTRIBUTE);
    return token instanceof String expected
        && given != null
        && MessageDigest.isEqual(
            expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * A short text field of a multipart upload form (the token, a format, an id), or null when it is
   * missing or longer than 200 bytes.
   */
  public static String field(HttpServletRequest request, String name)
      throws java.io.IOException, jakarta.servlet.ServletException {
    jakarta.servlet.http.Part part = request.getPart(name);
    if (part == null || part.getSize() > 200) {
      return null;
    }
    return new String(
        part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
