package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribune.web.it.Console.admin;
import static org.tribune.web.it.Console.text;
import static org.tribune.web.it.MediaIT.spaced;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.web.site.Branding;
import org.tribune.web.site.Colours;
import org.tribune.web.site.MenuItem;

/**
 * The console's Apparence page over HTTP, without JavaScript: the tagline, footer text, "Publié
 * avec Tribune" line and accent colour saved there appear on the public pages (the colour through
 * {@code /brand.css}); a colour that is not one, or that fails WCAG AA, and an overlong tagline are
 * refused in French with nothing saved; a logo chosen from the media library is in the header, the
 * tab's icon and the articles' structured data, and disappears with its image. Every test puts the
 * defaults back: the server is shared ({@link ConsoleFlowsServer}).
 */
@ExtendWith(ConsoleFlowsServer.class)
class AppearanceIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** The public pages' texts (the console's are {@link Console#text}). */
  private static final ResourceBundle SITE =
      ResourceBundle.getBundle("org.tribune.web.i18n.messages", Locale.ROOT);

  private TribuneServer server;

  @AfterEach
  void putTheDefaultsBack() {
    if (server != null) {
      restoreDefaults(server);
    }
  }

  /** The Apparence page's values as a new site has them, and no logo. */
  static void restoreDefaults(TribuneServer server) {
    try (Visitor admin = admin(server)) {
      Map<String, String> defaults = new LinkedHashMap<>();
      defaults.put("tagline", SITE.getString("site.tagline"));
      defaults.put("footer", "");
      defaults.put("powered-by", "on");
      defaults.put("accent", Branding.DEFAULT_ACCENT);
      assertEquals(text("settings.saved"), Console.messages(save(admin, defaults)));
      HtmlPage page = admin.open("/admin/appearance");
      if (page.getElementById("logo:remove") != null) {
        admin.click(page.getHtmlElementById("logo:remove"));
      }
      assertEquals(text("home-layout.saved"), Console.messages(homeLayout(admin, Map.of(), "4")));
      for (String menu : List.of("", "?menu=footer")) {
        HtmlPage menus = admin.open("/admin/appearance/menus" + menu);
        if (menus.getElementById("menu:reset") != null) {
          admin.click(menus.getHtmlElementById("menu:reset"));
        }
      }
    }
  }

  @Test
  void theTaglineFooterAndAccentSavedInTheConsoleAreOnThePublicPages(TribuneServer server)
      throws Exception {
    this.server = server;
    String footer = "Éditeur : <b>Association</b> Tribune locale\n12 rue des Écoles, Grenoble";
    try (Visitor admin = admin(server)) {
      HtmlPage saved =
          save(
              admin,
              Map.of(
                  "tagline", "Le journal du canton",
                  "footer", footer,
                  "powered-by", "",
                  "accent", "#1A5E1A"));
      assertEquals(text("settings.saved"), Console.messages(saved));
    }
    try (Visitor reader = Console.visitor(server)) {
      HtmlPage home = reader.open("/");
      DomElement stylesheet = home.querySelector("link[href*='/brand.css']");
      HttpResponse<String> css = get(server, "/brand.css?v=1a5e1a");
      HttpResponse<String> other = get(server, "/brand.css?v=000000");
      String footerText = home.querySelector(".site-footer").asNormalizedText();
      assertAll(
          () -> assertEquals("Le journal du canton", shown(home, ".site-tagline")),
          () ->
              assertEquals(
                  footer.replace("\n", " "),
                  spaced(shown(home, ".site-footer-text")).replace("\n", " "),
                  "the markup typed is shown as text"),
          () -> assertNull(home.querySelector(".site-footer-text b"), "no markup of the text's"),
          () -> assertFalse(footerText.contains(SITE.getString("site.footer")), footerText),
          () -> assertNotNull(stylesheet, "the page links the site's colour"),
          () -> assertTrue(stylesheet.getAttribute("href").endsWith("/brand.css?v=1a5e1a")),
          () -> assertEquals(200, css.statusCode()),
          () -> assertTrue(css.body().contains("--accent: #1a5e1a;"), css.body()),
          () ->
              assertEquals(
                  "public, max-age=31536000, immutable",
                  css.headers().firstValue("Cache-Control").orElse("")),
          () ->
              assertTrue(
                  css.headers().firstValue("Content-Type").orElse("").startsWith("text/css")),
          () -> assertEquals("no-store", other.headers().firstValue("Cache-Control").orElse("")),
          () -> assertTrue(other.body().contains("#1a5e1a"), "the colour in force"));
    }
  }

