package org.tribune.web.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Mastodon instance's oEmbed endpoint on 127.0.0.1, started with {@link ConsoleFlowsServer}'s
 * server, which may reach it only because it is given its {@code host:port} in the test-only {@code
 * TRIBUNE_EMBEDS_ALLOW_HOSTS}. Answers {@code /api/oembed?url=…/@alice/N} with a post by « Alice
 * Martin » saying « Message numéro N », and records every request.
 */
final class FakeOEmbedProvider implements AutoCloseable {
  private final HttpServer server;
  private final List<String> asked = new CopyOnWriteArrayList<>();

  FakeOEmbedProvider() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/api/oembed",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          String url = URLDecoder.decode(query.replaceFirst("^.*url=", ""), StandardCharsets.UTF_8);
          asked.add(url);
          String number = url.replaceFirst("^.*/", "");
          String json =
              "{\"type\":\"rich\",\"version\":\"1.0\",\"author_name\":\"Alice Martin\","
                  + "\"html\":\"<blockquote><p>Message numéro "
                  + number
                  + "</p><a href=\\\"#\\\">5 décembre 2026</a></blockquote>\"}";
          byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** {@code 127.0.0.1:port}, for {@code TRIBUNE_EMBEDS_ALLOW_HOSTS}. */
  String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** A post's address on this instance. */
  String post(long number) {
    return "http://" + hostAndPort() + "/@alice/" + number;
  }

  /** The posts asked about so far, in order. */
  List<String> asked() {
    return List.copyOf(asked);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
