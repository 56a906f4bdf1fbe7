package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.tribune.web.it.Console.admin;
import static org.tribune.web.it.Console.text;
import static org.tribune.web.it.MediaIT.spaced;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * « À la une » over HTTP, without JavaScript: editors put published articles on the front page from
 * the editor's card, with a position and an optional end; the home page shows the lead story first
 * and the others after it, in order; a position or an end that is not valid is refused in French;
 * an article taken off leaves the home page. On the server of {@link ConsoleFlowsServer}.
 */
@ExtendWith(ConsoleFlowsServer.class)
class FrontPageIT {

  @Test
  void featuredArticlesLeadTheHomePageInTheirOrderAndLeaveItWhenTakenOff(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      long first = published(admin, Editor.uniqueTitle("Le conseil municipal vote le budget"));
      long second = published(admin, Editor.uniqueTitle("La crue de la rivière recule"));
      String future = siteTime(2);
      assertEquals(text("front-page.saved"), feature(admin, second, "2", ""));
      assertEquals(text("front-page.saved"), feature(admin, first, "1", future));
      try (Visitor reader = Console.visitor(server)) {
        HtmlPage home = reader.open("/");
        List<String> titles = titles(home);
        assertAll(
            () -> assertNotNull(home.querySelector(".featured h1"), "the section's heading"),
            () -> assertEquals(title(admin, first), titles.get(0), "the lead story"),
            () -> assertEquals(title(admin, second), titles.get(1)),
            () -> assertNotNull(home.querySelector(".featured-lead .article-standfirst")));
      }
      assertEquals(text("front-page.removed"), unfeature(admin, first));
      assertEquals(text("front-page.removed"), unfeature(admin, second));
      try (Visitor reader = Console.visitor(server)) {
        List<String> titles = titles(reader.open("/"));
        assertFalse(titles.contains(title(admin, first)), titles::toString);
      }
    }
  }

  @Test
  void aPositionOrAnEndThatIsNotValidIsRefusedInFrenchAndNothingIsFeatured(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      long id = published(admin, Editor.uniqueTitle("Le marché de Noël ouvre samedi"));
      String past = siteTime(-1);
      assertAll(
          () ->
              assertEquals(
                  spaced(text("front-page.position.invalid", 99)),
                  spaced(feature(admin, id, "0", ""))),
          () ->
              assertEquals(
                  spaced(text("front-page.position.invalid", 99)),
                  spaced(feature(admin, id, "premier", ""))),
          () ->
              assertEquals(
                  spaced(text("front-page.until.past")), spaced(feature(admin, id, "1", past))),
          () ->
              assertEquals(
                  spaced(text("front-page.until.invalid")),
                  spaced(feature(admin, id, "1", "demain midi"))));
      try (Visitor reader = Console.visitor(server)) {
        String title = title(admin, id);
        assertFalse(titles(reader.open("/")).contains(title), "nothing featured");
      }
    }
  }

  /** A {@code datetime-local} value this many days from now, in the site's time zone. */
  private static String siteTime(int days) {
    return LocalDateTime.now(ZoneId.of("Europe/Paris"))
        .plusDays(days)
        .withSecond(0)
        .withNano(0)
        .toString();
  }

  static long published(Visitor admin, String title) {
    long id =
        Editor.create(admin, Map.of("title", title, "standfirst", "Le chapeau de l’article."));
    admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "publish"));
    return id;
  }

  /** Sends the editor's « À la une » card ticked, as a browser without script does; its message. */
  static String feature(Visitor admin, long id, String position, String until) {
    HtmlPage editor = Editor.open(admin, id);
    Map<String, String> fields = Console.sentFields(editor.getHtmlElementById("front-page"));
    fields.put("front-page:featured", "on");
    fields.put("front-page:position", position);
    fields.put("front-page:until", until);
    fields.put("front-page:save", text("front-page.save"));
    return Console.messages(
        Visitor.html(admin.post("/admin/articles/edit?id=" + id, fields, Map.of())));
  }

  static String unfeature(Visitor admin, long id) {
    HtmlPage editor = Editor.open(admin, id);
    Map<String, String> fields = Console.sentFields(editor.getHtmlElementById("front-page"));
    fields.remove("front-page:featured");
    fields.put("front-page:save", text("front-page.save"));
    return Console.messages(
        Visitor.html(admin.post("/admin/articles/edit?id=" + id, fields, Map.of())));
  }

  private static String title(Visitor admin, long id) {
    DomElement input = Editor.open(admin, id).getElementById("editor:title");
    return ((org.htmlunit.html.HtmlInput) input).getValue();
  }

  private static List<String> titles(HtmlPage home) {
    return home.querySelectorAll(".featured .article-title").stream()
        .map(t -> t.asNormalizedText().strip())
        .toList();
  }
}
