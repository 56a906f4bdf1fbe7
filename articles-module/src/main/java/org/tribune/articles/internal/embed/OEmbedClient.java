package org.tribune.articles.internal.embed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Fetches an oEmbed answer, SSRF-safe: https only, every address of the host public ({@link
 * PublicAddresses}), redirects followed here (at most 3), each checked again, 3 s to connect and 3
 * s for the whole answer, 256 KB at most. Any failure is an empty answer, never an exception.
 *
 * <p>{@code allowedHosts} ({@code host:port}, from {@code tribune.embeds.allow-hosts}) lets the
 * tests' fake provider on 127.0.0.1 be reached over http: a test-only setting, empty in production.
 * The check resolves the host before the client does: a host whose DNS answer changes between the
 * two (rebinding) is a known limit of the JDK client, which cannot be given the address.
 */
public final class OEmbedClient {
  static final int MAX_BYTES = 256 * 1024;
  static final int MAX_REDIRECTS = 3;
  private final Duration timeout;
  private final Set<String> allowedHosts;
  private final HttpClient http;

  public OEmbedClient(Set<String> allowedHosts) {
    this(allowedHosts, Duration.ofSeconds(3));
  }

  OEmbedClient(Set<String> allowedHosts, Duration timeout) {
    this.allowedHosts = allowedHosts;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
  }

  /** The answer's body as text, if a 200 came within the limits. */
  public Optional<String> get(URI start) {
    long deadline = System.nanoTime() + timeout.toNanos();
    URI uri = start;
    try {
      for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
        URI checked = uri;
        // Resolving the host is bounded by the same deadline (a slow DNS answer ends it too).
        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> permitted(checked));
        try {
          if (!check.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
          }
        } catch (Exception e) {
          check.cancel(true);
          return Optional.empty();
        }
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "Tribune oEmbed")
                .GET()
                .build();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        CompletableFuture<HttpResponse<byte[]>> sent =
            http.sendAsync(request, info -> new Limited(MAX_BYTES));
        HttpResponse<byte[]> response;
        try {
          response = sent.get(left, TimeUnit.NANOSECONDS);
        } catch (Exception e) {
          sent.cancel(true);
          return Optional.empty();
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
          Optional<String> location = response.headers().firstValue("Location");
          if (location.isEmpty()) {
            return Optional.empty();
          }
          uri = uri.resolve(location.get());
          continue;
        }
        if (status != 200 || response.body() == null) {
          return Optional.empty();
        }
        return Optional.of(new String(response.body(), StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** https to a public address, or a host the tests allowed. */
  boolean permitted(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || uri.getRawUserInfo() != null) {
      return false;
    }
    if (allowedHosts.contains(host.toLowerCase(Locale.ROOT) + ":" + uri.getPort())) {
      return scheme.equals("http") || scheme.equals("https");
    }
    if (!scheme.equals("https")) {
      return false;
    }
    try {
      PublicAddresses.resolvePublic(host);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Collects the body up to a limit; beyond it, cancels and fails. */
  private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Limited(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        if (bytes.size() + item.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new IOException("answer too large"));
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
