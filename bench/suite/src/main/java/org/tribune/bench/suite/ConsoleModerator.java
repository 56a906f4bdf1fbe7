package org.tribune.bench.suite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribune.bench.suite.ConsoleSession.Answer;
import org.tribune.bench.suite.ConsoleSession.Button;
import org.tribune.bench.suite.ConsoleSession.Form;

/**
 * A moderator in the console, as a browser without JavaScript: signs in through {@code
 * /admin/login}, then, every few seconds, opens the queue of held comments ({@code
 * /admin/comments?status=PENDING}) and approves what it shows through the queue's own form: the
 * first comment with its row's "Approuver" button, then the rest of the page with the bulk
 * "Approuver" button and the rows ticked (the hidden selection field PrimeFaces' check boxes fill).
 * Every form is sent as {@link ConsoleSession} sends it: all its hidden fields as the page gave
 * them, its text fields, and the pressed button; the session cookie is kept as a browser keeps it.
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
  private static final Pattern APPROVE = Pattern.compile("^Approuver #(\\d+)$");
  private static final Pattern MOVED = Pattern.compile("(\\d+) commentaire\\(s\\) déplacé");

  private final ConsoleSession session;
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
    this.session = new ConsoleSession(base, AGENT, this::answered);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("Usage: ConsoleModerator BASE SECONDS EMAIL PASSWORD [PAUSE_SECONDS]");
      System.exit(2);
    }
    double pause = args.length >= 5 ? Double.parseDouble(args[4]) : 2;
    new ConsoleModerator(args[0]).run(Integer.parseInt(args[1]), args[2], args[3], pause);
  }

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
    session.signIn(email, password);
    signIns++;
  }

  /** One round: the queue, the first comment approved alone, the rest of the page at once. */
  private void moderate() throws IOException, InterruptedException {
    Answer queue = session.send("queue", session.get("/admin/comments?status=PENDING"));
    if (queue.status() == 302) {
      // The session was lost (counted as an unexpected status): sign in again, as a moderator
      // would.
      lastProblem = "queue: sent to " + queue.location();
      signIn();
      return;
    }
    queueViews++;
    Form form = ConsoleSession.form(queue.body(), "queue");
    if (queue.status() != 200 || form == null) {
      throw new IOException("no moderation queue (HTTP " + queue.status() + ")");
    }
    Map<Long, Button> approve = approveButtons(form);
    if (approve.isEmpty()) {
      emptyQueues++;
      return;
    }
    Button first = approve.values().iterator().next();
    Answer one = session.send("approve one", session.post("/admin/comments", form.fields(), first));
    approvedOne += moved(one);
    Form after = one.status() == 200 ? ConsoleSession.form(one.body(), "queue") : null;
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
    approvedInBulk +=
        moved(session.send("approve page", session.post("/admin/comments", fields, bulk)));
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

  private void answered(String kind, Answer answer, long nanos) {
    latencies.add(nanos);
    statuses.merge(kind + " " + answer.status(), 1, Integer::sum);
    if (answer.status() >= 500) {
      lastProblem = kind + ": HTTP " + answer.status() + " " + clip(answer.body());
    }
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

  private static String clip(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() > 160 ? flat.substring(0, 160) : flat;
  }
}