  @Test
  void aColourThatFailsWcagAaOrIsNotOneAndAnOverlongTaglineAreRefusedInFrenchNothingSaved(
      TribuneServer server) {
    this.server = server;
    try (Visitor admin = admin(server)) {
      String gold = "#ffd700";
      HtmlPage pale =
          save(admin, Map.of("tagline", "Ne doit pas paraître", "footer", "", "accent", gold));
      HtmlPage notAColour =
          save(admin, Map.of("tagline", "Ne doit pas paraître", "footer", "", "accent", "rouge"));
      HtmlPage overlong =
          save(admin, Map.of("tagline", "x".repeat(151), "footer", "", "accent", "#123456"));
      double onPaper = Math.floor(Colours.contrast(gold, Branding.PAPER) * 10) / 10;
      double underWhite = Math.floor(Colours.contrast(gold, "#ffffff") * 10) / 10;
      try (Visitor reader = Console.visitor(server)) {
        HtmlPage home = reader.open("/");
        assertAll(
            () ->
                assertEquals(
                    spaced(text("appearance.accent.unreadable", gold, onPaper, underWhite)),
                    spaced(Console.messages(pale))),
            () ->
                assertEquals(
                    spaced(text("appearance.accent.invalid")),
                    spaced(Console.messages(notAColour))),
            () ->
                assertEquals(
                    spaced(text("appearance.tagline.invalid", Branding.TAGLINE_LENGTH)),
                    spaced(Console.messages(overlong))),
            () ->
                assertEquals(
                    "Ne doit pas paraître",
                    ((org.htmlunit.html.HtmlInput) pale.getElementById("appearance:tagline"))
                        .getValue(),
                    "what was typed is kept"),
            () -> assertEquals(SITE.getString("site.tagline"), shown(home, ".site-tagline")),
            () -> assertNull(home.querySelector("link[href*='/brand.css']"), "no colour saved"));
      }
    }
  }

