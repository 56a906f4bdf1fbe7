package org.tribune.web.cache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps what a page writes, to be compressed and sent by {@link PageCacheFilter} once it is
 * complete. Status, headers and cookies go to the real response as usual; the headers are noted
 * too, for the visitors the kept page will be served to (cookies are not: they are the visitor's).
 */
final class CapturingResponse extends HttpServletResponseWrapper {
  /**
   * Headers that are about this answer only, or that the filters set themselves. The policy
   * PrimeFaces adds to a Faces page carries a nonce for this answer only: a kept page, served to
   * everyone, must not repeat it (the public pages have no inline script; {@code
   * config.SecurityHeaders} gives every answer its policy).
   */
  private static final Set<String> NOT_KEPT =
      Set.of(
          "set-cookie",
          "content-length",
          "content-type",
          "content-encoding",
          "transfer-encoding",
          "date",
          "etag",
          "cache-control",
          "vary",
          "content-security-policy");

  private final ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
  private final List<String[]> headers = new ArrayList<>();
  private ServletOutputStream stream;
  private PrintWriter writer;
  private boolean diverted;

  CapturingResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (stream == null) {
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              body.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              body.write(b, off, len);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              throw new IllegalStateException("A page being kept is written synchronously");
            }
          };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer =
          new PrintWriter(
              new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())),
              false);
    }
    return writer;
  }

  @Override
  public void setHeader(String name, String value) {
    super.setHeader(name, value);
    note(name, value, true);
  }

  @Override
  public void addHeader(String name, String value) {
    super.addHeader(name, value);
    note(name, value, false);
  }

  private void note(String name, String value, boolean replace) {
    if (NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
      return;
    }
    if (replace) {
      headers.removeIf(h -> h[0].equalsIgnoreCase(name));
    }
    headers.add(new String[] {name, value});
  }

  @Override
  public void setContentLength(int len) {
    // The filter sets the length of what it sends.
  }

  @Override
  public void setContentLengthLong(long len) {
    // The filter sets the length of what it sends.
  }

  @Override
  public void flushBuffer() {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public boolean isCommitted() {
    return diverted && super.isCommitted();
  }

  @Override
  public void resetBuffer() {
    flushBuffer();
    body.reset();
  }

  @Override
  public void reset() {
    super.reset();
    headers.clear();
    writer = null;
    body.reset();
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    diverted = true;
    super.sendError(sc, msg);
  }

  @Override
  public void sendError(int sc) throws IOException {
    diverted = true;
    super.sendError(sc);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    diverted = true;
    super.sendRedirect(location);
  }

  /** Whether the page answered with an error or a redirect (written by the server, not here). */
  boolean diverted() {
    return diverted;
  }

  /** The page's bytes as written. */
  byte[] body() {
    if (writer != null) {
      writer.flush();
    }
    return body.toByteArray();
  }

  List<String[]> headers() {
    return List.copyOf(headers);
  }
}
