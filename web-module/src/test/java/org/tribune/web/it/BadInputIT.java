package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile addresses get a normal page, a redirect within the site, or the site's own
 * French 400 or 404 page: never a 500, the server's default error page, a stack trace, or a file
 * from {@code WEB-INF}. Requests are written on a socket as they are given, so that nothing between
 * the test and the server cleans the address up first.
 */
@ExtendWith(SharedTribune.class)
class BadInputIT {
  private static final Set<Integer> ACCEPTED = Set.of(200, 301, 302, 400, 404);

  /** A Java stack frame ("at org.example.Foo.bar(Foo.java:12)") or an exception class name. */
  private static final Pattern STACK_TRACE =
      Pattern.compile("(\\bat [\\w.$]+\\([\\w.]*(:\\d+)?\\))|\\w+(Exception|Error)\\b");

  private static final Map<Integer, String> FRENCH_HEADINGS =
      Map.of(400, "Requête invalide", 404, "Page introuvable");

  private static final Pattern FRENCH_PAGE = Pattern.compile("<html[^>]*\\slang=\"fr\"");

  private static final Pattern H1 = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL);

  static Stream<String> malformedPageNumbers() {
    Stream<String> numbers =
        Stream.of(
            "abc",
            "-1",
            "0",
            "00",
            "1e9",
            "1.5",
            "0x10",
            "+1",
            "%201",
            "99999999999999999999",
            "2147483648",
            "1000001",
            "999999",
            "%00",
            "1%00",
            "%EF%BC%91", // a full-width digit one
            "%D9%A1", // an Arabic-Indic digit one
            "9".repeat(4000),
            "1&page=2",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    List<String> lists =
        List.of(
            "/",
            "/sections/vie-locale",
            "/tags/sorties",
            "/authors/claire-dumont",
            "/archives/2026/11");
    return numbers.flatMap(n -> lists.stream().map(list -> list + "?page=" + n));
  }

  static Stream<String> weirdSlugs() {
    return Stream.of(
        "/articles/%2e%2e",
        "/articles/%2E%2E%2F%2E%2E%2FWEB-INF%2Fweb.xml",
        "/articles/..",
        "/articles/.",
        "/articles/<script>alert(1)</script>",
        "/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/articles/\"onmouseover=alert(1)",
        "/articles/" + "a".repeat(300),
        "/articles/" + "a-".repeat(2000) + "a",
        "/articles/" + "x".repeat(7000),
        "/articles/%C3%A9t%C3%A9-%C3%A0-paris",
        "/articles/été-à-paris",
        "/articles/%F0%9F%98%80",
        "/articles/%C3%28",
        "/articles/%FF%FE",
        "/articles/%C0%AE%C0%AE",
        "/articles/nope%00",
        "/articles/nope%0d%0aSet-Cookie:%20x=1",
        "/articles/a%2Fb",
        "/articles/a%5C..%5C..",
        "/articles/UPPER-CASE",
        "/articles/-leading-dash",
        "/articles/",
        "/sections/%2e%2e",
        "/tags/%00",
        "/authors/" + "b".repeat(5000),
        "/authors/claire-dumont/extra");
  }

  static Stream<String> wrongMonths() {
    return Stream.of(
        "/archives/0000/00",
        "/archives/2026/13",
        "/archives/2026/00",
        "/archives/0001/01",
        "/archives/1899/12",
        "/archives/9999/12",
        "/archives/2026/1",
        "/archives/20261/01",
        "/archives/-001/01",
        "/archives/%32%30%32%36/11",
        "/archives/2026/11/30",
        "/archives/1899",
        "/archives/3000",
        "/archives/0000",
        "/archives/20261",
        "/archives/");
  }

  static Stream<String> pathTricks() {
    return Stream.of(
        "/WEB-INF/web.xml",
        "/WEB-INF/views/home.xhtml",
        "/web-inf/web.xml",
        "/articles/../WEB-INF/web.xml",
        "/css/../WEB-INF/web.xml",
        "/css/..%2FWEB-INF%2Fweb.xml",
        "/css/%2e%2e/WEB-INF/web.xml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/;/WEB-INF/web.xml",
        "/css;x=1/../WEB-INF/web.xml",
        "/home.xhtml",
        "/WEB-INF/templates/public.xhtml",
        "/index.xhtml",
        "/jakarta.faces.resource/../WEB-INF/web.xml.xhtml",
        "/articles/le-marche;jsessionid=ABC",
        "//articles",
        "///evil.example/",
        "//evil.example/%2e%2e",
        "/\\evil.example",
        "/%5Cevil.example",
        "/share/mastodon?instance=%00",
        "/share/mastodon?instance=javascript:alert(1)",
        "/share/mastodon?instance=%3Cscript%3E&text=%3Cscript%3E",
        "/share/mastodon?text=" + "%C3%A9".repeat(3000),
        "/?" + "a=1&".repeat(2000),
        "/%",
        "/%zz",
        "/articles/%");
  }

  @ParameterizedTest
  @MethodSource("malformedPageNumbers")
  void malformedPageNumbersGetAPageOrTheFrenchError(String path, TribuneServer server)
      throws IOException {
    assertAnsweredPolitely(server, path);
  }

  @ParameterizedTest
  @MethodSource("weirdSlugs")
  void weirdSlugsGetTheFrenchNotFoundPage(String path, TribuneServer server) throws IOException {
    assertAnsweredPolitely(server, path);
  }

  @ParameterizedTest
  @MethodSource("wrongMonths")
  void monthsThatDoNotExistGetTheFrenchNotFoundPage(String path, TribuneServer server)
      throws IOException {
    Answer answer = assertAnsweredPolitely(server, path);
    assertEquals(404, answer.status(), () -> path + " answers " + answer.status());
  }

  @ParameterizedTest
  @MethodSource("pathTricks")
  void pathTricksNeitherLeakFilesNorFail(String path, TribuneServer server) throws IOException {
    assertAnsweredPolitely(server, path);
  }

  /** The checks every answer must pass; returns it for more. */
  private static Answer assertAnsweredPolitely(TribuneServer server, String path)
      throws IOException {
    Answer answer = get(server, path);
    String shown =
        (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " (" + answer.status() + ")";
    String body = answer.body();
    assertAll(
        () ->
            assertTrue(
                ACCEPTED.contains(answer.status()),
                () -> shown + " is not an expected status:\n" + excerpt(body)),
        () -> assertFalse(STACK_TRACE.matcher(body).find(), () -> shown + " shows a stack trace"),
        () ->
            assertFalse(
                body.contains("Payara") || body.contains("HTTP Status") || body.contains("Grizzly"),
                () -> shown + " shows the server's own error page:\n" + excerpt(body)),
        () ->
            assertFalse(
                body.contains("<web-app") || body.contains("<ui:composition"),
                () -> shown + " shows a file of WEB-INF"),
        () ->
            assertFalse(
                answer.headers().containsKey("set-cookie"),
                () -> shown + " sets a cookie: " + answer.headers().get("set-cookie")));
    if (answer.isFromTheConnector()) {
      return answer;
    }
    if (answer.status() == 301 || answer.status() == 302) {
      String location = answer.headers().getOrDefault("location", "");
      assertTrue(
          location.startsWith("/") && !location.startsWith("//")
              || location.startsWith("http://127.0.0.1:"),
          () -> shown + " redirects out of the site, to " + location);
      return answer;
    }
    assertTrue(
        FRENCH_PAGE.matcher(body).find(), () -> shown + " is not a French page:\n" + excerpt(body));
    String heading = FRENCH_HEADINGS.get(answer.status());
    if (heading != null) {
      Matcher h1 = H1.matcher(body);
      assertTrue(
          h1.find() && h1.group(1).strip().equals(heading),
          () -> shown + " is not the site's error page:\n" + excerpt(body));
    }
    return answer;
  }

  private record Answer(int status, Map<String, String> headers, String body) {
    /**
     * Whether Payara's HTTP connector answered by itself, before any application saw the request:
     * it does so, with an empty body, for addresses it cannot decode (an encoded NUL, "..", "\\" or
     * invalid UTF-8: 400 "Invalid URI"; a lone "%": an empty 200) and request lines longer than its
     * buffer (400). The WAR cannot put its page there; the answer must still be neither a 5xx nor
     * anything but empty.
     */
    boolean isFromTheConnector() {
      return body.isEmpty() && (status == 400 || status == 200);
    }
  }

  /** One GET written as is on a new connection; the answer read to its end. */
  private static Answer get(TribuneServer server, String path) throws IOException {
    int port = server.uri("/").getPort();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nAccept: text/html\r\nAccept-Language: fr\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Answer parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("Not an HTTP answer: " + excerpt(text));
    }
    List<String> lines = text.substring(0, end).lines().toList();
    int status = Integer.parseInt(lines.get(0).split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      headers.merge(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip(),
          (a, b) -> a + ", " + b);
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(chunked);
    while (true) {
      StringBuilder size = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          return out.toByteArray();
        }
        size.append((char) c);
      }
      int length = Integer.parseInt(size.toString().strip().split(";")[0], 16);
      if (length == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(length));
      in.readNBytes(2);
    }
  }

  private static String excerpt(String body) {
    return body.length() > 1500 ? body.substring(0, 1500) + "…" : body;
  }
}
