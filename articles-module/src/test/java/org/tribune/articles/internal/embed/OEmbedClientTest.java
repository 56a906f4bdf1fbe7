package org.tribune.articles.internal.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a fake oEmbed provider on 127.0.0.1, reachable over http only because the test
 * allows its {@code host:port} (the test-only {@code tribune.embeds.allow-hosts}).
 */
class OEmbedClientTest {
  private static final String ANSWER =
      "{\"type\":\"rich\",\"version\":\"1.0\",\"author_name\":\"Alice\","
          + "\"html\":\"<blockquote><p>Bonjour &amp; bienvenue</p>"
          + "<a href=\\\"https://x\\\">4 mars 2024</a></blockquote>\"}";
  private HttpServer server;
  private String base;
  private Set<String> allowed;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestURI().toString());
          String path = exchange.getRequestURI().getPath();
          switch (path) {
            case "/api/oembed" -> send(exchange, 200, ANSWER);
            case "/hop" -> redirect(exchange, "/api/oembed");
            case "/loop" -> redirect(exchange, "/loop");
            case "/away" -> redirect(exchange, "http://127.0.0.2:" + port() + "/api/oembed");
            case "/https-loopback" -> redirect(exchange, "https://localhost/api/oembed");
            case "/large" -> send(exchange, 200, "[" + "1,".repeat(200_000) + "1]");
            case "/slow" -> {
              sleep(2000);
              send(exchange, 200, ANSWER);
            }
            default -> send(exchange, 404, "{}");
          }
        });
    server.start();
    base = "http://127.0.0.1:" + port();
    allowed = Set.of("127.0.0.1:" + port());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int port() {
    return server.getAddress().getPort();
  }

  @Test
  void aPostBecomesACardFromTheProvidersAnswer() {
    OEmbedClient client = new OEmbedClient(allowed);
    EmbedMaker maker =
        new EmbedMaker("fr-FR", allowed, link -> client.get(link.oembed()).flatMap(OEmbed::parse));
    Element card =
        Jsoup.parseBodyFragment(maker.link(base + "/@alice/110").orElseThrow()).body().child(0);
    assertEquals("Bonjour & bienvenue", card.child(0).text());
    assertEquals("Alice, Publication sur Mastodon, 4 mars 2024", card.child(1).text());
    assertEquals(
        List.of("/api/oembed?url=" + "http%3A%2F%2F127.0.0.1%3A" + port() + "%2F%40alice%2F110"),
        requests);
  }

  @Test
  void redirectsAreFollowedAtMostThreeTimes() {
    OEmbedClient client = new OEmbedClient(allowed);
    assertTrue(client.get(URI.create(base + "/hop")).isPresent());
    assertTrue(client.get(URI.create(base + "/loop")).isEmpty());
    assertEquals(1 + 1 + 4, requests.size());
  }

  @Test
  void aRedirectIsCheckedAgain() {
    OEmbedClient client = new OEmbedClient(allowed);
    assertTrue(client.get(URI.create(base + "/away")).isEmpty());
    assertTrue(client.get(URI.create(base + "/https-loopback")).isEmpty());
    assertEquals(List.of("/away", "/https-loopback"), requests);
  }

  @Test
  void anAnswerOverTheSizeLimitIsDropped() {
    assertTrue(new OEmbedClient(allowed).get(URI.create(base + "/large")).isEmpty());
  }

  @Test
  void aSlowProviderIsGivenUpOnAtTheTimeLimit() {
    long start = System.nanoTime();
    assertTrue(
        new OEmbedClient(allowed, Duration.ofMillis(300))
            .get(URI.create(base + "/slow"))
            .isEmpty());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1500);
  }

  @Test
  void withoutTheTestAllowanceLoopbackAndPlainHttpAreNeverContacted() {
    OEmbedClient strict = new OEmbedClient(Set.of());
    assertTrue(strict.get(URI.create(base + "/api/oembed")).isEmpty());
    assertFalse(strict.permitted(URI.create("https://127.0.0.1:" + port() + "/api/oembed")));
    assertFalse(strict.permitted(URI.create("https://localhost/api/oembed")));
    assertFalse(strict.permitted(URI.create("https://169.254.169.254/latest/meta-data")));
    assertFalse(strict.permitted(URI.create("https://[::1]/x")));
    assertFalse(strict.permitted(URI.create("http://93.184.216.34/x")));
    assertFalse(strict.permitted(URI.create("ftp://93.184.216.34/x")));
    assertTrue(requests.isEmpty());
  }

  @Test
  void anUnreachableProviderLeavesAPlainLinkNamingIt() {
    server.stop(0);
    OEmbedClient client = new OEmbedClient(allowed);
    EmbedMaker maker =
        new EmbedMaker("fr-FR", allowed, link -> client.get(link.oembed()).flatMap(OEmbed::parse));
    assertEquals(
        Optional.of("<p><a href=\"" + base + "/@alice/110\">Publication sur Mastodon</a></p>"),
        maker.link(base + "/@alice/110"));
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException e) {
      // The client gave up.
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
