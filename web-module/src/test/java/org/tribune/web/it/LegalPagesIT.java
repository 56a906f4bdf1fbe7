package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Console.admin;
import static org.tribune.web.it.Console.text;
import static org.tribune.web.it.MediaIT.spaced;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The legal pages over HTTP, as an administrator without JavaScript and a reader see them: drafted
 * on the site's first start; the dashboard warns while the <em>Mentions légales</em> are not
 * published; the notice's form refuses an address that is not one and saves nothing then; saved, it
 * writes the page, which once published shows the fields and is linked from every page's footer; a
 * legal page deleted for good is drafted again on demand. On the server of {@link
 * ConsoleFlowsServer} (its first start drafted the pages).
 */
@ExtendWith(ConsoleFlowsServer.class)
class LegalPagesIT {

  private static final Map<String, String> NOTICE =
      Map.of(
          "publisher-name", "Les Éditions du Val",
          "publisher-form", "SAS au capital de 10 000 €",
          "publisher-address", "12 rue des Lilas, 75011 Paris",
          "publisher-phone", "01 23 45 67 89",
          "publisher-email", "redaction@exemple.fr",
          "director", "Anne Martin",
          "host-name", "Hébergeur Exemple",
          "host-address", "3 quai du Port, 13002 Marseille",
          "host-phone", "04 00 00 00 00");

  @Test
  void theNoticeIsDraftedCompletedPublishedAndLinkedFromEveryPage(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      HtmlPage pages = admin.open("/admin/pages");
      List<String> legal = items(pages, "#legal-pages li");
      assertEquals(4, legal.size(), legal::toString);
      assertAll(
          () -> assertTrue(legal.get(0).startsWith("Mentions légales"), legal::toString),
          () -> assertTrue(legal.get(1).startsWith("Charte de modération")),
          () -> assertTrue(legal.get(2).startsWith("Politique de confidentialité")),
          () -> assertTrue(legal.get(3).startsWith("Déclaration d’accessibilité")));
      assertNotNull(admin.open("/admin/dashboard").getElementById("legal-warning"), "warned");
      try (Visitor reader = Console.visitor(server)) {
        assertEquals(404, Visitor.status(reader.get("/mentions-legales")), "a draft");
        assertNull(reader.open("/").querySelector(".legal-links"), "nothing published yet");
      }

      Map<String, String> wrong = new LinkedHashMap<>(NOTICE);
      wrong.put("publisher-email", "redaction chez exemple.fr");
      assertEquals(spaced(text("legal.email.invalid")), spaced(saveNotice(admin, wrong)));
      assertEquals("", field(admin.open("/admin/pages/legal"), "publisher-name"), "nothing saved");

      HtmlPage saved = admin.open("/admin/pages/legal");
      assertEquals(
          spaced(text("legal.saved")), spaced(Console.messages(send(admin, saved, NOTICE))));
      long id = Editor.idIn(href(pages.querySelector("#legal-pages a")));
      admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "publish"));

      try (Visitor reader = Console.visitor(server)) {
        HtmlPage notice = reader.open("/mentions-legales");
        String text = notice.querySelector("main").asNormalizedText();
        assertAll(
            () -> assertEquals("Mentions légales", notice.querySelector("h1").asNormalizedText()),
            () -> assertTrue(text.contains("Les Éditions du Val (SAS au capital de 10 000 €)")),
            () -> assertTrue(text.contains("Anne Martin")),
            () -> assertTrue(text.contains("Hébergeur Exemple, 3 quai du Port")),
            () -> assertNull(notice.querySelector(".article-meta"), "no byline nor date"),
            () -> assertNull(notice.querySelector(".share"), "no share links"),
            () -> assertNull(notice.querySelector("#comments"), "no discussion"));
        for (String path : List.of("/", "/mentions-legales", "/search?q=budget")) {
          HtmlPage page = reader.open(path);
          assertEquals(
              List.of("Mentions légales"),
              items(page, ".legal-links a"),
              () -> path + " links to the published notice only");
          assertEquals("/mentions-legales", href(page.querySelector(".legal-links a")));
        }
      }
      assertNull(admin.open("/admin/dashboard").getElementById("legal-warning"), "no warning");
    }
  }

  @Test
  void aLegalPageDeletedForGoodIsDraftedAgainOnDemand(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      HtmlPage pages = admin.open("/admin/pages");
      long id = Editor.idIn(href(pages.querySelectorAll("#legal-pages li a").get(3)));
      admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "trash"));
      admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "delete"));
      HtmlPage missing = admin.open("/admin/pages");
      assertTrue(
          items(missing, "#legal-pages li").get(3).contains(text("legal.missing")),
          () -> items(missing, "#legal-pages li").toString());
      HtmlPage drafted =
          Visitor.html(admin.submit(missing.getHtmlElementById("legal"), Map.of(), "legal:draft"));
      assertEquals(spaced(text("legal.drafted", 1)), spaced(Console.messages(drafted)));
      List<String> legal = items(admin.open("/admin/pages"), "#legal-pages li");
      assertTrue(legal.get(3).startsWith("Déclaration d’accessibilité"), legal::toString);
      assertTrue(legal.get(3).contains(text("status.DRAFT")), legal::toString);
      assertNull(admin.open("/admin/pages").getElementById("legal"), "nothing left to draft");
    }
  }

  private static String saveNotice(Visitor admin, Map<String, String> values) {
    return Console.messages(send(admin, admin.open("/admin/pages/legal"), values));
  }

  private static HtmlPage send(Visitor admin, HtmlPage form, Map<String, String> values) {
    Map<String, String> fields = new LinkedHashMap<>();
    values.forEach((name, value) -> fields.put("notice:" + name, value));
    return Visitor.html(admin.submit(form.getHtmlElementById("notice"), fields, "notice:save"));
  }

  private static String href(DomNode link) {
    return ((DomElement) link).getAttribute("href");
  }

  private static String field(HtmlPage form, String name) {
    return ((org.htmlunit.html.HtmlInput) form.getElementById("notice:" + name)).getValue();
  }

  private static List<String> items(HtmlPage page, String css) {
    return page.querySelectorAll(css).stream()
        .map(n -> n.asNormalizedText().strip().replaceAll("\\s+", " "))
        .toList();
  }
}
