package org.tribune.articles.internal.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribune.articles.api.MediaFetchException;
import org.tribune.articles.api.MediaFetchException.Reason;

/** Fetching another site's files: a local HTTP server plays the site. */
class RemoteImagesTest {
  private static final byte[] FILE = "pas une image, mais des octets".getBytes();
  private static HttpServer server;
  private static String allowed;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/file",
        exchange -> {
          exchange.sendResponseHeaders(200, FILE.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(FILE);
          }
        });
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/file");
          exchange.sendResponseHeaders(301, -1);
          exchange.close();
        });
    server.createContext(
        "/loop",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/loop");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/big",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write(new byte[1024]);
            }
          } catch (IOException e) {
            // The client stopped reading: expected.
          }
        });
    server.createContext(
        "/slow",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(1);
            out.flush();
            Thread.sleep(3_000);
          } catch (IOException | InterruptedException e) {
            // The client gave up: expected.
          }
        });
    server.createContext(
        "/gone",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    allowed = "127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static URI at(String path) {
    return URI.create("http://" + allowed + path);
  }

  private static RemoteImages remote() {
    return new RemoteImages(Set.of(allowed), 10_000, Duration.ofSeconds(1));
  }

  private static Reason refusal(RemoteImages remote, URI uri) {
    return assertThrows(MediaFetchException.class, () -> remote.download(uri)).reason();
  }

  @Test
  void aFileOfAnAllowedHostIsFetchedFollowingARedirect() throws IOException {
    for (String path : new String[] {"/file", "/moved"}) {
      Path file = remote().download(at(path));
      try {
        assertArrayEquals(FILE, Files.readAllBytes(file));
      } finally {
        Files.delete(file);
      }
    }
  }

  @Test
  void eachFailureHasItsReasonAndLeavesNoFile() throws IOException {
    long before = temporaryFiles();
    RemoteImages remote = remote();
    assertEquals(Reason.STATUS, refusal(remote, at("/gone")));
    assertEquals(
        404, assertThrows(MediaFetchException.class, () -> remote.download(at("/gone"))).status());
    assertEquals(Reason.REDIRECTS, refusal(remote, at("/loop")));
    assertEquals(Reason.TOO_LARGE, refusal(remote, at("/big")));
    assertEquals(Reason.TIMEOUT, refusal(remote, at("/slow")));
    assertEquals(before, temporaryFiles(), "no temporary file left behind");
  }

  @Test
  void privateAddressesAndOtherSchemesAreRefusedUnlessTheTestsAllowedThem() {
    RemoteImages strict = new RemoteImages(Set.of(), 10_000, Duration.ofSeconds(1));
    assertEquals(Reason.ADDRESS_REFUSED, refusal(strict, at("/file")));
    assertEquals(Reason.ADDRESS_REFUSED, refusal(strict, URI.create("http://localhost/x.jpg")));
    assertEquals(
        Reason.ADDRESS_REFUSED, refusal(strict, URI.create("http://169.254.169.254/latest")));
    assertEquals(Reason.ADDRESS_REFUSED, refusal(strict, URI.create("http://[::1]/x.jpg")));
    assertEquals(Reason.ADDRESS_REFUSED, refusal(strict, URI.create("file:///etc/passwd")));
    assertEquals(Reason.ADDRESS_REFUSED, refusal(strict, URI.create("ftp://example.org/x.jpg")));
    assertEquals(
        Reason.ADDRESS_REFUSED, refusal(strict, URI.create("http://user:pw@" + allowed + "/file")));
    assertEquals(Reason.UNREACHABLE, refusal(strict, URI.create("http://nowhere.invalid/x.jpg")));
  }

  private static long temporaryFiles() throws IOException {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("tribune-fetch-")).count();
    }
  }
}
