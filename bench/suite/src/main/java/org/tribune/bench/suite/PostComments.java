package org.tribune.bench.suite;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Posts comments as a browser with scripts on does, through the page's own form: a visitor opens
 * the article page, asks for a form token as the page's script does ({@code …/comments/token},
 * which gives the {@code tribune_visitor} cookie), waits at least the minimum form age, then sends the form fields urlencoded with
 * {@code Accept: application/json} (as {@code discussion.js} does) and gets {@code 201} and whether
 * the comment was held. Every moderation check runs; the commenters are readers of the S site with
 * an approved comment, so in the default {@code first-time} mode their comments are published at
 * once unless a check holds them.
 *
 * <p>Each post comes from its own address through {@code X-Forwarded-For} (the server trusts
 * 127.0.0.1 as a proxy in the benchmark), so that the per-address rate limit is checked but never
 * reached, as with many readers behind a reverse proxy. One post in five replies to a comment the
 * same worker posted and saw approved.
 *
 * <pre>
 *   PostComments load  BASE slug1,slug2 SECONDS WORKERS MIN_FORM_SECONDS [ACKED]  (one JSON line out)
 *   PostComments fresh BASE slug MIN_FORM_SECONDS [EVERY SECONDS [START_MS]]  (one JSON line out)
 *   PostComments rate  BASE slug RATE SECONDS [MIN_FORM_SECONDS [START_MS]]  (one JSON line out)
 * </pre>
 *
 * With {@code ACKED}, a file, each comment the site acknowledged ({@code 201}) is written there as
 * a line {@code id<TAB>marker}, the marker being a text unique to that post, found in its body: a
 * fault test ({@code cluster/faults}) then checks each one is in the database, once.
 *
 * <p>{@code fresh} posts one comment and polls the article page as an anonymous visitor (no cookie,
 * gzip) every 20 ms until it shows the comment: the delay before readers see a new comment. With
 * {@code EVERY} and {@code SECONDS} it does so again and again for {@code SECONDS} (a probe
 * starting every {@code EVERY} seconds, the first after half of it, one at a time) and gives the
 * delays with their median and maximum ({@code bench/hot}).
 *
 * <p>{@code rate} posts to one article at a steady pace, whatever the answers: {@code RATE} posts a
 * second for {@code SECONDS} ({@code RATE × SECONDS} intended), each sent at its own instant from a
 * pool of {@value #RATE_IN_FLIGHT} connections whether the previous ones were answered or not, as
 * readers of a live discussion would (an open loop: a slow site does not slow the commenters down).
 * A post that finds every connection waiting is not sent (counted as {@code skipped}); one not
 * answered within 10 s is a failure. The posts come from 8 visitors (form tokens), one in five
 * answering a comment posted before. {@code START_MS} (epoch milliseconds) is when the first post
 * (or probe) goes, to start with another tool; by default as soon as the forms are old enough.
 */
public final class PostComments {
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final int RATE_IN_FLIGHT = 96;
  private static final int RATE_VISITORS = 8;
  private static final Duration RATE_TIMEOUT = Duration.ofSeconds(10);
  private static final String AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) TribuneBench/1.0 (bench/run comment posting)";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;
  private final AtomicLong addresses = new AtomicLong();

  private PostComments(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    if (args.length >= 6 && args[0].equals("load")) {
      new PostComments(args[1])
          .load(
              List.of(args[2].split(",")),
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]),
              Double.parseDouble(args[5]),
              args.length >= 7 ? java.nio.file.Path.of(args[6]) : null);
    } else if (args.length >= 6 && args[0].equals("fresh")) {
      new PostComments(args[1])
          .freshEvery(
              args[2],
              Double.parseDouble(args[3]),
              Double.parseDouble(args[4]),
              Double.parseDouble(args[5]),
              args.length >= 7 ? Long.parseLong(args[6]) : null);
    } else if (args.length >= 4 && args[0].equals("fresh")) {
      new PostComments(args[1]).fresh(args[2], Double.parseDouble(args[3]));
    } else if (args.length >= 5 && args[0].equals("rate")) {
      new PostComments(args[1])
          .rate(
              args[2],
              Double.parseDouble(args[3]),
              Double.parseDouble(args[4]),
              args.length >= 6 ? Double.parseDouble(args[5]) : 0,
              args.length >= 7 ? Long.parseLong(args[6]) : null);
    } else {
      System.err.println(
          "Usage: PostComments load BASE SLUGS SECONDS WORKERS MIN_FORM_SECONDS [ACKED]"
              + " | fresh BASE SLUG MIN_FORM_SECONDS [EVERY SECONDS [START_MS]]"
              + " | rate BASE SLUG RATE SECONDS [MIN_FORM_SECONDS [START_MS]]");
      System.exit(2);
    }
  }

  /** A visitor on an article page: its cookie and the form's token. */
  private record Visitor(String slug, String cookie, String token, long shownAt) {}

  private Visitor open(String slug) throws IOException, InterruptedException {
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/articles/" + slug))
                .header("User-Agent", AGENT)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (page.statusCode() != 200 || !page.body().contains("name=\"form-token\"")) {
      throw new IOException(
          "No comment form on /articles/" + slug + " (HTTP " + page.statusCode() + ")");
    }
    // The page is the same for every reader: the script asks for a token (and the cookie).
    HttpResponse<String> asked =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/articles/" + slug + "/comments/token"))
                .header("User-Agent", AGENT)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher token = TOKEN.matcher(asked.body());
    String cookie =
        asked.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("tribune_visitor="))
            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
            .findFirst()
            .orElse(null);
    if (asked.statusCode() != 200 || !token.find() || cookie == null) {
      throw new IOException(
          "No form token for /articles/" + slug + " (HTTP " + asked.statusCode() + ")");
    }
    return new Visitor(slug, cookie, token.group(1), System.nanoTime());
  }

  private static final class Tally {
    final List<Long> latencies = new ArrayList<>();
    long approved;
    long held;
    long rateLimited;
    long refused;
    long failed;
    final Map<Integer, Long> statuses = new TreeMap<>();
    String lastProblem = "";
  }

  private record Posted(int status, String body, long nanos) {}

  private Posted post(Visitor visitor, String text, Random random, Long parent)
      throws IOException, InterruptedException {
    return post(visitor, text, random, parent, Duration.ofSeconds(30));
  }

  private Posted post(Visitor visitor, String text, Random random, Long parent, Duration timeout)
      throws IOException, InterruptedException {
    int reader = random.nextInt(SiteWxr.COMMENTERS);
    String form =
        "form-token="
            + enc(visitor.token())
            + "&parent="
            + (parent == null ? "" : parent)
            + "&sort=newest&cpage=1&body="
            + enc(text)
            + "&name="
            + enc(Text.name(new Random(reader)))
            + "&email="
            + enc(Text.email(reader))
            + "&website=&url=";
    long n = addresses.getAndIncrement();
    String address = "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    long started = System.nanoTime();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/articles/" + visitor.slug() + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Accept", "application/json")
                .header("Cookie", visitor.cookie())
                .header("User-Agent", AGENT)
                .header("X-Forwarded-For", address)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Posted(response.statusCode(), response.body(), System.nanoTime() - started);
  }

  private void load(
      List<String> slugs, int seconds, int workers, double minFormSeconds, java.nio.file.Path acked)
      throws Exception {
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    List<Visitor> visitors = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      visitors.add(open(slugs.get(w % slugs.size())));
    }
    // Every form is older than the minimum when posting starts: sooner would be spam.
    long start = System.nanoTime() + (long) ((minFormSeconds + 0.3) * 1e9);
    long end = start + seconds * 1_000_000_000L;
    List<Tally> tallies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Tally tally = new Tally();
      tallies.add(tally);
      Visitor visitor = visitors.get(w);
      long seed = w;
      Thread thread =
          new Thread(
              () -> {
                Random random = new Random(seed);
                List<Long> mine = new ArrayList<>();
                sleepUntil(start);
                for (int i = 0; System.nanoTime() < end; i++) {
                  Long parent =
                      !mine.isEmpty() && random.nextInt(5) == 0
                          ? mine.get(random.nextInt(mine.size()))
                          : null;
                  String marker = "Banc d'essai " + seed + "-" + i + "-" + start;
                  String text = Text.comment(random) + "\n\n(" + marker + ")";
                  try {
                    Posted posted = post(visitor, text, random, parent);
                    tally.latencies.add(posted.nanos());
                    tally.statuses.merge(posted.status(), 1L, Long::sum);
                    if (posted.status() == 201) {
                      Matcher acknowledgedId = ID.matcher(posted.body());
                      if (acknowledgedId.find()) {
                        acknowledged.add(acknowledgedId.group(1) + "\t" + marker);
                      }
                      if (posted.body().contains("\"held\":false")) {
                        tally.approved++;
                        Matcher id = ID.matcher(posted.body());
                        if (id.find() && mine.size() < 200) {
                          mine.add(Long.parseLong(id.group(1)));
                        }
                      } else {
                        tally.held++;
                      }
                    } else if (posted.status() == 429) {
                      tally.rateLimited++;
                    } else {
                      tally.refused++;
                      tally.lastProblem = posted.status() + " " + clip(posted.body());
                    }
                  } catch (IOException | InterruptedException | RuntimeException e) {
                    tally.failed++;
                    tally.lastProblem = e.toString();
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (acked != null) {
      java.nio.file.Files.write(acked, acknowledged, StandardCharsets.UTF_8);
    }
    double elapsed = (Math.max(System.nanoTime(), end) - start) / 1e9;
    List<Long> all = new ArrayList<>();
    long approved = 0, held = 0, limited = 0, refused = 0, failed = 0;
    String problem = "";
    Map<Integer, Long> statuses = new TreeMap<>();
    for (Tally t : tallies) {
      t.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
      all.addAll(t.latencies);
      approved += t.approved;
      held += t.held;
      limited += t.rateLimited;
      refused += t.refused;
      failed += t.failed;
      if (!t.lastProblem.isEmpty()) {
        problem = t.lastProblem;
      }
    }
    Collections.sort(all);
    System.out.printf(
        java.util.Locale.ROOT,
        "{\"seconds\":%.1f,\"workers\":%d,\"posts\":%d,\"approved\":%d,\"held\":%d,"
            + "\"rateLimited\":%d,\"refused\":%d,\"failed\":%d,\"acceptedPerSecond\":%.1f,"
            + "\"approvedPerSecond\":%.1f,\"p50ms\":%.1f,\"p90ms\":%.1f,\"p99ms\":%.1f,"
            + "\"maxms\":%.1f,\"statuses\":{%s},\"lastProblem\":\"%s\"}%n",
        elapsed,
        workers,
        all.size(),
        approved,
        held,
        limited,
        refused,
        failed,
        (approved + held) / elapsed,
        approved / elapsed,
        pct(all, 50),
        pct(all, 90),
        pct(all, 99),
        pct(all, 100),
        statuses.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
            .collect(java.util.stream.Collectors.joining(",")),
        problem.replace("\\", "\\\\").replace("\"", "'"));
  }

  /** One freshness probe: the delay in ms (null if not seen), the polls, the comment, a problem. */
  private record Probe(Double visibleMs, int polls, String comment, String problem) {
    String json() {
      if (visibleMs != null) {
        return String.format(
            java.util.Locale.ROOT,
            "{\"visibleMs\":%.0f,\"polls\":%d,\"comment\":%s}",
            visibleMs,
            polls,
            comment);
      }
      return comment == null
          ? "{\"visibleMs\":null,\"problem\":\"" + problem + "\"}"
          : String.format(
              "{\"visibleMs\":null,\"polls\":%d,\"comment\":%s,\"problem\":\"%s\"}",
              polls, comment, problem);
    }
  }

  private void fresh(String slug, double minFormSeconds) throws Exception {
    System.out.println(probe(slug, minFormSeconds).json());
  }

  private Probe probe(String slug, double minFormSeconds) throws Exception {
    Visitor visitor = open(slug);
    sleepUntil(visitor.shownAt() + (long) ((minFormSeconds + 0.3) * 1e9));
    // Load the page anonymously first, as a cache would have it.
    anonymousPage(slug);
    Posted posted =
        post(visitor, Text.comment(new Random()) + "\n\n(Fraîcheur)", new Random(), null);
    long postedAt = System.nanoTime();
    Matcher id = ID.matcher(posted.body());
    if (posted.status() != 201 || !id.find() || !posted.body().contains("\"held\":false")) {
      return new Probe(
          null,
          0,
          null,
          ("HTTP " + posted.status() + " " + clip(posted.body())).replace("\"", "'"));
    }
    String anchor = "id=\"comment-" + id.group(1) + "\"";
    int polls = 0;
    while (System.nanoTime() - postedAt < 10_000_000_000L) {
      polls++;
      if (anonymousPage(slug).contains(anchor)) {
        return new Probe((System.nanoTime() - postedAt) / 1e6, polls, id.group(1), null);
      }
      Thread.sleep(20);
    }
    return new Probe(null, polls, id.group(1), "not shown after 10 s");
  }

  /** {@code fresh} again and again: a probe every {@code every} s for {@code seconds}. */
  private void freshEvery(
      String slug, double minFormSeconds, double every, double seconds, Long startMillis)
      throws Exception {
    long start = startNanos(startMillis);
    long end = start + (long) (seconds * 1e9);
    List<Long> delays = new ArrayList<>();
    List<String> probes = new ArrayList<>();
    int unseen = 0;
    // The forms are opened at the probe's instant: minFormSeconds + 0.3 s after it the post goes.
    for (long at = start + (long) (every / 2 * 1e9); at < end; at += (long) (every * 1e9)) {
      if (System.nanoTime() > at) {
        continue; // the previous probe ran past this one's instant
      }
      sleepUntil(at);
      Probe probe;
      try {
        probe = probe(slug, minFormSeconds);
      } catch (IOException | RuntimeException e) {
        probe = new Probe(null, 0, null, clip(e.toString()).replace("\"", "'"));
      }
      probes.add(probe.json());
      if (probe.visibleMs() != null) {
        delays.add((long) (probe.visibleMs() * 1e6));
      } else {
        unseen++;
      }
    }
    Collections.sort(delays);
    System.out.printf(
        java.util.Locale.ROOT,
        "{\"probes\":%d,\"seen\":%d,\"unseen\":%d,\"p50ms\":%s,\"maxms\":%s,\"each\":[%s]}%n",
        probes.size(),
        delays.size(),
        unseen,
        delays.isEmpty() ? "null" : String.format(java.util.Locale.ROOT, "%.0f", pct(delays, 50)),
        delays.isEmpty() ? "null" : String.format(java.util.Locale.ROOT, "%.0f", pct(delays, 100)),
        String.join(",", probes));
  }

  /** When to start, as a {@link System#nanoTime}: at {@code startMillis} (epoch ms), or now. */
  private static long startNanos(Long startMillis) {
    return startMillis == null
        ? System.nanoTime()
        : System.nanoTime() + (startMillis - System.currentTimeMillis()) * 1_000_000L;
  }

  /** Posts at {@code rate} a second to one article for {@code seconds}, paced (open loop). */
  private void rate(
      String slug, double rate, double seconds, double minFormSeconds, Long startMillis)
      throws Exception {
    int intended = (int) Math.round(rate * seconds);
    List<Visitor> visitors = new ArrayList<>();
    for (int v = 0; v < Math.min(RATE_VISITORS, Math.max(1, intended)); v++) {
      visitors.add(open(slug));
    }
    long start =
        Math.max(
            startNanos(startMillis),
            visitors.get(visitors.size() - 1).shownAt() + (long) ((minFormSeconds + 0.3) * 1e9));
    java.util.concurrent.Semaphore connections = new java.util.concurrent.Semaphore(RATE_IN_FLIGHT);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(
            RATE_IN_FLIGHT,
            task -> {
              Thread thread = new Thread(task);
              thread.setDaemon(true); // a post still hanging at the end does not keep the JVM
              return thread;
            });
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Long> accepted = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Long> statuses = Collections.synchronizedMap(new TreeMap<>());
    AtomicLong approved = new AtomicLong();
    AtomicLong held = new AtomicLong();
    AtomicLong limited = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong(start);
    java.util.concurrent.atomic.AtomicReference<String> problem =
        new java.util.concurrent.atomic.AtomicReference<>("");
    int skipped = 0;
    for (int i = 0; i < intended; i++) {
      sleepUntil(start + (long) (i / rate * 1e9));
      if (!connections.tryAcquire()) {
        skipped++;
        continue;
      }
      Visitor visitor = visitors.get(i % visitors.size());
      long seed = i;
      pool.execute(
          () -> {
            Random random = new Random(seed ^ start);
            Long parent = null;
            synchronized (accepted) {
              if (!accepted.isEmpty() && random.nextInt(5) == 0) {
                parent = accepted.get(random.nextInt(accepted.size()));
              }
            }
            String text =
                Text.comment(random) + "\n\n(Discussion en direct " + seed + "-" + start + ")";
            try {
              Posted posted = post(visitor, text, random, parent, RATE_TIMEOUT);
              latencies.add(posted.nanos());
              statuses.merge(posted.status(), 1L, Long::sum);
              if (posted.status() == 201) {
                Matcher id = ID.matcher(posted.body());
                if (posted.body().contains("\"held\":false")) {
                  approved.incrementAndGet();
                  if (id.find()) {
                    accepted.add(Long.parseLong(id.group(1)));
                  }
                } else {
                  held.incrementAndGet();
                }
              } else if (posted.status() == 429) {
                limited.incrementAndGet();
              } else {
                refused.incrementAndGet();
                problem.set(posted.status() + " " + clip(posted.body()));
              }
            } catch (IOException | InterruptedException | RuntimeException e) {
              failed.incrementAndGet();
              problem.set(e.toString());
            } finally {
              lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
              connections.release();
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(RATE_TIMEOUT.toSeconds() + 5, java.util.concurrent.TimeUnit.SECONDS);
    List<Long> all;
    synchronized (latencies) {
      all = new ArrayList<>(latencies);
    }
    Collections.sort(all);
    double last = (lastAnswer.get() - start) / 1e9;
    System.out.printf(
        java.util.Locale.ROOT,
        "{\"rate\":%s,\"seconds\":%s,\"intended\":%d,\"sent\":%d,\"skipped\":%d,"
            + "\"accepted\":%d,\"approved\":%d,\"held\":%d,\"rateLimited\":%d,\"refused\":%d,"
            + "\"failed\":%d,\"acceptedPerSecond\":%.2f,\"lastAnswerSeconds\":%.1f,"
            + "\"p50ms\":%.1f,\"p90ms\":%.1f,\"p99ms\":%.1f,\"maxms\":%.1f,"
            + "\"statuses\":{%s},\"lastProblem\":\"%s\"}%n",
        num(rate),
        num(seconds),
        intended,
        intended - skipped,
        skipped,
        approved.get() + held.get(),
        approved.get(),
        held.get(),
        limited.get(),
        refused.get(),
        failed.get(),
        (approved.get() + held.get()) / seconds,
        last,
        pct(all, 50),
        pct(all, 90),
        pct(all, 99),
        pct(all, 100),
        new TreeMap<>(statuses)
            .entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",")),
        problem.get().replace("\\", "\\\\").replace("\"", "'"));
  }

  private static String num(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(java.util.Locale.ROOT, "%s", value);
  }

  private String anonymousPage(String slug) throws IOException, InterruptedException {
    HttpResponse<byte[]> page =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/articles/" + slug))
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", AGENT)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    InputStream in = new ByteArrayInputStream(page.body());
    if (page.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
      in = new GZIPInputStream(in);
    }
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
  }

  private static void sleepUntil(long nanoTime) {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      try {
        Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String clip(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() > 160 ? flat.substring(0, 160) : flat;
  }
}
