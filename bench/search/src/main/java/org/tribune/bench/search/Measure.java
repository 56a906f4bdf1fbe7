package org.tribune.bench.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times GET requests against a running Tribune: a set of search queries, from very common words to
 * words found nowhere, and the home page as the baseline, interleaved in a random order each round
 * so that both see the same machine. Prints a Markdown report.
 *
 * <p>Usage: {@code Measure <base-url> [rounds] [clients] [report.md]}
 */
public final class Measure {
  /** "12 345 résultats pour « … »", whatever space or entity groups the digits. */
  private static final Pattern COUNT = Pattern.compile("class=\"search-count\">([^<]*?) pour");

  /** What is searched for, by kind; the words' ranks are in {@link FrenchText#PLACED}. */
  private static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("commune", "1 very common word");
    QUERIES.put("habitants", "1 very common word");
    QUERIES.put("conseil municipal", "2 common words");
    QUERIES.put("élections", "1 common word");
    QUERIES.put("quartier", "1 common word");
    QUERIES.put("marché", "1 frequent word");
    QUERIES.put("festival", "1 less frequent word");
    QUERIES.put("bibliotheques", "1 rare word (plural, no accent)");
    QUERIES.put("comète", "1 rare word");
    QUERIES.put("commune comète", "very common + rare");
    QUERIES.put("commune habitants conseil", "3 very common words");
    QUERIES.put("observatoire", "1 very rare word");
    QUERIES.put("zzyzx", "no match");
  }

  private Measure() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("Usage: Measure <base-url> [rounds] [clients] [report.md]");
      System.exit(2);
    }
    String base = args[0].replaceFirst("/$", "");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Path report = args.length > 3 ? Path.of(args[3]) : null;

    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("home", "/");
    for (String query : QUERIES.keySet()) {
      paths.put(query, "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }
    paths.put("commune, page 50", paths.get("commune") + "&page=50");

    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    Map<String, String> matches = new ConcurrentHashMap<>();
    // Warm-up: the JIT, the connection pool, PostgreSQL's buffers.
    run(http, base, paths, Math.max(3, rounds / 3), clients, new LinkedHashMap<>(), matches);
    Map<String, List<Long>> samples = new LinkedHashMap<>();
    paths.keySet().forEach(name -> samples.put(name, new CopyOnWriteArrayList<>()));
    long started = System.nanoTime();
    run(http, base, paths, rounds, clients, samples, matches);
    double seconds = (System.nanoTime() - started) / 1e9;

    String text = report(samples, matches, rounds, clients, seconds);
    System.out.println(text);
    if (report != null) {
      Files.writeString(report, text, StandardCharsets.UTF_8);
    }
  }

  private static void run(
      HttpClient http,
      String base,
      Map<String, String> paths,
      int rounds,
      int clients,
      Map<String, List<Long>> samples,
      Map<String, String> matches)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int c = 0; c < clients; c++) {
      Random random = new Random(c);
      Thread thread =
          new Thread(
              () -> {
                try {
                  List<String> names = new ArrayList<>(paths.keySet());
                  for (int r = 0; r < rounds; r++) {
                    Collections.shuffle(names, random);
                    for (String name : names) {
                      long took = get(http, base + paths.get(name), name, matches);
                      List<Long> list = samples.get(name);
                      if (list != null) {
                        list.add(took);
                      }
                    }
                  }
                } catch (IOException | InterruptedException | RuntimeException e) {
                  failures.add(e);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("A request failed", failures.get(0));
    }
  }

  private static long get(HttpClient http, String url, String name, Map<String, String> matches)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - start;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    Matcher count = COUNT.matcher(response.body());
    if (count.find()) {
      String digits = count.group(1).replaceAll("&#?\\w+;", "").replaceAll("\\D", "");
      matches.putIfAbsent(name, digits.isEmpty() ? "0" : digits);
    }
    return took;
  }

  private static String report(
      Map<String, List<Long>> samples,
      Map<String, String> matches,
      int rounds,
      int clients,
      double seconds) {
    StringBuilder out = new StringBuilder();
    List<Long> search = new ArrayList<>();
    samples.forEach(
        (name, list) -> {
          if (!name.equals("home")) {
            search.addAll(list);
          }
        });
    List<Long> home = samples.get("home");
    int requests = samples.values().stream().mapToInt(List::size).sum();
    out.append(
        String.format(
            "%d clients, %d rounds, %d requests in %.1f s (%.0f requests/s)%n%n",
            clients, rounds, requests, seconds, requests / seconds));
    out.append("| | p50 ms | p99 ms | p50 ÷ home p50 | p99 ÷ home p99 |\n|---|---|---|---|---|\n");
    out.append(line("home page (baseline)", home, home));
    out.append(line("all searches", search, home));
    out.append(
        "\n| query | kind | matches | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
    samples.forEach(
        (name, list) -> {
          if (!name.equals("home")) {
            out.append(
                String.format(
                    "| %s | %s | %s | %.1f | %.1f | %.1f |%n",
                    name,
                    QUERIES.getOrDefault(name, "deep page"),
                    matches.getOrDefault(name, "?"),
                    percentile(list, 50),
                    percentile(list, 99),
                    percentile(list, 100)));
          }
        });
    return out.toString();
  }

  private static String line(String label, List<Long> list, List<Long> home) {
    return String.format(
        "| %s | %.1f | %.1f | %.2f | %.2f |%n",
        label,
        percentile(list, 50),
        percentile(list, 99),
        percentile(list, 50) / percentile(home, 50),
        percentile(list, 99) / percentile(home, 99));
  }

  /** The nearest-rank percentile, in milliseconds. */
  private static double percentile(List<Long> nanos, double percent) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(percent / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }
}