  @Test
  void aLogoChosenFromTheLibraryIsInTheHeaderTheIconAndTheStructuredDataUntilItIsDeleted(
      TribuneServer server) throws IOException {
    this.server = server;
    String name = MediaIT.unique("logo-du-journal") + ".png";
    try (Visitor admin = admin(server)) {
      long id = MediaIT.uploadedId(server, admin, name);
      chooseLogo(admin, name);

      try (Visitor reader = Console.visitor(server)) {
        HtmlPage home = reader.open("/");
        DomElement logo = home.querySelector(".site-name img.site-logo");
        DomElement icon = home.querySelector("link[rel=icon]");
        HtmlPage article = reader.open(firstArticle(home));
        String jsonLd =
            article.querySelector("script[type='application/ld+json']").getTextContent();
        assertAll(
            () -> assertNotNull(logo, "the logo in the header"),
            () -> assertTrue(logo.getAttribute("src").matches("/media/[0-9a-f]{64}-\\d+\\.png")),
            () -> assertEquals("", logo.getAttribute("alt"), "the site's name follows it"),
            () -> assertEquals(logo.getAttribute("src"), icon.getAttribute("href")),
            () -> assertEquals("image/png", icon.getAttribute("type")),
            () -> assertTrue(jsonLd.contains("\"logo\":{\"@type\":\"ImageObject\""), jsonLd),
            () ->
                assertEquals(
                    200, get(server, logo.getAttribute("src")).statusCode(), "the logo's file"));
      }

      // The library counts the logo as a use: deleting it asks first, then the pages go without.
      HtmlPage item = admin.open("/admin/media/edit?id=" + id);
      assertNotNull(item.getElementById("media-logo"), "the logo is one of the image's uses");
      HtmlForm delete = item.getHtmlElementById("delete");
      HtmlPage asked =
          Visitor.html(
              admin.click((org.htmlunit.html.HtmlElement) delete.querySelector("[type=submit]")));
      assertTrue(
          spaced(asked.asNormalizedText()).contains(spaced(text("media.delete.logo"))),
          "asked before the logo goes");
      try (Visitor reader = Console.visitor(server)) {
        assertNotNull(reader.open("/").querySelector(".site-logo"), "still there until confirmed");
      }
      admin.click(asked.getHtmlElementById("delete:delete-anyway"));
      try (Visitor reader = Console.visitor(server)) {
        assertNull(reader.open("/").querySelector(".site-logo"), "no logo any more");
      }
      HtmlPage page = admin.open("/admin/appearance");
      assertTrue(
          spaced(page.asNormalizedText()).contains(spaced(text("appearance.logo.none"))),
          "the console shows no logo");
    }
  }

  // --- Menus -------------------------------------------------------------------------------------

  @Test
  void aHeaderMenuWithASubItemAndAFooterMenuSavedInTheConsoleAreOnThePublicPages(
      TribuneServer server) {
    this.server = server;
    int defaultItems;
    try (Visitor admin = admin(server)) {
      HtmlPage page = admin.open("/admin/appearance/menus");
      List<String> labels = labels(page);
      defaultItems = labels.size();
      assertAll(
          () -> assertEquals(SITE.getString("site.home"), labels.get(0), "the default menu"),
          () -> assertEquals(SITE.getString("site.archives"), labels.get(labels.size() - 1)));
      page = add(admin, page, "address", "https://example.org/abonnement", "S’abonner");
      page = press(admin, page, text("menus.indent", "S’abonner"));
      assertEquals(text("menus.saved"), Console.messages(save(admin, page)));

      HtmlPage footer = admin.open("/admin/appearance/menus?menu=footer");
      assertEquals(List.of(), labels(footer), "no footer menu by default");
      footer = add(admin, footer, "address", "/a-propos", "À propos");
      footer = add(admin, footer, "home", "", "");
      footer = press(admin, footer, text("menus.up", SITE.getString("site.home")));
      assertEquals(List.of(SITE.getString("site.home"), "À propos"), labels(footer));
      assertEquals(text("menus.saved"), Console.messages(save(admin, footer)));
    }
    try (Visitor reader = Console.visitor(server)) {
      HtmlPage home = reader.open("/");
      List<DomElement> top =
          home.querySelectorAll(".menu-wide > ul > li").stream()
              .map(DomElement.class::cast)
              .toList();
      DomElement last = top.get(top.size() - 1);
      // "li li": the selector is matched against the whole page, not from the item down.
      DomElement sub = last.querySelector("li li a");
      assertAll(
          () -> assertEquals(defaultItems, top.size(), "the sub-item is not a top item"),
          () -> assertNotNull(sub, "the archives' sub-item"),
          () -> assertEquals("https://example.org/abonnement", sub.getAttribute("href")),
          () -> assertEquals("S’abonner", sub.asNormalizedText().strip()),
          () ->
              assertEquals(
                  SITE.getString("site.menu"),
                  home.querySelector(".menu-fold summary").asNormalizedText().strip(),
                  "the phone's button"),
          () ->
              assertEquals(
                  defaultItems + 1,
                  home.querySelectorAll(".menu-fold nav a").size(),
                  "the phone's menu has the same links"),
          () ->
              assertEquals(
                  List.of("/", "/a-propos"),
                  home.querySelectorAll(".footer-menu a").stream()
                      .map(a -> ((DomElement) a).getAttribute("href"))
                      .toList()));
    }
  }

