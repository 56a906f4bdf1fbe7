package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.htmlunit.FormEncodingType;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.util.Cookie;
import org.htmlunit.util.NameValuePair;

/**
 * One reader of the site without JavaScript (HtmlUnit, see {@link WebClients}), with a cookie jar
 * of their own, who sees every answer as it comes: redirects are followed only when asked, so that
 * a test can look at a 303 or a 302 first.
 *
 * <p>A discussion page that is the same for every reader holds no form token: before sending one of
 * its forms, this reader asks for the token as {@code discussion.js} does ({@link #formToken}).
 * {@link #sendWithoutScript} sends a form as a browser without the script does.
 *
 * <p>Fragments ({@code #comment-12}) are never sent: a browser keeps them for itself, and HtmlUnit
 * would take a new fragment of the current address for a jump within the page, not a request.
 */
final class Visitor implements AutoCloseable {
  private static final int MOST_REDIRECTS = 5;
  private static final Pattern COMMENT_ANCHOR = Pattern.compile("#comment-(\\d+)$");
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

  private final TribuneServer server;
  private final WebClient client;

  Visitor(TribuneServer server) {
    this(server, null);
  }

  private Visitor(TribuneServer server, InetAddress source) {
    this.server = server;
    this.client = WebClients.withoutJavaScript();
    client.getOptions().setRedirectEnabled(false);
    if (source != null) {
      client.getOptions().setLocalAddress(source);
    }
  }

