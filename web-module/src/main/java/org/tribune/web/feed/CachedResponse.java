package org.tribune.web.feed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Sends a small generated document that caches may keep five minutes, with an {@code ETag} (a hash
 * of the bytes) and, when known, {@code Last-Modified}; answers 304 Not Modified to a conditional
 * request for the same document, and only the headers to {@code HEAD}. Feed readers poll often:
 * most polls then cost no body.
 */
final class CachedResponse {
  static final String CACHE_CONTROL = "public, max-age=300";

  private CachedResponse() {}

  /**
   * @param contentType the media type with its charset
   * @param lastModified when the content last changed, or {@code null} if unknown
   */
  static void send(
      HttpServletRequest request,
      HttpServletResponse response,
      String contentType,
      byte[] body,
      Instant lastModified)
      throws IOException {
    String etag = etag(body);
    response.setHeader("Cache-Control", CACHE_CONTROL);
    response.setHeader("ETag", etag);
    if (lastModified != null) {
      response.setDateHeader("Last-Modified", lastModified.toEpochMilli());
    }
    if (isNotModified(
        request.getHeader("If-None-Match"), ifModifiedSince(request), etag, lastModified)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(contentType);
    response.setContentLength(body.length);
    // Since Servlet 6 the default doHead runs doGet and leaves dropping the body to the server;
    // Payara Micro's HTTP/2 (h2c) connector sends it anyway.
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }

  /**
   * Whether a GET with these conditions may be answered 304 (RFC 9110, 13.1.2–13.1.3): when the
   * client sends {@code If-None-Match}, only the tags count; else the dates, to the second.
   *
   * @param ifModifiedSince the header's instant in milliseconds, or -1 when absent
   */
  static boolean isNotModified(
      String ifNoneMatch, long ifModifiedSince, String etag, Instant lastModified) {
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String candidate = tag.strip();
        if (candidate.startsWith("W/")) {
          candidate = candidate.substring(2);
        }
        if (candidate.equals("*") || candidate.equals(etag)) {
          return true;
        }
      }
      return false;
    }
    return ifModifiedSince >= 0
        && lastModified != null
        && lastModified.truncatedTo(ChronoUnit.SECONDS).toEpochMilli() <= ifModifiedSince;
  }

  /** A strong entity tag for these bytes. */
  static String etag(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static long ifModifiedSince(HttpServletRequest request) {
    try {
      return request.getDateHeader("If-Modified-Since");
    } catch (IllegalArgumentException e) {
      // Not a date: RFC 9110 says to ignore the header.
      return -1;
    }
  }
}
