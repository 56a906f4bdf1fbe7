package org.tribune.bench.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay on 127.0.0.1: every connection to {@code LISTEN_PORT} is relayed to {@code HOST:PORT}.
 * A fault test puts it between Tribune and its database and kills it to cut the database off (its
 * connections drop at once, as when the database server goes away), then starts it again.
 *
 * <pre>
 *   TcpProxy LISTEN_PORT HOST PORT
 * </pre>
 */
public final class TcpProxy {
  private TcpProxy() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("Usage: TcpProxy LISTEN_PORT HOST PORT");
      System.exit(2);
    }
    int listen = Integer.parseInt(args[0]);
    String host = args[1];
    int port = Integer.parseInt(args[2]);
    try (ServerSocket server = new ServerSocket()) {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listen));
      System.out.println("relaying 127.0.0.1:" + listen + " to " + host + ":" + port);
      while (true) {
        Socket client = server.accept();
        try {
          Socket target = new Socket(host, port);
          pipe(client, target);
          pipe(target, client);
        } catch (IOException e) {
          client.close();
        }
      }
    }
  }

  /** Copies what {@code from} sends to {@code to} until either side closes, then closes both. */
  private static void pipe(Socket from, Socket to) {
    Thread copier =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // a side closed
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException e) {
                  // already closed
                }
              }
            });
    copier.setDaemon(true);
    copier.start();
  }
}
