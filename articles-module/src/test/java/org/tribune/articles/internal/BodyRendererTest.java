package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribune.articles.api.BodyFormat;

class BodyRendererTest {
  private final BodyRenderer french = new BodyRenderer("fr-FR");

  private String markdown(String source) {
    return french.render(BodyFormat.MARKDOWN, source).html();
  }

  @Test
  void paragraphsAndQuotationsBecomeHtml() {
    String html = markdown("Premier paragraphe.\n\n> Une citation\n> sur deux lignes.\n\nFin.");
    assertTrue(html.contains("<p>Premier paragraphe.</p>"), html);
    assertTrue(html.contains("<blockquote>"), html);
    assertTrue(html.contains("<p>Fin.</p>"), html);
  }

  @Test
  void aLinkInAnotherLanguageGetsHreflangAndAVisibleMarker() {
    String html = markdown("Voir le [rapport](https://example.org/report \"en\").");
    assertTrue(html.contains("hreflang=\"en\""), html);
    assertTrue(html.contains("rel=\"noopener\""), html);
    assertTrue(html.contains("</a> <span class=\"lang-marker\">(en)</span>"), html);
    assertFalse(html.contains("title="), html);
  }

  @Test
  void aLinkInTheSiteLanguageGetsNoMarker() {
    String html = markdown("Voir le [rapport](https://example.org/rapport \"fr-FR\").");
    assertFalse(html.contains("lang-marker"), html);
  }

  @Test
  void anOrdinaryTitleStaysATitleAndInternalLinksGetNoRel() {
    String html = markdown("Lire [l'article](/articles/autre \"Un autre article\").");
    assertTrue(html.contains("title=\"Un autre article\""), html);
    assertTrue(html.contains("href=\"/articles/autre\""), html);
    assertFalse(html.contains("rel="), html);
  }

