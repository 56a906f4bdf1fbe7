package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Visitor.html;
import static org.tribune.web.it.Visitor.location;
import static org.tribune.web.it.Visitor.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;

/**
 * The article editor of the console ({@code /admin/articles/edit}) as a staff member without
 * JavaScript uses it: its fields are named {@code editor:<field>} ({@code editor:title}, {@code
 * editor:body}…) and its buttons {@code editor:<action>} ({@code editor:save}, {@code
 * editor:publish}…).
 */
final class Editor {
  private static final Pattern ID = Pattern.compile("[?&]id=(\\d+)");
  private static final Pattern VERSION = Pattern.compile("version (\\d+)");
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private Editor() {}

  /** A title no other test uses. */
  static String uniqueTitle(String title) {
    return title + " n° " + SERIAL.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
  }

  static HtmlPage open(Visitor staff, long id) {
    return staff.open("/admin/articles/edit?id=" + id);
  }

  /**
   * Writes a new article with these fields (at least {@code title}; the first author is ticked when
   * no {@code authors} is given) and saves it; fails unless it was created. Returns its id.
   */
  static long create(Visitor staff, Map<String, String> fields) {
    return created(staff, "/admin/articles/edit", fields);
  }

  /**
   * Writes a new page from {@code /admin/articles/edit?type=page} with these fields, as {@link
   * #create} does: {@code parent} is the id of its parent page (none: at the root), and {@code
   * show-byline}, {@code show-date}, {@code show-share} and {@code comments-open} are ticked by
   * {@code "on"}. Fails unless it was created; returns its id.
   */
  static long createPage(Visitor staff, Map<String, String> fields) {
    return created(staff, "/admin/articles/edit?type=page", fields);
  }

  private static long created(Visitor staff, String address, Map<String, String> fields) {
    HtmlPage editor = staff.open(address);
    Page answer = press(staff, editor, fields, "save");
    assertEquals(302, status(answer), () -> "it was not created:\n" + problems(answer));
    return idIn(location(answer));
  }

  /** The id of the article of an editor address. */
  static long idIn(String address) {
    Matcher id = ID.matcher(address);
    assertTrue(id.find(), () -> "no article id in " + address);
    return Long.parseLong(id.group(1));
  }

  /**
   * Fills the editor's fields ({@code title} for {@code editor:title}; {@code authors} is a comma-
   * separated list of author ids; {@code tags} a list of names separated by {@code |}) and presses
   * the button {@code editor:<button>}; the answer as it comes.
   */
  static Page press(Visitor staff, HtmlPage editor, Map<String, String> fields, String button) {
    HtmlForm form = editor.getHtmlElementById("editor");
    Map<String, String> plain = new LinkedHashMap<>();
    fields.forEach(
        (name, value) -> {
          switch (name) {
            case "authors" -> tickAuthors(form, value);
            case "tags" -> setTags(form, value.isEmpty() ? List.of() : List.of(value.split("\\|")));
            default -> plain.put("editor:" + name, value);
          }
        });
    if (!fields.containsKey("authors") && checkedAuthors(form).isEmpty()) {
      List<HtmlCheckBoxInput> boxes = authorBoxes(form);
      if (!boxes.isEmpty()) {
        boxes.get(0).setChecked(true);
      }
    }
    // Limits of the browser are not the server's: a test may send what a browser would not.
    for (String name : plain.keySet()) {
      DomElement field = form.querySelector("[name='" + name + "']");
      if (field != null) {
        field.removeAttribute("maxlength");
      }
    }
    return staff.submit(form, plain, "editor:" + button);
  }

  /** Like {@link #press} for an action that shows the editor again (a refusal, a save). */
  static HtmlPage pressForPage(
      Visitor staff, HtmlPage editor, Map<String, String> fields, String button) {
    Page answer = press(staff, editor, fields, button);
    if (Visitor.isRedirect(answer)) {
      return staff.follow(answer);
    }
    assertEquals(200, status(answer), () -> "the editor answered " + status(answer));
    return html(answer);
  }

  static List<HtmlCheckBoxInput> authorBoxes(HtmlForm form) {
    List<HtmlCheckBoxInput> boxes = new ArrayList<>();
    for (DomNode node : form.querySelectorAll("input[type=checkbox][name='editor:authors']")) {
      boxes.add((HtmlCheckBoxInput) node);
    }
    return boxes;
  }

