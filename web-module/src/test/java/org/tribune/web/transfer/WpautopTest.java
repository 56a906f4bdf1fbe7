package org.tribune.web.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WordPress's documented paragraph rules ({@code wpautop}, its tests in WordPress's own suite),
 * checked on texts of our own: what a classic post looks like on the old site is what it looks like
 * here.
 */
class WpautopTest {

  private static String autop(String text) {
    return Wpautop.paragraphs(text).strip();
  }

  @Test
  void blankLinesMakeParagraphsAndSingleNewlinesLineBreaks() {
    assertEquals(
        "<p>Le marché ouvre samedi.<br />\nEntrée libre.</p>\n<p>Venez nombreux.</p>",
        autop("Le marché ouvre samedi.\nEntrée libre.\n\n\n\nVenez nombreux."));
    assertEquals("", autop("   \n\n "));
  }

  @Test
  void blockElementsStandAloneAndTheTextAroundThemIsWrapped() {
    String text =
        "La crue recule.\n<ul>\n<li>Route fermée</li>\n<li>École ouverte</li>\n</ul>\n"
            + "La mairie informe.\n\n<h2>Demain</h2>\nPluie attendue.";
    assertEquals(
        "<p>La crue recule.</p>\n<ul>\n<li>Route fermée</li>\n<li>École ouverte</li>\n</ul>\n"
            + "<p>La mairie informe.</p>\n<h2>Demain</h2>\n<p>Pluie attendue.</p>",
        autop(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "table",
        "thead",
        "tfoot",
        "caption",
        "col",
        "colgroup",
        "tbody",
        "tr",
        "td",
        "th",
        "div",
        "dl",
        "dd",
        "dt",
        "ul",
        "ol",
        "li",
        "pre",
        "form",
        "map",
        "area",
        "address",
        "math",
        "style",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "fieldset",
        "legend",
        "section",
        "article",
        "aside",
        "hgroup",
        "header",
        "footer",
        "nav",
        "figure",
        "details",
        "menu",
        "summary"
      })
  void everyBlockElementIsABlockWhateverTheSpacing(String block) {
    String element = "<" + block + ">texte</" + block + ">";
    String expected = element + "\n" + element;
    assertEquals(expected, autop(element + "\n\n" + element), "blank lines");
    assertEquals(expected, autop(element + element), "no space");
    String empty = "<" + block + "/>";
    assertEquals(empty + "\n" + empty, autop(empty + empty), "self-closed");
  }

  @Test
  void inlineElementsAreWrappedLikeText() {
    List<String> inlines =
        List.of(
            "a", "em", "strong", "small", "cite", "q", "abbr", "time", "code", "sub", "sup", "i",
            "b", "u", "mark", "span", "del", "ins", "select");
    String text =
        inlines.stream().map(i -> "<" + i + ">mot</" + i + ">").collect(Collectors.joining("\n\n"));
    String expected =
        inlines.stream()
            .map(i -> "<p><" + i + ">mot</" + i + "></p>")
            .collect(Collectors.joining("\n"));
    assertEquals(expected, autop(text));
  }

  @Test
  void aBlockquoteIsNotWrappedButItsTextIs() {
    assertEquals(
        "<blockquote><p>Rien ne se perd.</p></blockquote>",
        autop("<blockquote>Rien ne se perd.</blockquote>"));
  }

  @Test
  void preformattedTextIsLeftExactlyAsItIs() {
    String code = "<pre>for (int i = 0; i < n; i++) {\n\n  total += i;<br>\n}</pre>";
    assertEquals(code, autop(code));
    assertEquals(
        "<p>Le programme :</p>\n" + code + "\n<p>Simple, non ?</p>",
        autop("Le programme :\n\n" + code + "\n\nSimple, non ?"));
  }

  @Test
  void newlinesInsideATagOrAScriptAreNotLineBreaks() {
    assertEquals(
        "<p><a href=\"/plan\"\ntitle=\"Plan\">le plan</a> du quartier.</p>",
        autop("<a href=\"/plan\"\ntitle=\"Plan\">le plan</a> du quartier."));
    assertEquals(
        "<p><span>a</span><script>var a = 1;\nvar b = 2;</script></p>",
        autop("<span>a</span><script>var a = 1;\nvar b = 2;</script>"));
  }

  @Test
  void formsOptionsAndMediaSourcesGetNoLineBreaks() {
    String select =
        "Commune : <select name=\"c\"><option value=\"1\">Aubière</option>"
            + "<option value=\"2\">Royat</option></select>";
    assertEquals("<p>" + select + "</p>", autop(select));
    String input =
        "Nom : <input type=\"text\" name=\"nom\" /><br />Courriel : <input name=\"m\" />";
    assertEquals("<p>" + input + "</p>", autop(input));
    assertEquals(
        "<p>Avant.</p>\n<p><video controls=\"controls\"><source src=\"a.mp4\" />"
            + "<track kind=\"subtitles\" src=\"a.vtt\" /></video></p>\n<p>Après.</p>",
        autop(
            "Avant.\n\n<video controls=\"controls\">\n  <source src=\"a.mp4\" />\n\n"
                + "  <track kind=\"subtitles\" src=\"a.vtt\" />\n</video>\n\nAprès."));
  }

  @Test
  void twoLineBreakTagsInARowEndAParagraph() {
    assertEquals("<p>Un</p>\n<p>Deux</p>", autop("Un<br><br />Deux"));
  }

  @Test
  void aFigureKeepsItsCaptionOnItsLine() {
    assertEquals(
        "<figure><img src=\"a.jpg\" alt=\"La halle\" /><figcaption>La halle rénovée</figcaption>"
            + "</figure>",
        autop(
            "<figure><img src=\"a.jpg\" alt=\"La halle\" />\n<figcaption>La halle rénovée"
                + "</figcaption>\n</figure>"));
  }
}