  @Test
  void anAddressThatIsNotOneAndAnEmptyTextAreRefusedInFrenchAndNothingIsSaved(
      TribuneServer server) {
    this.server = server;
    try (Visitor admin = admin(server)) {
      HtmlPage page = admin.open("/admin/appearance/menus");
      List<String> before = labels(page);
      HtmlPage script = add(admin, page, "address", "javascript:alert(1)", "Piège");
      HtmlPage elsewhere = add(admin, script, "address", "//ailleurs.example/", "Ailleurs");
      HtmlPage noText = add(admin, elsewhere, "address", "/a-propos", "");
      List<String> after = labels(noText);
      HtmlForm form = noText.getHtmlElementById("menu");
      ((org.htmlunit.html.HtmlInput) form.querySelector("input[type=text]")).setValue("  ");
      HtmlPage unsaved = save(admin, noText);
      assertAll(
          () ->
              assertEquals(
                  spaced(text("menus.address.invalid", MenuItem.ADDRESS_LENGTH)),
                  spaced(Console.messages(script))),
          () ->
              assertEquals(
                  spaced(text("menus.address.invalid", MenuItem.ADDRESS_LENGTH)),
                  spaced(Console.messages(elsewhere))),
          () -> assertEquals(text("menus.label.missing"), Console.messages(noText)),
          () -> assertEquals(before, after, "nothing added"),
          () ->
              assertEquals(
                  spaced(text("menus.label.invalid", MenuItem.LABEL_LENGTH)),
                  spaced(Console.messages(unsaved))),
          () ->
              assertTrue(
                  spaced(admin.open("/admin/appearance/menus").asNormalizedText())
                      .contains(spaced(text("menus.default.HEADER"))),
                  "still the default menu"));
    }
  }

  @Test
  void anItemWhoseTagIsDeletedLeavesTheSiteAndIsFlaggedInTheConsole(TribuneServer server) {
    this.server = server;
    String name = MediaIT.unique("Étiquette de menu");
    try (Visitor admin = admin(server)) {
      HtmlPage taxonomy =
          admin.send(
              admin.open("/admin/taxonomy"),
              "tags",
              Map.of("tags:tag-name", name),
              "tags:save-tag");
      String slug = tagSlug(taxonomy, name);
      HtmlPage page = add(admin, admin.open("/admin/appearance/menus"), "tag:" + slug, "", "");
      assertTrue(labels(page).contains(name), "labelled with the tag's name");
      assertEquals(text("menus.saved"), Console.messages(save(admin, page)));
      try (Visitor reader = Console.visitor(server)) {
        assertNotNull(
            reader.open("/").querySelector(".menu-wide a[href$='/tags/" + slug + "']"),
            "the tag's item");
      }
      DomElement delete =
          admin
              .open("/admin/taxonomy")
              .querySelector("input[aria-label='" + text("taxonomy.delete") + " " + name + "']");
      assertNotNull(delete, "a delete button for " + name);
      admin.click((org.htmlunit.html.HtmlElement) delete);
      try (Visitor reader = Console.visitor(server)) {
        assertNull(
            reader.open("/").querySelector(".menu-wide a[href$='/tags/" + slug + "']"),
            "left out of the site's menu");
      }
      HtmlPage flagged = admin.open("/admin/appearance/menus");
      assertNotNull(flagged.querySelector("li.gone"), "flagged in the console");
      assertTrue(
          spaced(flagged.asNormalizedText()).contains(spaced(text("menus.gone"))),
          "the console says why");
    }
  }

