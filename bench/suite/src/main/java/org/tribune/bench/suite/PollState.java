package org.tribune.bench.suite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Readers of an article who keep it open: each polls the discussion's state ({@code
 * /articles/{slug}/comments/state}) every {@code PERIOD} seconds, ±20 %, as {@code discussion.js}
 * does, with gzip, no cookie and the {@code ETag} of its last answer ({@code If-None-Match}): a
 * browser whose copy is older than its {@code max-age} revalidates it. The readers start spread
 * over the first period, so that {@code READERS} of them make {@code READERS / PERIOD} requests a
 * second. An open loop: a request goes at its instant whatever the answers to the earlier ones (at
 * most {@value #IN_FLIGHT} waiting; a poll that finds them all waiting is skipped).
 *
 * <pre>
 *   PollState BASE slug READERS PERIOD SECONDS [START_MS]   (one JSON line out)
 * </pre>
 *
 * Gives the polls sent, their answers (200, 304, others, failures), their latency (p50, p99, max)
 * and the requests a second.
 */
public final class PollState {
  private static final int IN_FLIGHT = 256;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private PollState() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("PollState BASE slug READERS PERIOD SECONDS [START_MS]");
      System.exit(2);
    }
    String base = args[0];
    URI state = URI.create(base + "/articles/" + args[1] + "/comments/state");
    int readers = Integer.parseInt(args[2]);
    double period = Double.parseDouble(args[3]);
    double seconds = Double.parseDouble(args[4]);
    long startMillis = args.length > 5 ? Long.parseLong(args[5]) : System.currentTimeMillis();

    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong sent = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong notModified = new AtomicLong();
    AtomicLong other = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong skipped = new AtomicLong();
    AtomicLong waiting = new AtomicLong();
    List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
    long start = startMillis - System.currentTimeMillis();
    long endNanos = System.nanoTime() + (long) ((Math.max(0, start) / 1000.0 + seconds) * 1e9);
    Random random = new Random(42);

    for (int r = 0; r < readers; r++) {
      String[] etag = {null};
      Random jitter = new Random(random.nextLong());
      long first = Math.max(0, start) + (long) (period * 1000 * r / Math.max(1, readers));
      Runnable[] poll = new Runnable[1];
      poll[0] =
          () -> {
            if (System.nanoTime() >= endNanos) {
              return;
            }
            clock.schedule(
                poll[0],
                (long) (period * 1000 * (0.8 + 0.4 * jitter.nextDouble())),
                TimeUnit.MILLISECONDS);
            if (waiting.get() >= IN_FLIGHT) {
              skipped.incrementAndGet();
              return;
            }
            HttpRequest.Builder request =
                HttpRequest.newBuilder(state)
                    .header("Accept", "application/json")
                    .header("Accept-Encoding", "gzip")
                    .timeout(TIMEOUT);
            synchronized (etag) {
              if (etag[0] != null) {
                request.header("If-None-Match", etag[0]);
              }
            }
            long began = System.nanoTime();
            sent.incrementAndGet();
            waiting.incrementAndGet();
            pending.add(
                client
                    .sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete(
                        (response, failure) -> {
                          waiting.decrementAndGet();
                          latencies.add(System.nanoTime() - began);
                          if (failure != null) {
                            failed.incrementAndGet();
                          } else if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                            synchronized (etag) {
                              etag[0] = response.headers().firstValue("ETag").orElse(null);
                            }
                          } else if (response.statusCode() == 304) {
                            notModified.incrementAndGet();
                          } else {
                            other.incrementAndGet();
                          }
                        }));
          };
      clock.schedule(poll[0], first, TimeUnit.MILLISECONDS);
    }
    while (System.nanoTime() < endNanos) {
      Thread.sleep(100);
    }
    clock.shutdown();
    clock.awaitTermination(5, TimeUnit.SECONDS);
    List<CompletableFuture<?>> all;
    synchronized (pending) {
      all = new ArrayList<>(pending);
    }
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .get(TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Counted as failures by their own completion, or still waiting: reported as sent only.
    }
    List<Long> sorted;
    synchronized (latencies) {
      sorted = new ArrayList<>(latencies);
    }
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "{\"readers\":%d,\"periodSeconds\":%.1f,\"seconds\":%.1f,\"sent\":%d,\"rps\":%.2f,"
            + "\"ok\":%d,\"notModified\":%d,\"other\":%d,\"failed\":%d,\"skipped\":%d,"
            + "\"p50ms\":%.1f,\"p99ms\":%.1f,\"maxms\":%.1f}%n",
        readers,
        period,
        seconds,
        sent.get(),
        sent.get() / seconds,
        ok.get(),
        notModified.get(),
        other.get(),
        failed.get(),
        skipped.get(),
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted.isEmpty() ? 0.0 : sorted.get(sorted.size() - 1) / 1e6);
    System.exit(0);
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
