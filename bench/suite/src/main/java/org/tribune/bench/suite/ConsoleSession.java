package org.tribune.bench.suite;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A staff member's session in the console, as a browser without JavaScript keeps it: signs in
 * through {@code /admin/login}'s form, keeps the session cookie, reads a page's forms (every hidden
 * field as the page gave it: {@code jakarta.faces.ViewState}, {@code primefaces.nonce}...) and
 * sends them back with the pressed button. Used by {@link ConsoleModerator} and by bench/media's
 * tools.
 */
public final class ConsoleSession {
  private static final Pattern FORM =
      Pattern.compile("<form\\b[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern INPUT = Pattern.compile("<(input|button)\\b([^>]*)>");
  private static final Pattern TEXTAREA =
      Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");
  private static final Pattern CHECKED = Pattern.compile("(?:^|\\s)checked(?:[\\s=/]|$)");

  /** Told of every answer: what was asked ({@code kind}), its status, how long it took. */
  public interface Listener {
    void answered(String kind, Answer answer, long nanos);
  }

  /** A form of a page: its fields as a browser sends them, and its submit buttons by name. */
  public record Form(Map<String, String> fields, Map<String, Button> buttons) {}

  /** A submit button: what it sends ({@code name=value}) and what a reader hears (its label). */
  public record Button(String name, String value, String label) {}

  /** An answer: its status, its body as text, its {@code Location} (or empty). */
  public record Answer(int status, String body, String location) {}

  private final HttpClient client;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final String base;
  private final String agent;
  private final Listener listener;

  public ConsoleSession(String base, String agent, Listener listener) {
    this.base = base;
    this.agent = agent;
    this.listener = listener;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();
  }

  /** Signs in with the sign-in page's form; fails unless sent on to a console page. */
  public void signIn(String email, String password) throws IOException, InterruptedException {
    Answer page = send("sign-in page", get("/admin/login"));
    Form login = form(page.body(), "login");
    if (login == null || !login.buttons().containsKey("login:submit")) {
      throw new IOException("no sign-in form (HTTP " + page.status() + ")");
    }
    Map<String, String> fields = new LinkedHashMap<>(login.fields());
    fields.put("login:email", email);
    fields.put("login:password", password);
    Answer answer =
        send("sign-in", post("/admin/login", fields, login.buttons().get("login:submit")));
    if (answer.status() != 302 || answer.location().endsWith("/admin/login")) {
      throw new IOException("signing in failed: HTTP " + answer.status() + " " + answer.location());
    }
  }

  /** The session's cookies as a {@code Cookie} header sends them (for wrk or curl). */
  public String cookieHeader() {
    StringBuilder header = new StringBuilder();
    for (HttpCookie cookie : cookies.getCookieStore().get(URI.create(base + "/admin/"))) {
      header.append(header.length() == 0 ? "" : "; ").append(cookie.getName()).append('=');
      header.append(cookie.getValue());
    }
    return header.toString();
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("User-Agent", agent)
        .timeout(Duration.ofSeconds(30));
  }

  public HttpRequest get(String path) {
    return request(path).build();
  }

  /** The form's fields and the pressed button, urlencoded, as a browser sends them. */
  public HttpRequest post(String path, Map<String, String> fields, Button button) {
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
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  public Answer send(String kind, HttpRequest request) throws IOException, InterruptedException {
    long started = System.nanoTime();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    long nanos = System.nanoTime() - started;
    Answer answer =
        new Answer(
            response.statusCode(),
            response.body(),
            response.headers().firstValue("Location").orElse(""));
    listener.answered(kind, answer, nanos);
    return answer;
  }

  /**
   * The form {@code id} of a page: every hidden field, text field (and text area), ticked box and
   * chosen option with its value as given; submit buttons apart, by name, with their aria-label (or
   * value) to find them.
   */
  public static Form form(String html, String id) {
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

  public static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