  @Test
  void aMenuItemLeadsToAPageWhereverItMovesAndLeavesTheSiteWhenThePageIsTrashed(
      TribuneServer server) {
    this.server = server;
    try (Visitor admin = admin(server)) {
      String slug = "nous-ecrire-" + Long.toHexString(System.nanoTime());
      String title = MediaIT.unique("Nous écrire");
      long id = Editor.createPage(admin, Map.of("title", title, "slug", slug, "body", "Écrivez."));
      admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "publish"));
      HtmlPage footer = admin.open("/admin/appearance/menus?menu=footer");
      // The pages come with the settings, read again within two seconds of a change.
      for (int tries = 0;
          footer.querySelector("option[value='page:" + id + "']") == null;
          tries++) {
        assertTrue(tries < 30, "the page among the choices");
        sleep(100);
        footer = admin.open("/admin/appearance/menus?menu=footer");
      }
      footer = add(admin, footer, "page:" + id, "", "");
      assertEquals(List.of(title), labels(footer), "labelled with the page's title");
      assertEquals(text("menus.saved"), Console.messages(save(admin, footer)));
      try (Visitor reader = Console.visitor(server)) {
        assertNotNull(
            reader.open("/").querySelector(".footer-menu a[href='/" + slug + "']"), "the page");
      }
      String moved = slug + "-2";
      Editor.pressForPage(admin, Editor.open(admin, id), Map.of("slug", moved), "save");
      try (Visitor reader = Console.visitor(server)) {
        assertNotNull(
            reader.open("/").querySelector(".footer-menu a[href='/" + moved + "']"),
            "the item follows the page to its new address");
      }
      admin.follow(Editor.press(admin, Editor.open(admin, id), Map.of(), "trash"));
      try (Visitor reader = Console.visitor(server)) {
        assertNull(reader.open("/").querySelector(".footer-menu a"), "left out of the menu");
      }
      HtmlPage flagged = admin.open("/admin/appearance/menus?menu=footer");
      assertNotNull(flagged.querySelector("li.gone"), "flagged in the console");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void theSectionsChosenForTheHomePageFollowItsFeaturedArticlesInTheirOrder(TribuneServer server) {
    this.server = server;
    try (Visitor admin = admin(server)) {
      HtmlPage saved = homeLayout(admin, Map.of("Culture", "1", "Sciences", "2"), "2");
      assertEquals(text("home-layout.saved"), Console.messages(saved));
      HtmlPage refused = homeLayout(admin, Map.of("Culture", "premier", "Sciences", "3"), "2");
      assertEquals(
          spaced(text("home-layout.position.invalid", "Culture")),
          spaced(Console.messages(refused)));
    }
    try (Visitor reader = Console.visitor(server)) {
      HtmlPage home = reader.open("/");
      List<String> sections =
          home.querySelectorAll(".home-section h2").stream()
              .map(h -> h.asNormalizedText().strip())
              .toList();
      assertEquals(List.of("Culture", "Sciences"), sections, "in their order; nothing saved");
      for (DomNode block : home.querySelectorAll(".home-section")) {
        int items = ((DomElement) block).getElementsByTagName("li").size();
        assertTrue(items >= 1 && items <= 2, () -> items + " articles in " + block.asXml());
        for (DomElement link : ((DomElement) block).getElementsByTagName("a")) {
          String href = link.getAttribute("href");
          assertTrue(href.startsWith("/articles/") || href.startsWith("/sections/"), () -> href);
        }
      }
      assertEquals(
          SITE.getString("home.title"),
          home.querySelector("h2.latest-title").asNormalizedText().strip(),
          "the latest articles follow");
      assertTrue(
          reader.open("/?page=2").querySelectorAll(".home-section").isEmpty(), "page 1 only");
    }
  }