  /** The author ids the editor offers, with their names. */
  static Map<Long, String> authors(HtmlPage editor) {
    Map<Long, String> authors = new LinkedHashMap<>();
    for (HtmlCheckBoxInput box : authorBoxes(editor.getHtmlElementById("editor"))) {
      DomNode label = editor.querySelector("label[for='" + box.getId() + "']");
      authors.put(
          Long.parseLong(box.getValueAttribute()),
          label == null ? "" : label.getTextContent().strip());
    }
    return authors;
  }

  private static List<String> checkedAuthors(HtmlForm form) {
    return authorBoxes(form).stream()
        .filter(HtmlCheckBoxInput::isChecked)
        .map(HtmlCheckBoxInput::getValueAttribute)
        .toList();
  }

  private static void tickAuthors(HtmlForm form, String ids) {
    List<String> wanted = List.of(ids.split(","));
    for (HtmlCheckBoxInput box : authorBoxes(form)) {
      box.setChecked(wanted.contains(box.getValueAttribute()));
    }
  }

  /** Sets the tags field: names separated by commas. */
  private static void setTags(HtmlForm form, List<String> names) {
    DomElement field = form.querySelector("input[name='editor:tags']");
    assertNotNull(field, () -> "no tags field in " + form.asXml());
    ((HtmlInput) field).setValue(String.join(", ", names));
  }

  /** The value of a field as the editor shows it ({@code title}, {@code body}…). */
  static String field(HtmlPage editor, String name) {
    DomElement element = editor.getElementById("editor:" + name);
    assertNotNull(element, () -> "no field " + name);
    if (element instanceof HtmlTextArea area) {
      return area.getText().replace("\r\n", "\n");
    }
    if (element instanceof HtmlSelect select) {
      return select.getSelectedOptions().isEmpty()
          ? ""
          : select.getSelectedOptions().get(0).getValueAttribute();
    }
    return ((HtmlInput) element).getValue();
  }

  /** The French message shown next to a field, blank when there is none. */
  static String fieldError(HtmlPage editor, String name) {
    DomElement element = editor.getElementById("editor:" + name);
    assertNotNull(element, () -> "no field " + name);
    DomNode field = element;
    while (field != null
        && !(field instanceof DomElement e && e.getAttribute("class").contains("field"))) {
      field = field.getParentNode();
    }
    assertNotNull(field, () -> name + " is in no .field");
    DomNode error = field.querySelector(".field-error");
    return error == null ? "" : error.getTextContent().strip();
  }

  /** The status the editor shows ("Brouillon", "Publié"…). */
  static String statusShown(HtmlPage editor) {
    return editor.querySelector("#editor .badge").getTextContent().strip();
  }

  /** The version the editor shows. */
  static long version(HtmlPage editor) {
    Matcher version =
        VERSION.matcher(editor.querySelector("#editor .badge").getParentNode().getTextContent());
    assertTrue(version.find(), "no version shown");
    return Long.parseLong(version.group(1));
  }

  /** The tag names the editor shows. */
  static List<String> tags(HtmlPage editor) {
    String text = field(editor, "tags");
    return text.isBlank() ? List.of() : List.of(text.split(",\\s*"));
  }

  /** The numbers of the revisions listed, newest first. */
  static List<Integer> revisions(HtmlPage editor) {
    List<Integer> numbers = new ArrayList<>();
    for (DomNode row : editor.querySelectorAll("table.revisions tbody tr")) {
      numbers.add(Integer.parseInt(row.querySelector("td").getTextContent().strip()));
    }
    return numbers;
  }

  /** Clicks a button found by CSS (a revision's "Restaurer"); the answer as it comes. */
  static Page click(Visitor staff, HtmlPage page, String css) {
    DomNode button = page.querySelector(css);
    assertNotNull(button, () -> "nothing matches " + css);
    return staff.click((HtmlElement) button);
  }

  /** The public address of a saved article, from its slug. */
  static String publicPath(HtmlPage editor) {
    String slug = field(editor, "slug");
    assertFalse(slug.isBlank(), "no slug");
    return "/articles/" + slug;
  }

  private static String problems(Page answer) {
    if (answer instanceof HtmlPage page) {
      StringBuilder text = new StringBuilder(Console.messages(page));
      for (DomNode error : page.querySelectorAll(".field-error")) {
        text.append(" | ").append(error.getTextContent().strip());
      }
      return text.toString();
    }
    return Visitor.text(answer);
  }
}