  @Test
  void bareUrlsBecomeLinks() {
    assertTrue(
        markdown("Source : https://example.org/page")
            .contains("<a href=\"https://example.org/page\""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "[clic](javascript:alert(1))",
        "[clic](JaVaScRiPt:alert(1))",
        "[clic](&#106;avascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "![x](javascript:alert(1))",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<div onclick=alert(1)>unclosed",
        "\"><script>alert(1)</script>",
        // jsoup takes these for relative addresses; browsers drop the spaces, tabs and controls.
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"\tjava\nscript:alert(1)\">x</a>",
        "<a href=\"\u0001javascript:alert(1)\">x</a>",
        "<img src=\" data:image/svg+xml,x\" alt=\"x\">",
        "<blockquote cite=\" javascript:alert(1)\">x</blockquote>",
        "<a href=\"javascript&colon;alert(1)\">clic</a> <a href=\" javascript:alert(1)\">clic</a>"
            + " <a href=\"java\u200bscript:alert(1)\">clic</a>\n\nFin du texte.",
        // Taken for relative addresses too, not run by browsers, but script addresses to a reader
        // that ignores invisible characters: dropped (XssIT found the first kept, as written).
        "<a href=\"\u00a0javascript:alert(1)\">x</a>",
        "<a href=\"\u2028javascript:alert(1)\">x</a>",
        "<a href=\"\ufeffjavascript:alert(1)\">x</a>",
        "<a href=\"\u200bjavascript:alert(1)\">x</a>",
        "<img src=\"\u00a0data:image/svg+xml,x\" alt=\"x\">",
      })
  void noActiveContentSurvivesInEitherFormat(String payload) {
    for (BodyFormat format : BodyFormat.values()) {
      String html = french.render(format, payload).html();
      assertEquals(List.of(), activeContent(html), html);
    }
  }

  /** Elements and attributes that could run code, as found by parsing the output like a browser. */
  static List<String> activeContent(String html) {
    List<String> found = new ArrayList<>();
    for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      if (Set.of(
              "script", "iframe", "svg", "math", "object", "embed", "style", "link", "meta", "form")
          .contains(element.normalName())) {
        found.add(element.normalName());
      }
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        String value =
            attribute
                .getValue()
                .replaceAll("[\\s\\p{Cntrl}\\p{Z}\\p{Cf}]", "")
                .toLowerCase(Locale.ROOT);
        if (name.startsWith("on") || name.equals("style") || name.equals("srcdoc")) {
          found.add(name);
        }
        if (value.startsWith("javascript:")
            || value.startsWith("data:")
            || value.startsWith("vbscript:")) {
          found.add(name + "=" + value);
        }
      }
    }
    return found;
  }

  @Test
  void theActiveContentCheckSeesWhatABrowserWouldRun() {
    assertEquals(
        List.of("script", "onerror", "href=javascript:alert(1)"),
        activeContent("<script></script><img onerror=x><a href=' java\tscript:alert(1)'>x</a>"));
  }

  @Test
  void rawHtmlInMarkdownIsShownAsText() {
    assertTrue(markdown("<b>gras</b>").contains("&lt;b&gt;gras&lt;/b&gt;"));
  }

  @Test
  void importedHtmlKeepsItsStructureAndLanguageLinks() {
    String html =
        french
            .render(
                BodyFormat.HTML,
                "<p>Un <strong>texte</strong> <a href=\"https://example.org\" hreflang=\"de\">Quelle</a></p>")
            .html();
    assertTrue(html.contains("<strong>texte</strong>"), html);
    assertTrue(html.contains("<span class=\"lang-marker\">(de)</span>"), html);
  }

  // --- Figures from the media library ----------------------------------------------------------

  private static final MediaFigures.Figure HARBOUR =
      new MediaFigures.Figure(
          "/media/abc-960.jpg",
          "/media/abc-320.jpg 320w, /media/abc-960.jpg 960w, /media/abc-1920.jpg 1920w",
          1920,
          1280,
          "Le port au petit matin, les chalutiers à quai",
          "Les chalutiers rentrent avant l’aube.",
          "Studio <Dupont> & fils");

  private static final MediaFigures LIBRARY =
      id -> Optional.ofNullable(Map.of(42L, HARBOUR).get(id));

  private final BodyRenderer withLibrary = new BodyRenderer("fr-FR", LIBRARY);

  private String withLibrary(String source) {
    return withLibrary.render(BodyFormat.MARKDOWN, source).html();
  }

  @Test
  void aLibraryImageAloneInItsParagraphBecomesAFigureWithCaptionAndCredit() {
    String html = withLibrary("Avant.\n\n![ignoré](media:42)\n\nAprès.");
    Element figure = Jsoup.parseBodyFragment(html).selectFirst("figure.media");
    assertTrue(figure != null, html);
    Element img = figure.selectFirst("img");
    assertEquals("/media/abc-960.jpg", img.attr("src"));
    assertEquals(HARBOUR.srcset(), img.attr("srcset"));
    assertEquals("(min-width: 48rem) 46rem, 100vw", img.attr("sizes"));
    assertEquals("1920", img.attr("width"));
    assertEquals("1280", img.attr("height"));
    assertEquals(HARBOUR.alt(), img.attr("alt"), "the library's alt, not the Markdown one");
    assertEquals("lazy", img.attr("loading"));
    assertEquals("async", img.attr("decoding"));
    assertEquals(
        "Les chalutiers rentrent avant l’aube. Crédit\u00a0: Studio <Dupont> & fils",
        figure.selectFirst("figcaption").wholeText());
    assertEquals("Les chalutiers rentrent avant l’aube.", figure.selectFirst(".caption").text());
    assertTrue(html.replace("\n", "").contains("<p>Avant.</p><figure"), html);
    assertTrue(html.replace("\n", "").contains("</figure><p>Après.</p>"), html);
    assertFalse(html.contains("<p><figure"), "no figure inside a paragraph: " + html);
    assertEquals(List.of(), activeContent(html));
  }

  @Test
  void theCreditIsInTheSiteLanguage() {
    String html =
        new BodyRenderer("en-GB", LIBRARY).render(BodyFormat.MARKDOWN, "![](media:42)").html();
    assertTrue(
        html.contains("<span class=\"credit\">Credit: Studio &lt;Dupont&gt; &amp; fils"), html);
  }

  @Test
  void aFigureWithoutCaptionOrCreditHasNoFigcaption() {
    MediaFigures bare =
        id ->
            Optional.of(
                new MediaFigures.Figure(
                    "/media/a-320.jpg", "/media/a-320.jpg 320w", 320, 200, "Un chat", "", ""));
    String html =
        new BodyRenderer("fr-FR", bare).render(BodyFormat.MARKDOWN, "![](media:7)").html();
    assertTrue(html.startsWith("<figure class=\"media\"><img "), html);
    assertFalse(html.contains("figcaption"), html);
  }

  @Test
  void imagesAloneOnTheLinesOfAParagraphBecomeOneFigureEach() {
    String html = withLibrary("![](media:42)\n![](media:42)");
    assertEquals(2, Jsoup.parseBodyFragment(html).select("figure.media").size(), html);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "![x](media:43)", // unknown, deleted or not described yet
        "![x](media:abc)",
        "![x](media:)",
        "![x](media:99999999999999999999999)",
        "![x](MEDIA:-1)",
        "Voir ![x](media:42) ici.", // inside a paragraph with other text
        "[![x](media:42)](https://example.org)",
        "*![x](media:42)*",
      })
  void aLibraryReferenceThatCannotBeAFigureRendersNothing(String source) {
    String html = withLibrary(source);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("<figure"), html);
    assertFalse(html.contains("media:"), html);
    assertEquals(List.of(), activeContent(html));
  }

  // --- The library's images in an HTML body (an import's) ---------------------------------------

  private String htmlWithLibrary(String source) {
    return withLibrary.render(BodyFormat.HTML, source).html();
  }

  @Test
  void anHtmlImageOfTheLibraryAloneInItsParagraphBecomesTheLibrarysFigure() {
    String html =
        htmlWithLibrary(
            "<p>Avant.</p><p><a href=\"https://old.example.org/port.jpg\">"
                + "<img src=\"media:42\" alt=\"ancien texte\" class=\"wp-image-9\"></a></p>"
                + "<p>Après.</p>");
    Element figure = Jsoup.parseBodyFragment(html).selectFirst("figure.media");
    assertTrue(figure != null, html);
    Element img = figure.selectFirst("img");
    assertEquals("/media/abc-960.jpg", img.attr("src"));
    assertEquals(HARBOUR.srcset(), img.attr("srcset"));
    assertEquals("1920", img.attr("width"));
    assertEquals(HARBOUR.alt(), img.attr("alt"));
    assertEquals("lazy", img.attr("loading"));
    assertEquals(
        "Les chalutiers rentrent avant l’aube. Crédit\u00a0: Studio <Dupont> & fils",
        figure.selectFirst("figcaption").wholeText());
    assertFalse(html.contains("old.example.org"), "the link to the old file goes: " + html);
    assertTrue(html.startsWith("<p>Avant.</p><figure"), html);
    assertEquals(List.of(), activeContent(html));
  }

  @Test
  void anHtmlFigureKeepsItsOwnCaptionAndAnImageInTextStaysInTheText() {
    String html =
        htmlWithLibrary(
            "<figure><img src=\"media:42\"><figcaption>La légende du billet</figcaption></figure>"
                + "<p>Voir <img src=\"media:42\"> ici.</p>");
    Document document = Jsoup.parseBodyFragment(html);
    assertEquals(1, document.select("figure.media").size(), html);
    assertEquals("La légende du billet", document.selectFirst("figcaption").text());
    Element inText = document.selectFirst("p img");
    assertTrue(inText != null, html);
    assertEquals(HARBOUR.srcset(), inText.attr("srcset"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p><img src=\"media:43\"></p>",
        "<figure><img src=\"media:43\"></figure>",
        "<p><img src=\"MEDIA:abc\"></p>",
        "<p><img src=\"media:99999999999999999999999\"></p>",
      })
  void anHtmlImageOfTheLibraryThatIsNotThereRendersNothing(String source) {
    String html = htmlWithLibrary(source);
    assertEquals("", html.strip(), html);
  }

  @Test
  void theLibrarysImagesOfAnHtmlBodyAreItsUses() {
    assertEquals(
        Set.of(42L, 7L),
        BodyRenderer.mediaIds(
            BodyFormat.HTML,
            "<p><img src=\"media:42\"></p><img alt=\"x\" src = 'media:7' /><p>media:9</p>"));
  }

  @Test
  void theGeneratedFigureIsOnlyForMarkdownAndRawHtmlStaysText() {
    assertTrue(
        withLibrary("<figure class=\"media\"><img src=\"/media/x.jpg\" alt=\"x\"></figure>")
            .contains("&lt;figure"));
    String html = withLibrary.render(BodyFormat.HTML, "<p>![x](media:42)</p>").html();
    assertEquals("<p>![x](media:42)</p>", html, "Markdown's syntax is text in HTML");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1) 1x",
        "/a.jpg 1x, javascript:alert(1) 2x",
        "/a.jpg 320w,javascript:alert(1) 640w",
        " JaVaScRiPt:alert(1)",
        "\u00a0javascript:alert(1) 1x",
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4= 1x",
        "/a.jpg 1x, data:image/png;base64,AAAA 2x",
        "vbscript:x 1x",
        "ftp://example.org/a.jpg 1x",
      })
  void noScriptOrDataAddressPassesInASrcset(String srcset) {
    String html =
        french
            .render(
                BodyFormat.HTML,
                "<img src=\"/a.jpg\" srcset=\"" + srcset + "\" sizes=\"100vw\" alt=\"x\">")
            .html();
    assertFalse(html.toLowerCase(Locale.ROOT).contains("script:"), html);
    assertFalse(html.contains("data:"), html);
    assertFalse(html.contains("srcset"), html);
    assertEquals(List.of(), activeContent(html));
  }

  @Test
  void anImportedImageKeepsASafeSrcset() {
    String html =
        french
            .render(
                BodyFormat.HTML,
                "<img src=\"/media/a-320.jpg\" srcset=\"/media/a-320.jpg 320w,"
                    + " https://cdn.example.org/a-640.jpg 640w\" sizes=\"100vw\" alt=\"x\""
                    + " loading=\"lazy\" onload=\"alert(1)\">")
            .html();
    assertTrue(
        html.contains("srcset=\"/media/a-320.jpg 320w, https://cdn.example.org/a-640.jpg 640w\""),
        html);
    assertTrue(html.contains("src=\"/media/a-320.jpg\""), html);
    assertFalse(html.contains("onload"), html);
  }

  @Test
  void theUsesOfABodyAreItsMediaReferences() {
    assertEquals(
        Set.of(42L, 7L),
        BodyRenderer.mediaIds(
            BodyFormat.MARKDOWN, "![](media:42)\n\nTexte ![a](media:7) et ![b](media:42)."));
    assertEquals(
        Set.of(),
        BodyRenderer.mediaIds(BodyFormat.MARKDOWN, "media:abc media:12345678901234567890"));
    assertEquals(Set.of(), BodyRenderer.mediaIds(BodyFormat.HTML, "![](media:42)"));
  }

  @Test
  void wordsAreCountedForTheReadingTime() {
    assertEquals(4, french.render(BodyFormat.MARKDOWN, "Un deux\n\n> trois *quatre*").wordCount());
    assertEquals(1, BodyRenderer.readingMinutes(0));
    assertEquals(1, BodyRenderer.readingMinutes(230));
    assertEquals(2, BodyRenderer.readingMinutes(231));
  }

  /**
   * A restore keeps the exported HTML and counts its words from it: the count must be the one the
   * save made from the source.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Un mot.",
        "Premier paragraphe,\nsur deux lignes.\n\n> Une citation.\n\n- un\n- deux\n\nFin.",
        "| Ville | Habitants |\n|---|---|\n| Lyon | 522 000 |\n| Brest | 139 000 |",
        "Voir le [rapport](https://example.org/report \"en\") et `du code`.\n\n---\n\nÀ suivre…",
        "Avant.\n\n![](media:42)\n\n<script>alert(1)</script> après."
      })
  void theWordsOfTheStoredHtmlAreTheWordsCountedWhenSaved(String source) {
    BodyRenderer.Rendered rendered = french.render(BodyFormat.MARKDOWN, source);
    assertEquals(rendered.wordCount(), BodyRenderer.wordCount(rendered.html()), rendered.html());
  }

  @Test
  void anHtmlBodyCountsItsVisibleWordsOnly() {
    assertEquals(
        4, BodyRenderer.wordCount("<p>Deux <em>mots</em></p><p>et\u00a0deux</p><!-- non -->"));
    assertEquals(0, BodyRenderer.wordCount(null));
  }
}