  /**
   * Sends Apparence → Page d'accueil with these positions (by the sections' labels; the others
   * blank) and articles a section; the page answered.
   */
  static HtmlPage homeLayout(Visitor admin, Map<String, String> positions, String perSection) {
    HtmlPage page = admin.open("/admin/appearance/home");
    HtmlForm form = page.getHtmlElementById("home-layout");
    Map<String, String> fields = Console.sentFields(form);
    for (DomNode node : form.querySelectorAll("#sections label")) {
      DomElement label = (DomElement) node;
      fields.put(
          label.getAttribute("for"), positions.getOrDefault(label.asNormalizedText().strip(), ""));
    }
    fields.put("home-layout:per-section", perSection);
    fields.put("home-layout:save", text("home-layout.save"));
    return Visitor.html(admin.post(form.getActionAttribute(), fields, Map.of()));
  }

  /** The labels of a menu's items in the editor, in order. */
  private static List<String> labels(HtmlPage page) {
    return page.querySelectorAll("#menu .menu-items input[type=text]").stream()
        .map(input -> ((org.htmlunit.html.HtmlInput) input).getValue())
        .toList();
  }

  /** Adds an item from the editor's "Ajouter" fields. */
  private static HtmlPage add(
      Visitor admin, HtmlPage page, String choice, String address, String label) {
    return admin.send(
        page,
        "menu",
        Map.of("menu:choice", choice, "menu:address", address, "menu:new-label", label),
        "menu:add");
  }

  private static HtmlPage press(Visitor admin, HtmlPage page, String ariaLabel) {
    DomElement button = page.querySelector("input[aria-label='" + ariaLabel + "']");
    assertNotNull(button, () -> "no button '" + ariaLabel + "' in\n" + page.asXml());
    return Visitor.html(admin.click((org.htmlunit.html.HtmlElement) button));
  }

  private static HtmlPage save(Visitor admin, HtmlPage page) {
    return Visitor.html(admin.click(page.getHtmlElementById("menu:save")));
  }

  private static String tagSlug(HtmlPage taxonomy, String name) {
    for (List<String> row : Console.rows(taxonomy, "tags")) {
      if (!row.isEmpty() && row.get(0).equals(name)) {
        return row.get(1);
      }
    }
    throw new AssertionError("no tag " + name + " in " + Console.rows(taxonomy, "tags"));
  }

  /** Finds an image of the library by its name on the Apparence page and makes it the logo. */
  static void chooseLogo(Visitor admin, String name) {
    HtmlPage found =
        admin.send(
            admin.open("/admin/appearance"), "logo", Map.of("logo:query", name), "logo:find");
    DomElement pick =
        found.querySelector("input[aria-label='" + text("appearance.logo.pick-named", name) + "']");
    assertNotNull(pick, () -> "no button to choose " + name + " in\n" + found.asXml());
    HtmlPage chosen = Visitor.html(admin.click((org.htmlunit.html.HtmlElement) pick));
    assertEquals(text("appearance.logo.saved"), Console.messages(chosen));
  }

  /** Sends the Apparence form with these values (short names), as a browser or a forger would. */
  static HtmlPage save(Visitor admin, Map<String, String> values) {
    HtmlPage page = admin.open("/admin/appearance");
    HtmlForm form = page.getHtmlElementById("appearance");
    Map<String, String> fields = Console.sentFields(form);
    fields.remove("appearance:powered-by");
    values.forEach(
        (name, value) -> {
          if (!name.equals("powered-by") || !value.isEmpty()) {
            fields.put("appearance:" + name, value);
          }
        });
    fields.put("appearance:save", text("appearance.save"));
    return Visitor.html(admin.post(form.getActionAttribute(), fields, Map.of()));
  }

  private static String shown(HtmlPage page, String css) {
    DomElement element = page.querySelector(css);
    return element == null ? null : element.asNormalizedText().strip();
  }

  private static String firstArticle(HtmlPage home) {
    DomElement link = home.querySelector("h2.article-title a");
    assertNotNull(link, "an article on the home page");
    return URI.create(link.getAttribute("href")).getPath();
  }

  private static HttpResponse<String> get(TribuneServer server, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
