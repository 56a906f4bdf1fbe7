package org.tribune.bench.suite;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moderator in the console, as a browser without JavaScript: signs in through {@code
 * /admin/login}, then, every few seconds, opens the queue of held comments ({@code
 * /admin/comments?status=PENDING}) and approves what it shows through the queue's own form: the
 * first comment with its row's "Approuver" button, then the rest of the page with the bulk
 * "Approuver" button and the rows ticked (the hidden selection field PrimeFaces' check boxes fill).
 * Every form is sent with all its hidden fields as the page gave them ({@code
 * jakarta.faces.ViewState}, {@code primefaces.nonce} when there is one...), its text fields, and
 * the pressed button; the session cookie is kept as a browser keeps it.
 *
 * <pre>
 *   ConsoleModerator BASE SECONDS EMAIL PASSWORD [PAUSE_SECONDS]   (one JSON line out)
 * </pre>
 *
 * The answer counts requests by kind and status, the comments approved (read from the page's
 * message), the latencies (p50/p90/p99 over every request), and the sign-ins (one, unless the
 * session was lost). Used by {@code cluster/soak}.
 */
public final class ConsoleModerator {
  private static final String AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) TribuneBench/1.0 (ConsoleModerator)";
  private static final Pattern FORM =
      Pattern.compile("<form\\b[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern INPUT = Pattern.compile("<(input|button)\\b([^>]*)>");
  private static final Pattern TEXTAREA =
      Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");
  private static final Pattern APPROVE = Pattern.compile("^Approuver #(\\d+)$");
  private static final Pattern MOVED = Pattern.compile("(\\d+) commentaire\\(s\\) déplacé");

  private static final Pattern CHECKED = Pattern.compile("(?:^|\\s)checked(?:[\\s=/]|$)");

  private final HttpClient client;
  private final String base;
  private String email;
  private String password;
  private final Map<String, Integer> statuses = new TreeMap<>();
  private final List<Long> latencies = new ArrayList<>();
  private long approvedOne;
  private long approvedInBulk;
  private long queueViews;
  private long emptyQueues;
  private long signIns;
  private long failed;
  private String lastProblem = "";

  private ConsoleModerator(String base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("Usage: ConsoleModerator BASE SECONDS EMAIL PASSWORD [PAUSE_SECONDS]");
      System.exit(2);
    }
    double pause = args.length >= 5 ? Double.parseDouble(args[4]) : 2;
    new ConsoleModerator(args[0]).run(Integer.parseInt(args[1]), args[2], args[3], pause);
  }

  /** A form of a page: its fields as a browser sends them, and its submit buttons by name. */
  private record Form(Map<String, String> fields, Map<String, Button> buttons) {}

  /** A submit button: what it sends ({@code name=value}) and what a reader hears (its label). */
  private record Button(String name, String value, String label) {}

  private record Answer(int status, String body, String location) {}

  private void run(int seconds, String email, String password, double pause) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    this.email = email;
    this.password = password;
    signIn();
    while (System.nanoTime() < end) {
      try {
        moderate();
      } catch (IOException | RuntimeException e) {
        failed++;
        lastProblem = e.toString();
      }
      long left = end - System.nanoTime();
      if (left > 0) {
        Thread.sleep(Math.min(left / 1_000_000, (long) (pause * 1000)));
      }
    }
    report(seconds);
  }

  private void signIn() throws IOException, InterruptedException {
    Answer page = send("sign-in page", get("/admin/login"));
    Form login = form(page.body(), "login");
    if (login == null || !login.buttons().containsKey("login:submit")) {
      throw new IOException("no sign-in form (HTTP " + page.status() + ")");
    }
    Map<String, String> fields = new LinkedHashMap<>(login.fields());
    fields.put("login:email", email);
    fields.put("login:password", password);
    Answer answer = send("sign-in", post("/admin/login", fields, login.buttons().get("login:submit")));
    if (answer.status() != 302 || answer.location().endsWith("/admin/login")) {
      throw new IOException("signing in failed: HTTP " + answer.status() + " " + answer.location());
    }
    signIns++;
  }

  /** One round: the queue, the first comment approved alone, the rest of the page at once. */
  private void moderate() throws IOException, InterruptedException {
    Answer queue = send("queue", get("/admin/comments?status=PENDING"));
    if (queue.status() == 302) {
      // The session was lost (counted as an unexpected status): sign in again, as a moderator would.
      lastProblem = "queue: sent to " + queue.location();
      signIn();
      return;
    }
    queueViews++;
    Form form = form(queue.body(), "queue");
    if (queue.status() != 200 || form == null) {
      throw new IOException("no moderation queue (HTTP " + queue.status() + ")");
    }
    Map<Long, Button> approve = approveButtons(form);
    if (approve.isEmpty()) {
      emptyQueues++;
      return;
    }
    Button first = approve.values().iterator().next();
    Answer one = send("approve one", post("/admin/comments", form.fields(), first));
    approvedOne += moved(one);
    Form after = one.status() == 200 ? form(one.body(), "queue") : null;
    if (after == null) {
      return;
    }
    Map<Long, Button> rest = approveButtons(after);
    Button bulk = after.buttons().get("queue:bulk-approve");
    if (rest.isEmpty() || bulk == null) {
      return;
    }
    Map<String, String> fields = new LinkedHashMap<>(after.fields());
    fields.put(
        "queue:rows_selection",
        String.join(",", rest.keySet().stream().map(String::valueOf).toList()));
    approvedInBulk += moved(send("approve page", post("/admin/comments", fields, bulk)));
  }

  /** The row buttons "Approuver #id", by comment id, in the page's order. */
  private static Map<Long, Button> approveButtons(Form form) {
    Map<Long, Button> buttons = new LinkedHashMap<>();
    for (Button button : form.buttons().values()) {
      Matcher m = APPROVE.matcher(button.label());
      if (m.matches()) {
        buttons.put(Long.parseLong(m.group(1)), button);
      }
    }
    return buttons;
  }

  private long moved(Answer answer) {
    Matcher m = MOVED.matcher(answer.body());
    if (answer.status() == 200 && m.find()) {
      return Long.parseLong(m.group(1));
    }
    if (answer.status() != 200) {
      lastProblem = "HTTP " + answer.status() + " " + clip(answer.body());
    }
    return 0;
  }

  /**
   * The form {@code id} of a page: every hidden field, text field (and text area), ticked box and
   * chosen option with its value as given; submit buttons apart, by name, with their aria-label
   * (or value) to find them.
   */
  static Form form(String html, String id) {
    Matcher f = FORM.matcher(html);
    while (f.find()) {
      if (!f.group(1).equals(id)) {
        continue;
      }
      String body = f.group(2);
      Map<String, String> fields = new LinkedHashMap<>();
      Map<String, Button> buttons = new LinkedHashMap<>();
      Matcher input = INPUT.matcher(body);
      while (input.find()) {
        Map<String, String> a = attributes(input.group(2));
        String name = a.get("name");
        if (name == null) {
          continue;
        }
        String type = a.getOrDefault("type", input.group(1).equals("button") ? "submit" : "text");
        switch (type.toLowerCase(Locale.ROOT)) {
          case "submit", "image" -> {
            String value = a.getOrDefault("value", "");
            buttons.put(name, new Button(name, value, a.getOrDefault("aria-label", value)));
          }
          case "button", "reset", "file" -> {}
          case "checkbox", "radio" -> {
            if (a.containsKey("checked")) {
              fields.put(name, a.getOrDefault("value", "on"));
            }
          }
          default -> fields.put(name, a.getOrDefault("value", ""));
        }
      }
      Matcher area = TEXTAREA.matcher(body);
      while (area.find()) {
        String name = attributes(area.group(1)).get("name");
        if (name != null) {
          fields.put(name, unescape(area.group(2)));
        }
      }
      return new Form(fields, buttons);
    }
    return null;
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> a = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(tag);
    while (m.find()) {
      a.put(m.group(1).toLowerCase(Locale.ROOT), unescape(m.group(2)));
    }
    if (CHECKED.matcher(ATTRIBUTE.matcher(tag).replaceAll("")).find()) {
      a.putIfAbsent("checked", "checked");
    }
    return a;
  }

  private static String unescape(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String c =
          switch (e) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default ->
                new String(
                    Character.toChars(
                        e.startsWith("#x")
                            ? Integer.parseInt(e.substring(2), 16)
                            : Integer.parseInt(e.substring(1))));
          };
      m.appendReplacement(out, Matcher.quoteReplacement(c));
    }
    m.appendTail(out);
    return out.toString();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("User-Agent", AGENT)
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  /** The form's fields and the pressed button, urlencoded, as a browser sends them. */
  private HttpRequest post(String path, Map<String, String> fields, Button button) {
    StringBuilder body = new StringBuilder();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put(button.name(), button.value());
    all.forEach(
        (name, value) -> {
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(enc(name)).append('=').append(enc(value));
        });
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("User-Agent", AGENT)
        .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  private Answer send(String kind, HttpRequest request) throws IOException, InterruptedException {
    long started = System.nanoTime();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    latencies.add(System.nanoTime() - started);
    statuses.merge(kind + " " + response.statusCode(), 1, Integer::sum);
    if (response.statusCode() >= 500) {
      lastProblem = kind + ": HTTP " + response.statusCode() + " " + clip(response.body());
    }
    return new Answer(
        response.statusCode(),
        response.body(),
        response.headers().firstValue("Location").orElse(""));
  }

  private void report(int seconds) {
    Collections.sort(latencies);
    StringBuilder byStatus = new StringBuilder();
    long errors = 0;
    for (Map.Entry<String, Integer> e : statuses.entrySet()) {
      byStatus.append(byStatus.length() == 0 ? "" : ",");
      byStatus.append('"').append(e.getKey()).append("\":").append(e.getValue());
      int status = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf(' ') + 1));
      boolean expected = status == 200 || (status == 302 && e.getKey().startsWith("sign-in"));
      if (!expected) {
        errors += e.getValue();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "{\"seconds\":%d,\"requests\":%d,\"unexpectedStatuses\":%d,\"failed\":%d,"
            + "\"signIns\":%d,\"queueViews\":%d,\"emptyQueues\":%d,\"approvedOne\":%d,"
            + "\"approvedInBulk\":%d,\"approved\":%d,\"p50ms\":%.1f,\"p90ms\":%.1f,"
            + "\"p99ms\":%.1f,\"maxms\":%.1f,\"statuses\":{%s},\"lastProblem\":\"%s\"}%n",
        seconds,
        latencies.size(),
        errors,
        failed,
        signIns,
        queueViews,
        emptyQueues,
        approvedOne,
        approvedInBulk,
        approvedOne + approvedInBulk,
        pct(50),
        pct(90),
        pct(99),
        pct(100),
        byStatus,
        lastProblem.replace("\\", "\\\\").replace("\"", "'"));
  }

  private double pct(int p) {
    if (latencies.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * latencies.size()) - 1;
    return latencies.get(Math.max(0, Math.min(latencies.size() - 1, i))) / 1e6;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String clip(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() > 160 ? flat.substring(0, 160) : flat;
  }
}
