package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Visitor.html;
import static org.tribune.web.it.Visitor.location;
import static org.tribune.web.it.Visitor.status;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;

/**
 * What the console tests do as staff over HTTP, through the console's own pages and forms: sign in,
 * create an account as an administrator, read the page's messages; and the console's French texts,
 * read from its bundle.
 */
public final class Console {
  private static final ResourceBundle TEXTS =
      ResourceBundle.getBundle("org.tribune.web.i18n.console", Locale.ROOT);

  /** Last byte pairs of the addresses handed out, 127.0.1.2 onwards. */
  private static final AtomicInteger ADDRESSES = new AtomicInteger(1 << 8 | 1);

  /** Makes e-mail addresses and names unique within a run. */
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private Console() {}

  /** A console text in French, its {@code {0}} filled. */
  static String text(String key, Object... arguments) {
    String pattern = TEXTS.getString(key);
    return arguments.length == 0
        ? pattern
        : new MessageFormat(pattern, Locale.FRANCE).format(arguments);
  }

  /**
   * A console text as HtmlUnit's {@code asNormalizedText()} and WebDriver's {@code getText()} give
   * it: its no-break spaces U+00A0 (French typography, « Jeton : ») as plain ones. Both keep the
   * narrow U+202F (before « ; ! ? »).
   */
  static String shown(String key, Object... arguments) {
    return text(key, arguments).replace('\u00a0', ' ');
  }

  /**
   * A client without JavaScript whose connections come from an address no other client of the run
   * uses, so that the sign-in limit per address counts its failures alone.
   */
  static Visitor visitor(TribuneServer server) {
    int next = ADDRESSES.incrementAndGet();
    return Visitor.from(server, "127.0." + (next >> 8) + "." + (next & 0xff));
  }

  /** An e-mail address no other test uses. */
  static String uniqueEmail(String who) {
    return who
        + "-"
        + SERIAL.incrementAndGet()
        + "-"
        + Long.toHexString(System.nanoTime())
        + "@example.org";
  }

  /** Fills and sends the sign-in form; the answer as it comes (a redirect when it worked). */
  static Page signIn(Visitor visitor, String email, String password) {
    return signInOn(visitor, visitor.open("/admin/login"), email, password);
  }

  /** Sends the sign-in form of a page already open; the answer as it comes. */
  static Page signInOn(Visitor visitor, HtmlPage page, String email, String password) {
    return visitor.submit(
        page.getHtmlElementById("login"),
        Map.of("login:email", email, "login:password", password),
        "login:submit");
  }

  /** Signs in and fails unless it worked; returns the page the console then shows. */
  static HtmlPage signedIn(Visitor visitor, String email, String password) {
    Page answer = signIn(visitor, email, password);
    assertEquals(
        302, status(answer), () -> "signing in as " + email + " failed:\n" + Visitor.text(answer));
    return visitor.follow(answer);
  }

  static Visitor admin(TribuneServer server) {
    Visitor admin = visitor(server);
    signedIn(admin, ConsoleServer.ADMIN_EMAIL, ConsoleServer.ADMIN_PASSWORD);
    return admin;
  }

  /** Sends the "new account" form of {@code /admin/accounts}; returns the page answered. */
  static HtmlPage createAccount(
      Visitor admin, String email, String name, String role, String password) {
    HtmlPage accounts = admin.open("/admin/accounts");
    return Visitor.html(
        admin.submit(
            accounts.getHtmlElementById("accounts"),
            Map.of(
                "accounts:email", email,
                "accounts:name", name,
                "accounts:role", role,
                "accounts:password", password),
            "accounts:save"));
  }

  /** Creates an account and fails unless the page says it was created. */
  static void createdAccount(Visitor admin, String email, String role, String password) {
    HtmlPage page =
        createAccount(admin, email, "Compte " + role.toLowerCase(Locale.ROOT), role, password);
    assertEquals(text("accounts.created", email), messages(page));
  }

  /** The text of the page's messages (PrimeFaces {@code p:messages}), blank when there are none. */
  static String messages(HtmlPage page) {
    DomElement messages = page.getElementById("page-messages");
    return messages == null ? "" : messages.getTextContent().strip().replaceAll("\\s+", " ");
  }

  /** Asserts a redirect to the sign-in page. */
  static void assertSentToSignIn(Page answer) {
    assertEquals(302, status(answer), () -> "not a redirect: " + Visitor.text(answer));
    assertTrue(
        location(answer).endsWith("/admin/login"), () -> "redirected to " + location(answer));
  }

  /** The audit entries whose target or detail contains a text, newest first. */
  static List<List<String>> auditRows(Visitor admin, String text) {
    HtmlPage audit = admin.open("/admin/audit");
    HtmlPage filtered =
        html(
            admin.submit(
                audit.getHtmlElementById("audit"), Map.of("audit:text", text), "audit:filter"));
    return rows(filtered, "audit:entries");
  }

  /**
   * The cells' texts of a PrimeFaces data table's rows; none when it shows "no element". The page
   * is changed: column titles are taken out of the cells.
   */
  static List<List<String>> rows(HtmlPage page, String tableId) {
    DomElement table = page.getElementById(tableId);
    assertNotNull(table, () -> "no table " + tableId);
    List<List<String>> rows = new ArrayList<>();
    for (DomNode row : table.querySelectorAll("tbody tr")) {
      if (((DomElement) row).getAttribute("class").contains("ui-datatable-empty-message")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (DomNode cell : row.querySelectorAll("td")) {
        // In reflow mode each cell also holds its column's title, shown on narrow screens only.
        cell.querySelectorAll(".ui-column-title").forEach(DomNode::remove);
        cells.add(cell.getTextContent().strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  /** Every field a browser would send with a form, but no button. */
  static Map<String, String> formFields(HtmlForm form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (DomNode node : form.querySelectorAll("input, textarea, select")) {
      DomElement field = (DomElement) node;
      String name = field.getAttribute("name");
      String type = field.getAttribute("type");
      if (name.isEmpty()
          || type.equals("submit")
          || type.equals("checkbox")
          || type.equals("file")) {
        continue;
      }
      if (field instanceof HtmlSelect select) {
        fields.put(
            name,
            select.getSelectedOptions().isEmpty()
                ? ""
                : select.getSelectedOptions().get(0).getValueAttribute());
      } else if (field instanceof HtmlInput input) {
        fields.put(name, input.getValue());
      } else {
        fields.put(name, field.getTextContent());
      }
    }
    return fields;
  }

  /**
   * Every field a browser would send with a Faces form, but no button: ticked boxes included (the
   * first of a name), which {@link #formFields} leaves out.
   */
  public static Map<String, String> sentFields(HtmlForm form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (DomNode node : form.querySelectorAll("input, textarea, select")) {
      DomElement field = (DomElement) node;
      String name = field.getAttribute("name");
      String type = field.getAttribute("type");
      if (name.isEmpty() || type.equals("submit")) {
        continue;
      }
      if (type.equals("checkbox")) {
        if (((HtmlInput) field).isChecked()) {
          fields.merge(name, ((HtmlInput) field).getValue(), (a, b) -> a);
        }
      } else if (field instanceof HtmlSelect select) {
        if (!select.getSelectedOptions().isEmpty()) {
          fields.put(name, select.getSelectedOptions().get(0).getValueAttribute());
        }
      } else if (field instanceof HtmlTextArea area) {
        fields.put(name, area.getText());
      } else if (field instanceof HtmlInput input) {
        fields.put(name, input.getValue());
      }
    }
    assertNotNull(fields.get("jakarta.faces.ViewState"), "the form has no view state");
    return fields;
  }
}
