package org.tribune.bench.media;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribune.bench.suite.ConsoleSession;
import org.tribune.bench.suite.ConsoleSession.Answer;
import org.tribune.bench.suite.ConsoleSession.Form;

/**
 * The media library's console as staff use it, signed in through {@code /admin/login} ({@link
 * ConsoleSession}):
 *
 * <pre>
 *   MediaConsole upload BASE EMAIL PASSWORD PHOTO
 *   MediaConsole pages BASE EMAIL PASSWORD WARMUP ROUNDS NAME=PATH...
 * </pre>
 *
 * {@code upload} sends the photo as the library page's script does (the body is the file, the
 * page's token in {@code X-Tribune-Token}, its name percent-encoded in {@code X-File-Name}), then
 * reads the item's page for its renditions' addresses; it prints one JSON object: the item's id and
 * hash, the upload's seconds, the addresses by width and the session's {@code Cookie} header (for
 * wrk). {@code pages} opens each library page {@code WARMUP} times, then {@code ROUNDS} times one
 * after the other, as one staff member browsing; a JSON line per page: latencies, bytes, the items
 * the page showed and the total it announced. Any answer but 200 fails it.
 */
public final class MediaConsole {
  private static final String AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) TribuneBench/1.0 (MediaConsole)";
  private static final Pattern RENDITION =
      Pattern.compile("/media/([0-9a-f]{64})-(\\d+)\\.(jpg|png)");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Pattern ITEM = Pattern.compile("/admin/media/edit\\?id=\\d+\"");
  private static final Pattern TOTAL =
      Pattern.compile("id=\"library-title\">\\s*([^<]*?)\\s*</h2>");

  private final ConsoleSession session;
  private final List<Long> latencies = new ArrayList<>();

  private MediaConsole(String base) {
    this.session = new ConsoleSession(base, AGENT, (kind, answer, nanos) -> latencies.add(nanos));
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 5 || !(args[0].equals("upload") || args[0].equals("pages"))) {
      System.err.println(
          "Usage: MediaConsole upload BASE EMAIL PASSWORD PHOTO\n"
              + "       MediaConsole pages BASE EMAIL PASSWORD WARMUP ROUNDS NAME=PATH...");
      System.exit(2);
    }
    MediaConsole console = new MediaConsole(args[1]);
    console.session.signIn(args[2], args[3]);
    if (args[0].equals("upload")) {
      console.upload(Path.of(args[4]));
    } else {
      int warmup = Integer.parseInt(args[4]);
      int rounds = Integer.parseInt(args[5]);
      for (int i = 6; i < args.length; i++) {
        int eq = args[i].indexOf('=');
        console.time(args[i].substring(0, eq), args[i].substring(eq + 1), warmup, rounds);
      }
    }
  }

  private void upload(Path photo) throws IOException, InterruptedException {
    Answer library = ok(session.send("library", session.get("/admin/media")));
    Form form = ConsoleSession.form(library.body(), "upload-form");
    if (form == null || !form.fields().containsKey("token")) {
      throw new IOException("no upload form on /admin/media");
    }
    long started = System.nanoTime();
    HttpRequest request =
        session
            .request("/admin/media/upload")
            .header("Content-Type", "image/jpeg")
            .header("X-Tribune-Token", form.fields().get("token"))
            .header(
                "X-File-Name",
                ConsoleSession.enc("Marché de Noël, place Kléber.jpg").replace("+", "%20"))
            .POST(HttpRequest.BodyPublishers.ofFile(photo))
            .build();
    Answer uploaded = session.send("upload", request);
    double seconds = (System.nanoTime() - started) / 1e9;
    Matcher id = ID.matcher(uploaded.body());
    if (uploaded.status() != 201 || !id.find()) {
      throw new IOException("upload: HTTP " + uploaded.status() + " " + uploaded.body());
    }
    Answer item = ok(session.send("item", session.get("/admin/media/edit?id=" + id.group(1))));
    Map<Integer, String> renditions = new TreeMap<>();
    String hash = "";
    Matcher m = RENDITION.matcher(item.body());
    while (m.find()) {
      hash = m.group(1);
      renditions.put(Integer.parseInt(m.group(2)), m.group());
    }
    StringBuilder widths = new StringBuilder();
    renditions.forEach(
        (w, path) ->
            widths
                .append(widths.length() == 0 ? "" : ",")
                .append('"')
                .append(w)
                .append("\":\"")
                .append(path)
                .append('"'));
    System.out.printf(
        Locale.ROOT,
        "{\"id\":%s,\"hash\":\"%s\",\"bytes\":%d,\"uploadSeconds\":%.2f,\"renditions\":{%s},"
            + "\"cookie\":\"%s\"}%n",
        id.group(1),
        hash,
        Files.size(photo),
        seconds,
        widths,
        session.cookieHeader());
  }

  private void time(String name, String path, int warmup, int rounds)
      throws IOException, InterruptedException {
    for (int i = 0; i < warmup; i++) {
      ok(session.send(name, session.get(path)));
    }
    latencies.clear();
    long bytes = 0;
    Answer last = null;
    for (int i = 0; i < rounds; i++) {
      last = ok(session.send(name, session.get(path)));
      bytes += last.body().length();
    }
    int items = 0;
    Matcher item = ITEM.matcher(last == null ? "" : last.body());
    while (item.find()) {
      items++;
    }
    Matcher total = TOTAL.matcher(last == null ? "" : last.body());
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "{\"name\":\"%s\",\"path\":\"%s\",\"requests\":%d,\"p50ms\":%.1f,\"p90ms\":%.1f,"
            + "\"p99ms\":%.1f,\"maxms\":%.1f,\"meanms\":%.1f,\"chars\":%d,\"items\":%d,"
            + "\"title\":\"%s\"}%n",
        name,
        path,
        sorted.size(),
        pct(sorted, 50),
        pct(sorted, 90),
        pct(sorted, 99),
        pct(sorted, 100),
        mean,
        rounds == 0 ? 0 : bytes / rounds,
        items,
        total.find() ? total.group(1).replace("\"", "'") : "");
  }

  private static Answer ok(Answer answer) throws IOException {
    if (answer.status() != 200) {
      throw new IOException("HTTP " + answer.status() + " " + answer.location());
    }
    return answer;
  }

  private static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
  }
}
