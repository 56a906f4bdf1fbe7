package org.tribune.web.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class CachedPageTest {
  @Test
  void aPageIsOneOrdinaryGzipStreamAndItsTextWithAStrongTag() throws IOException {
    byte[] text = page("<p>Bonjour 🌍 à tous</p>").getBytes(StandardCharsets.UTF_8);
    CachedPage page = CachedPage.of(text, new CachedPage.Builder());
    byte[] gzip = gzip(page);
    assertArrayEquals(text, gunzip(gzip));
    assertEquals(gzip.length, page.gzipLength());
    assertEquals(text.length, page.textLength());
    assertTrue(page.etag().matches("\"[0-9a-f]{1,8}-" + text.length + "\""), page.etag());
    assertArrayEquals(text, text(page));
  }

  @Test
  void theSameTextGivesTheSameBytesAndTagAndAnotherTextAnotherTag() throws IOException {
    byte[] text = page("<p>Le marché couvert rouvre samedi.</p>").getBytes(StandardCharsets.UTF_8);
    CachedPage one = CachedPage.of(text, new CachedPage.Builder());
    CachedPage two = CachedPage.of(text.clone(), new CachedPage.Builder());
    assertArrayEquals(gzip(one), gzip(two), "every reader gets the same bytes");
    assertEquals(one.etag(), two.etag());
    byte[] other =
        page("<p>Le marché couvert rouvre dimanche.</p>").getBytes(StandardCharsets.UTF_8);
    assertNotEquals(one.etag(), CachedPage.of(other, new CachedPage.Builder()).etag());
  }

  @Test
  void pagesCompressWell() throws IOException {
    StringBuilder html = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      html.append("<li class=\"comment\" id=\"comment-")
          .append(i)
          .append("\"><p>Le conseil municipal a voté le budget du théâtre, numéro ")
          .append(i)
          .append(".</p></li>\n");
    }
    byte[] text = page(html.toString()).getBytes(StandardCharsets.UTF_8);
    CachedPage page = CachedPage.of(text, new CachedPage.Builder());
    assertTrue(page.gzipLength() < text.length / 8, page.gzipLength() + " of " + text.length);
    assertNotEquals(0, page.weight());
  }

  private static String page(String middle) {
    return "<!DOCTYPE html><html lang=\"fr\"><body><h1>Titre</h1>" + middle + "</body></html>";
  }

  private static byte[] gzip(CachedPage page) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    page.writeGzip(out);
    return out.toByteArray();
  }

  private static byte[] text(CachedPage page) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    page.writeText(out);
    return out.toByteArray();
  }

  /** GZIPInputStream checks the trailer's CRC and length: a wrong one throws. */
  private static byte[] gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }
}
