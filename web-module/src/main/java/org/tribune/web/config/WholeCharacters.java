package org.tribune.web.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Works around a Payara 6 fault: the response writer encodes its 8 192-character buffer one chunk
 * at a time, so a character outside the Basic Multilingual Plane (an emoji: two UTF-16 units) cut
 * by a chunk boundary comes out as "??". Answers written in UTF-8 get a writer of our own instead,
 * a standard {@link OutputStreamWriter} over the response's byte stream, whose encoder keeps the
 * first half of a pair until the second one comes. Mapped in {@code web.xml} before every other
 * filter, so that it covers the pages, their forwards and the error pages.
 */
@WebFilter(filterName = "WholeCharacters")
public class WholeCharacters extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Utf8Response wrapped = new Utf8Response(response);
    try {
      chain.doFilter(request, wrapped);
    } finally {
      wrapped.flushWriter();
    }
  }

  /** A response whose UTF-8 writer is a standard encoder over the byte stream. */
  static final class Utf8Response extends HttpServletResponseWrapper {
    private PrintWriter writer;

    Utf8Response(HttpServletResponse response) {
      super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer != null) {
        return writer;
      }
      if (!StandardCharsets.UTF_8.name().equalsIgnoreCase(getCharacterEncoding())) {
        return super.getWriter();
      }
      writer =
          new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), false);
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
      // Whatever our writer still holds belongs to the discarded output.
      writer = null;
      super.resetBuffer();
    }

    @Override
    public void reset() {
      writer = null;
      super.reset();
    }

    void flushWriter() {
      if (writer != null) {
        writer.flush();
      }
    }
  }
}
