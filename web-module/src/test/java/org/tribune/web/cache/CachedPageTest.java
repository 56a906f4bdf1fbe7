package org.tribune.web.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CachedPageTest {
  private static final String TOKEN = "1764441600000." + "ab".repeat(32);

  @Test
  void combinedCrcIsTheCrcOfTheConcatenation() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      byte[] a = new byte[random.nextInt(3000)];
      byte[] b = new byte[round % 10 == 0 ? 0 : random.nextInt(100_000)];
      random.nextBytes(a);
      random.nextBytes(b);
      CRC32 whole = new CRC32();
      whole.update(a);
      whole.update(b);
      assertEquals(
          (int) whole.getValue(), Crc32.combine(crc(a), crc(b), b.length), "round " + round);
    }
  }

  @Test
  void aPageWithoutTokenIsOneOrdinaryGzipStream() throws IOException {
    byte[] text = page("<p>Bonjour 🌍 à tous</p>", "").getBytes(StandardCharsets.UTF_8);
    CachedPage page = CachedPage.of(text, null, new CachedPage.Builder());
    assertFalse(page.personal());
    byte[] gzip = gzip(page, null);
    assertArrayEquals(text, gunzip(gzip));
    assertEquals(gzip.length, page.gzipLength());
    assertTrue(page.etag().startsWith("\""), page.etag());
    assertArrayEquals(text, text(page, null));
  }

  @Test
  void eachVisitorGetsTheirOwnTokenInAValidStream() throws IOException {
    String template = page("<input name=\"form-token\" value=\"%s\"/>", "<p>Fin — 终</p>");
    byte[] text = template.replace("%s", TOKEN).getBytes(StandardCharsets.UTF_8);
    CachedPage page = CachedPage.of(text, TOKEN, new CachedPage.Builder());
    assertTrue(page.personal());
    assertEquals(TOKEN.length(), page.tokenLength());
    assertTrue(page.etag().startsWith("W/\""), page.etag());
    for (String other : new String[] {TOKEN, "1764441699999." + "cd".repeat(32), "9".repeat(78)}) {
      byte[] expected = template.replace("%s", other).getBytes(StandardCharsets.UTF_8);
      byte[] gzip = gzip(page, other);
      assertArrayEquals(expected, gunzip(gzip), other);
      assertEquals(gzip.length, page.gzipLength());
      byte[] plain = text(page, other);
      assertArrayEquals(expected, plain);
      assertEquals(plain.length, page.textLength());
    }
    assertThrows(IllegalArgumentException.class, () -> gzip(page, "1." + "ab".repeat(32)));
  }

  @Test
  void tokensAtTheEdgesAndInEveryCommentKeepTheCompressionOfTheWholePage() throws IOException {
    StringBuilder html = new StringBuilder("%s<ol>");
    for (int i = 0; i < 40; i++) {
      html.append("<li id=\"comment-")
          .append(i)
          .append("\"><p>La médiathèque ouvrira le dimanche, numéro ")
          .append(i)
          .append(
              ".</p><form method=\"post\"><input type=\"hidden\" name=\"form-token\" value=\"%s\"/>")
          .append("<button name=\"direction\" value=\"1\">Vote</button></form></li>\n");
    }
    html.append("</ol>").append("mot ".repeat(20_000)).append("%s%s");
    String template = html.toString();
    byte[] text = template.replace("%s", TOKEN).getBytes(StandardCharsets.UTF_8);
    CachedPage page = CachedPage.of(text, TOKEN, new CachedPage.Builder());
    String mine = "1764441600001." + "ef".repeat(32);
    assertArrayEquals(
        template.replace("%s", mine).getBytes(StandardCharsets.UTF_8), gunzip(gzip(page, mine)));
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (GZIPOutputStream out =
        new GZIPOutputStream(whole) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      out.write(text);
    }
    // Each token's place costs its own bytes and a few of framing, nothing more.
    long overhead = page.gzipLength() - whole.size();
    assertTrue(overhead < 43 * (TOKEN.length() + 20), () -> "overhead " + overhead);
  }

  @Test
  void aPageHoldingAZeroByteIsNotKept() {
    byte[] text = "<p>a\u0000b</p>".getBytes(StandardCharsets.UTF_8);
    assertNull(CachedPage.of(text, null, new CachedPage.Builder()));
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
    byte[] text = page(html.toString(), "").getBytes(StandardCharsets.UTF_8);
    CachedPage page = CachedPage.of(text, null, new CachedPage.Builder());
    assertTrue(page.gzipLength() < text.length / 8, page.gzipLength() + " of " + text.length);
    assertNotEquals(0, page.weight());
  }

  private static String page(String middle, String end) {
    return "<!DOCTYPE html><html lang=\"fr\"><body><h1>Titre</h1>"
        + middle
        + end
        + "</body></html>";
  }

  private static byte[] gzip(CachedPage page, String token) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    page.writeGzip(out, token);
    return out.toByteArray();
  }

  private static byte[] text(CachedPage page, String token) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    page.writeText(out, token);
    return out.toByteArray();
  }

  /** GZIPInputStream checks the trailer's CRC and length: a wrong one throws. */
  private static byte[] gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  private static int crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }
}
