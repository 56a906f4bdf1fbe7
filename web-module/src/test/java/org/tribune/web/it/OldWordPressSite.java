package org.tribune.web.it;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * The old WordPress site a moving site's images still live on, on 127.0.0.1, which Tribune may
 * reach only because its {@code host:port} is in the test-only {@code TRIBUNE_MEDIA_ALLOW_HOSTS}.
 * Serves {@code /wp-content/uploads/…} as WordPress does: originals and their size variants, a PDF,
 * a page that pretends to be a JPEG, and a 404; counts every request, so that a test can tell that
 * a second import fetched nothing.
 */
final class OldWordPressSite implements AutoCloseable {
  static final String UPLOADS = "/wp-content/uploads/2016/05/";

  private final HttpServer server;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  OldWordPressSite() {
    byte[] halle = image("jpeg", 1200, 900, new Color(0x8a, 0x3b, 0x2e));
    files.put(UPLOADS + "halle.jpg", halle);
    files.put(UPLOADS + "halle-300x225.jpg", image("jpeg", 300, 225, new Color(0x8a, 0x3b, 0x2e)));
    files.put(
        UPLOADS + "halle-1024x768.jpg", image("jpeg", 1024, 768, new Color(0x8a, 0x3b, 0x2e)));
    files.put(UPLOADS + "etal.png", image("png", 640, 480, new Color(0x2e, 0x6b, 0x3a)));
    files.put("/wp-content/uploads/2016/04/affiche.jpg", image("jpeg", 700, 990, Color.DARK_GRAY));
    files.put(UPLOADS + "plan.pdf", "%PDF-1.4 plan du marché".getBytes(StandardCharsets.UTF_8));
    files.put(
        UPLOADS + "faux.jpg",
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          byte[] body = files.get(path);
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  private static byte[] image(String format, int width, int height, Color colour) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code 127.0.0.1:port}, for {@code TRIBUNE_MEDIA_ALLOW_HOSTS}. */
  String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The site's address, {@code http://127.0.0.1:port}. */
  String address() {
    return "http://" + hostAndPort();
  }

  /** Requests received so far for a path. */
  int requests(String path) {
    AtomicInteger count = requests.get(path);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
