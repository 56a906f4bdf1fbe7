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
import java.util.TreeMap;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Posts comments as a browser with scripts on does, through the page's own form: a visitor opens
 * the article page (which gives the {@code tribune_visitor} cookie and the form's hidden {@code
 * form-token}), waits at least the minimum form age, then sends the form fields urlencoded with
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
 *   PostComments fresh BASE slug MIN_FORM_SECONDS                        (one JSON line out)
 * </pre>
 *
 * With {@code ACKED}, a file, each comment the site acknowledged ({@code 201}) is written there as
 * a line {@code id<TAB>marker}, the marker being a text unique to that post, found in its body: a
 * fault test ({@code cluster/faults}) then checks each one is in the database, once.
 *
 * <p>{@code fresh} posts one comment and polls the article page as an anonymous visitor (no cookie,
 * gzip) every 20 ms until it shows the comment: the delay before readers see a new comment.
 */
public final class PostComments {
  private static final Pattern TOKEN = Pattern.compile("name=\"form-token\" value=\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
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
    } else if (args.length >= 4 && args[0].equals("fresh")) {
      new PostComments(args[1]).fresh(args[2], Double.parseDouble(args[3]));
    } else {
      System.err.println(
          "Usage: PostComments load BASE SLUGS SECONDS WORKERS MIN_FORM_SECONDS [ACKED]"
              + " | fresh BASE SLUG MIN_FORM_SECONDS");
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
    Matcher token = TOKEN.matcher(page.body());
    String cookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("tribune_visitor="))
            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
            .findFirst()
            .orElse(null);
    if (page.statusCode() != 200 || !token.find() || cookie == null) {
      throw new IOException(
          "No comment form on /articles/" + slug + " (HTTP " + page.statusCode() + ")");
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
                .timeout(Duration.ofSeconds(30))
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

  private void fresh(String slug, double minFormSeconds) throws Exception {
    Visitor visitor = open(slug);
    sleepUntil(visitor.shownAt() + (long) ((minFormSeconds + 0.3) * 1e9));
    // Load the page anonymously first, as a cache would have it.
    anonymousPage(slug);
    Posted posted =
        post(visitor, Text.comment(new Random()) + "\n\n(Fraîcheur)", new Random(), null);
    long postedAt = System.nanoTime();
    Matcher id = ID.matcher(posted.body());
    if (posted.status() != 201 || !id.find() || !posted.body().contains("\"held\":false")) {
      System.out.printf(
          "{\"visibleMs\":null,\"problem\":\"HTTP %d %s\"}%n",
          posted.status(), clip(posted.body()).replace("\"", "'"));
      return;
    }
    String anchor = "id=\"comment-" + id.group(1) + "\"";
    int polls = 0;
    while (System.nanoTime() - postedAt < 10_000_000_000L) {
      polls++;
      if (anonymousPage(slug).contains(anchor)) {
        System.out.printf(
            java.util.Locale.ROOT,
            "{\"visibleMs\":%.0f,\"polls\":%d,\"comment\":%s}%n",
            (System.nanoTime() - postedAt) / 1e6,
            polls,
            id.group(1));
        return;
      }
      Thread.sleep(20);
    }
    System.out.printf(
        "{\"visibleMs\":null,\"polls\":%d,\"comment\":%s,\"problem\":\"not shown after 10 s\"}%n",
        polls, id.group(1));
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