  /**
   * A reader whose connections leave from {@code loopback} (Linux answers on all of 127.0.0.0/8),
   * so that the server, which counts comments by address, counts theirs apart from other tests'.
   */
  static Visitor from(TribuneServer server, String loopback) {
    try {
      InetAddress address = InetAddress.getByName(loopback);
      assertTrue(address.isLoopbackAddress(), () -> loopback + " is not a loopback address");
      return new Visitor(server, address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(loopback, e);
    }
  }

  /** GETs an address of the site ({@code /articles/x} or absolute) without following a redirect. */
  Page get(String address) {
    return load(new WebRequest(url(address)));
  }

  /** GETs a page, following the site's redirects, and fails unless it is HTML. */
  HtmlPage open(String address) {
    Page page = get(address);
    for (int i = 0; i < MOST_REDIRECTS && isRedirect(page); i++) {
      page = get(location(page));
    }
    return html(page);
  }

  /** Follows the redirect a POST or a permalink answered, and fails if it is not one. */
  HtmlPage follow(Page redirect) {
    assertTrue(
        isRedirect(redirect),
        () ->
            "expected a redirect from "
                + redirect.getUrl()
                + ", got "
                + status(redirect)
                + ":\n"
                + excerpt(redirect));
    return open(location(redirect));
  }

  /**
   * Fills the named fields of a form as a reader types them (text, hidden value, or "on" / "" for a
   * box) and presses its first submit button.
   */
  Page submit(HtmlForm form, Map<String, String> fields) {
    askTokenIfNone(form.getPage());
    fill(form, fields);
    HtmlButton button = form.querySelector("button[type=submit]");
    assertNotNull(button, () -> "no submit button in " + form.asXml());
    return press(button);
  }

  /**
   * Fills the named fields of a form and presses the submit button or input of that name: the
   * console's Faces buttons are {@code <input type="submit">}, named after their id.
   */
  Page submit(HtmlForm form, Map<String, String> fields, String buttonName) {
    askTokenIfNone(form.getPage());
    fill(form, fields);
    HtmlElement button = form.querySelector("[type=submit][name='" + buttonName + "']");
    assertNotNull(button, () -> "no submit button " + buttonName + " in " + form.asXml());
    return click(button);
  }

  /**
   * Sends the form {@code formId} of {@code page} with these fields through its submit input {@code
   * buttonName}, and returns the page answered (it must be HTML).
   */
  HtmlPage send(HtmlPage page, String formId, Map<String, String> fields, String buttonName) {
    return html(submit(page.getHtmlElementById(formId), fields, buttonName));
  }

  /** Clicks an element (a submit input, a link) and returns the answer as it comes. */
  Page click(HtmlElement element) {
    try {
      return element.click();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends a form with these fields as a browser without the script does: an empty form token stays
   * empty.
   */
  Page sendWithoutScript(HtmlForm form, Map<String, String> fields) {
    fill(form, fields);
    HtmlButton button = form.querySelector("button[type=submit]");
    assertNotNull(button, () -> "no submit button in " + form.asXml());
    try {
      return button.click();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Presses a submit button (a vote arrow, "Supprimer"…). */
  Page press(HtmlButton button) {
    askTokenIfNone(button.getPage());
    try {
      return button.click();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The form token of a discussion page: the one it holds (a page of the visitor's own), or, on a
   * page that is the same for every reader, the one its script asks for at the discussion's {@code
   * data-token} address (which gives the visitor cookie too). Every empty token field of the page
   * gets it, as the script does.
   */
  static String formToken(HtmlPage page) {
    DomElement field = page.querySelector("input[name=form-token]");
    assertNotNull(field, () -> "no form token field on " + page.getUrl());
    String value = field instanceof HtmlInput input ? input.getValue() : "";
    if (!value.isEmpty()) {
      return value;
    }
    DomElement section = page.getElementById("comments");
    assertNotNull(section, () -> "no discussion on " + page.getUrl());
    String address = section.getAttribute("data-token");
    assertFalse(address.isEmpty(), () -> "no token address on " + page.getUrl());
    String json;
    try {
      WebRequest request = new WebRequest(page.getFullyQualifiedUrl(address));
      request.setAdditionalHeader("Accept", "application/json");
      var response = page.getWebClient().loadWebResponse(request);
      assertEquals(
          200, response.getStatusCode(), () -> address + " answered " + response.getStatusCode());
      assertTrue(
          response.getResponseHeaderValue("Cache-Control").contains("no-store"),
          "a token is never kept by a cache");
      json = response.getContentAsString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher token = TOKEN.matcher(json);
    assertTrue(token.find(), () -> "no token in " + json);
    for (DomNode input : page.querySelectorAll("input[name=form-token]")) {
      if (input instanceof HtmlInput hidden && hidden.getValue().isEmpty()) {
        hidden.setValue(token.group(1));
      }
    }
    return token.group(1);
  }

  private static void askTokenIfNone(Page page) {
    if (page instanceof HtmlPage html
        && html.getElementById("comments") != null
        && html.querySelector("input[name=form-token]") != null) {
      formToken(html);
    }
  }

  static void fill(HtmlForm form, Map<String, String> fields) {
    fields.forEach(
        (name, value) -> {
          DomElement field = form.querySelector("[name='" + name + "']");
          assertNotNull(field, () -> "no field " + name + " in form " + form.getId());
          if (field instanceof HtmlTextArea area) {
            area.setText(value);
          } else if (field instanceof HtmlCheckBoxInput box) {
            box.setChecked(!value.isEmpty());
          } else if (field instanceof HtmlSelect select) {
            select.setSelectedAttribute(value, true); // throws if there is no such option
          } else {
            assertInstanceOf(HtmlInput.class, field, () -> name + " is not an input");
            ((HtmlInput) field).setValue(value);
          }
        });
  }

  /**
   * Writes a comment (or, with a {@code parent} field, a reply) through the article's own form, as
   * a reader does; returns its id, read from the redirect to its anchor.
   */
  long postComment(String articlePath, Map<String, String> fields) {
    HtmlPage page = open(articlePath);
    Page posted = submit(page.getHtmlElementById("comment-form"), fields);
    assertTrue(isRedirect(posted), () -> "the comment was not posted:\n" + excerpt(posted));
    Matcher anchor = COMMENT_ANCHOR.matcher(location(posted));
    assertTrue(anchor.find(), () -> "not a comment's anchor: " + location(posted));
    return Long.parseLong(anchor.group(1));
  }

  /** POSTs fields as a form does ({@code application/x-www-form-urlencoded}, UTF-8). */
  Page post(String address, Map<String, String> fields, Map<String, String> headers) {
    WebRequest request = new WebRequest(url(address), HttpMethod.POST);
    request.setEncodingType(FormEncodingType.URL_ENCODED);
    request.setCharset(StandardCharsets.UTF_8);
    List<NameValuePair> parameters = new ArrayList<>();
    fields.forEach((name, value) -> parameters.add(new NameValuePair(name, value)));
    request.setRequestParameters(parameters);
    headers.forEach(request::setAdditionalHeader);
    return load(request);
  }

  /**
   * POSTs fields as {@link #post} does, but neither parses nor keeps the answer: for the many quick
   * requests of a limit's test. Returns the status and the body as text.
   */
  Map.Entry<Integer, String> postQuickly(String address, Map<String, String> fields) {
    WebRequest request = new WebRequest(url(address), HttpMethod.POST);
    request.setEncodingType(FormEncodingType.URL_ENCODED);
    request.setCharset(StandardCharsets.UTF_8);
    List<NameValuePair> parameters = new ArrayList<>();
    fields.forEach((name, value) -> parameters.add(new NameValuePair(name, value)));
    request.setRequestParameters(parameters);
    try {
      var response = client.loadWebResponse(request);
      try {
        return Map.entry(
            response.getStatusCode(), response.getContentAsString(StandardCharsets.UTF_8));
      } finally {
        response.cleanUp();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + request.getUrl(), e);
    }
  }

  /** POSTs a body written by hand, percent-escapes included, as a hostile client does. */
  Page postEncoded(String address, String encodedBody) {
    WebRequest request = new WebRequest(url(address), HttpMethod.POST);
    request.setAdditionalHeader("Content-Type", "application/x-www-form-urlencoded");
    request.setRequestBody(encodedBody);
    return load(request);
  }

  /** The value of one of the cookies the site gave this reader. */
  Optional<String> cookie(String name) {
    return Optional.ofNullable(client.getCookieManager().getCookie(name)).map(Cookie::getValue);
  }

  /** A {@code Cookie} header with every cookie the site gave this reader, as a browser sends it. */
  String cookieHeader() {
    return client.getCookieManager().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  /** Every value of a header of an answer ({@code Set-Cookie} comes once per cookie). */
  static List<String> headers(Page page, String name) {
    return page.getWebResponse().getResponseHeaders().stream()
        .filter(header -> header.getName().equalsIgnoreCase(name))
        .map(NameValuePair::getValue)
        .toList();
  }

  /** Forgets every cookie, as a new browser. */
  void clearCookies() {
    client.getCookieManager().clearCookies();
  }

  /** The address of the article titled so, from the links of the home page and the next ones. */
  String articlePath(String title) {
    HtmlPage list = open("/");
    for (int page = 1; page <= 20; page++) {
      for (DomNode link : list.querySelectorAll("h2.article-title a")) {
        if (link.getTextContent().strip().equals(title)) {
          return URI.create(((DomElement) link).getAttribute("href")).getPath();
        }
      }
      DomElement next = list.querySelector(".pagination a[rel=next]");
      if (next == null) {
        break;
      }
      list = open(next.getAttribute("href"));
    }
    throw new AssertionError("no link to '" + title + "' on the home pages");
  }

  @Override
  public void close() {
    client.close();
  }

  static int status(Page page) {
    return page.getWebResponse().getStatusCode();
  }

  static boolean isRedirect(Page page) {
    int status = status(page);
    return status >= 300 && status < 400;
  }

  /** The {@code Location} of a redirect, as sent (fragment included). */
  static String location(Page page) {
    String location = page.getWebResponse().getResponseHeaderValue("Location");
    assertNotNull(location, () -> "no Location in the answer " + status(page));
    return location;
  }

  /** The page an answer holds, which must be HTML. */
  static HtmlPage html(Page page) {
    assertFalse(isRedirect(page), () -> "a redirect to " + location(page) + ", not a page");
    return assertInstanceOf(
        HtmlPage.class, page, () -> "not an HTML page: " + page.getWebResponse().getContentType());
  }

  /** The body of an answer as the server sent it. */
  static String text(Page page) {
    return page.getWebResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static String excerpt(Page page) {
    String text = text(page);
    return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
  }

  private Page load(WebRequest request) {
    try {
      return client.getPage(request);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + request.getUrl(), e);
    }
  }

  /** An address of the site, resolved against the server's root, without its fragment. */
  private URL url(String address) {
    String resolved = server.uri("/").resolve(address).toString();
    int fragment = resolved.indexOf('#');
    try {
      return URI.create(fragment < 0 ? resolved : resolved.substring(0, fragment)).toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(address, e);
    }
  }
}
