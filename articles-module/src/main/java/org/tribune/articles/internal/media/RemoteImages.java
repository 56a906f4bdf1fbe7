package org.tribune.articles.internal.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tribune.articles.api.MediaFetchException;
import org.tribune.articles.api.MediaFetchException.Reason;
import org.tribune.articles.internal.embed.PublicAddresses;

/**
 * Fetches a file another site serves into a temporary file, safely for the server: http or https,
 * every address of the host public ({@link PublicAddresses}; the {@code host:port} pairs of {@code
 * allowedHosts}, the tests' own servers, excepted), redirects followed here (at most 3), each
 * checked again, a size limit (stopped there, never read further) and one deadline for the whole
 * answer, name lookups included. The check resolves the host before the client does: a host whose
 * DNS answer changes between the two (rebinding) is a known limit of the JDK client, which cannot
 * be given the address.
 */
final class RemoteImages {
  static final int MAX_REDIRECTS = 3;
  private static final String USER_AGENT = "Tribune (a site moving in)";

  private final Set<String> allowedHosts;
  private final long maxBytes;
  private final Duration timeout;
  private final HttpClient http;

  RemoteImages(Set<String> allowedHosts, long maxBytes, Duration timeout) {
    this.allowedHosts = Set.copyOf(allowedHosts);
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
  }

  /** The file at {@code start}, in a new temporary file the caller deletes. */
  Path download(URI start) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    URI uri = start;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      check(uri, deadline);
      Path file = Files.createTempFile("tribune-fetch-", ".part");
      boolean kept = false;
      try {
        HttpResponse<Void> response = send(uri, file, deadline);
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
          String location =
              response
                  .headers()
                  .firstValue("Location")
                  .orElseThrow(
                      () ->
                          new MediaFetchException(Reason.STATUS, status, "redirect, no Location"));
          try {
            uri = uri.resolve(location.strip());
          } catch (IllegalArgumentException e) {
            throw new MediaFetchException(Reason.ADDRESS_REFUSED, 0, "bad Location " + location);
          }
          continue;
        }
        if (status != 200) {
          throw new MediaFetchException(Reason.STATUS, status, "HTTP " + status + " for " + uri);
        }
        kept = true;
        return file;
      } finally {
        if (!kept) {
          Files.deleteIfExists(file);
        }
      }
    }
    throw new MediaFetchException(Reason.REDIRECTS, 0, "more than " + MAX_REDIRECTS + " redirects");
  }

  private HttpResponse<Void> send(URI uri, Path file, long deadline) throws IOException {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .header("User-Agent", USER_AGENT)
              .header("Accept", "image/*")
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      throw new MediaFetchException(Reason.ADDRESS_REFUSED, 0, "not an address: " + uri);
    }
    CompletableFuture<HttpResponse<Void>> sent =
        http.sendAsync(
            request,
            info ->
                info.statusCode() == 200
                    ? new ToFile(file, maxBytes)
                    : HttpResponse.BodySubscribers.discarding());
    try {
      return sent.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      sent.cancel(true);
      throw new MediaFetchException(Reason.TIMEOUT, 0, "no whole answer in " + timeout);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TooLarge) {
        throw new MediaFetchException(Reason.TOO_LARGE, 0, "more than " + maxBytes + " bytes");
      }
      throw new MediaFetchException(
          Reason.UNREACHABLE, 0, uri.getHost() + ": " + String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      sent.cancel(true);
      Thread.currentThread().interrupt();
      throw new MediaFetchException(Reason.TIMEOUT, 0, "interrupted");
    }
  }

  /**
   * http(s) to public addresses only, or a host the tests allowed; looked up before the deadline.
   */
  void check(URI uri, long deadline) throws MediaFetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null
        || uri.getRawUserInfo() != null
        || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new MediaFetchException(Reason.ADDRESS_REFUSED, 0, "not http(s): " + uri);
    }
    if (allowedHosts.contains(host.toLowerCase(Locale.ROOT) + ":" + uri.getPort())) {
      return;
    }
    CompletableFuture<InetAddress[]> lookup =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return InetAddress.getAllByName(host);
              } catch (UnknownHostException e) {
                return new InetAddress[0];
              }
            });
    InetAddress[] addresses;
    try {
      addresses = lookup.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      lookup.cancel(true);
      throw new MediaFetchException(Reason.UNREACHABLE, 0, "no address for " + host);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaFetchException(Reason.TIMEOUT, 0, "interrupted");
    }
    if (addresses.length == 0) {
      throw new MediaFetchException(Reason.UNREACHABLE, 0, "unknown host " + host);
    }
    for (InetAddress address : addresses) {
      if (!PublicAddresses.isPublic(address)) {
        throw new MediaFetchException(
            Reason.ADDRESS_REFUSED, 0, host + " resolves to a non-public address");
      }
    }
  }

  /** Beyond the size limit. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("too large");
    }
  }

  /** Writes the body to a file up to a limit; beyond it, cancels and fails. */
  private static final class ToFile implements HttpResponse.BodySubscriber<Void> {
    private final Path file;
    private final long limit;
    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private FileChannel channel;
    private Flow.Subscription subscription;
    private long written;

    ToFile(Path file, long limit) {
      this.file = file;
      this.limit = limit;
    }

    @Override
    public CompletionStage<Void> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      try {
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
      } catch (IOException e) {
        subscription.cancel();
        result.completeExceptionally(e);
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      try {
        for (ByteBuffer item : items) {
          written += item.remaining();
          if (written > limit) {
            subscription.cancel();
            close();
            result.completeExceptionally(new TooLarge());
            return;
          }
          while (item.hasRemaining()) {
            channel.write(item);
          }
        }
      } catch (IOException e) {
        subscription.cancel();
        close();
        result.completeExceptionally(e);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      close();
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      close();
      result.complete(null);
    }

    private void close() {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException e) {
        // The result says what happened; nothing more to do with the file here.
      }
    }
  }
}
