package org.tribune.web.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WordPress's shortcodes in an imported post: captions and embeds converted, others reported. */
class ShortcodesTest {

  private final List<String> unknown = new ArrayList<>();

  private String body(String content) {
    return Markup.body(content, unknown::add);
  }

  @Test
  void aCaptionBecomesAFigureWithItsCaptionUnderTheImage() {
    String body =
        body(
            "La halle a rouvert.\n\n[caption id=\"attachment_12\" align=\"alignright\""
                + " width=\"300\"]<a href=\"https://ancien.example/halle.jpg\"><img"
                + " src=\"https://ancien.example/halle-300x200.jpg\" alt=\"La halle\" width=\"300\""
                + " height=\"200\" /></a> La halle rénovée, <em>samedi</em>[/caption]\n\nFin.");
    assertEquals(
        "<p>La halle a rouvert.</p>\n<figure class=\"wp-caption alignright\"><a"
            + " href=\"https://ancien.example/halle.jpg\"><img"
            + " src=\"https://ancien.example/halle-300x200.jpg\" alt=\"La halle\" width=\"300\""
            + " height=\"200\" /></a><figcaption>La halle rénovée, <em>samedi</em></figcaption>"
            + "</figure>\n<p>Fin.</p>",
        body);
    assertEquals(List.of(), unknown, "nothing left to report");
  }

  @Test
  void anOldCaptionGivesItsTextAsAnAttribute() {
    String body =
        body(
            "[caption align=\"alignnone\" caption=\"Le port &amp; ses quais\"]<img src=\"p.jpg\""
                + " alt=\"\" />[/caption]");
    assertEquals(
        "<figure class=\"wp-caption alignnone\"><img src=\"p.jpg\" alt=\"\" />"
            + "<figcaption>Le port & ses quais</figcaption></figure>",
        body);
    assertFalse(body.contains("[caption"), body);
  }

  @Test
  void anEmbedBecomesALinkAloneInItsParagraph() {
    assertEquals(
        "<p>Regardez :</p>\n<p><a href=\"https://www.youtube.com/watch?v=abc123\">"
            + "https://www.youtube.com/watch?v=abc123</a></p>",
        body("Regardez :\n[embed]https://www.youtube.com/watch?v=abc123[/embed]"));
  }

  @Test
  void anUnknownShortcodeStaysAsTextAndIsReportedOnce() {
    String body =
        body(
            "Écrivez-nous : [contact-form-7 id=\"42\" title=\"Contact\"]\n\n[gallery ids=\"1,2\"]"
                + "\n\n[su_note]Important[/su_note] et encore [gallery ids=\"3\"].");
    assertTrue(body.contains("[contact-form-7 id=\"42\" title=\"Contact\"]"), body);
    assertTrue(body.contains("[su_note]Important[/su_note]"), body);
    assertEquals(List.of("contact-form-7", "gallery", "su_note"), unknown);
  }

  @Test
  void aBracketedWordIsNotAShortcode() {
    body("Il a écrit « sa [sic] décision » et cité la note [1] puis [voir plus bas].");
    assertEquals(List.of(), unknown);
  }

  @Test
  void aGalleryOfImagesTheLibraryHasBecomesOneFigureEachElseItStaysReported() {
    String made =
        Markup.body(
            "Les étals :\n\n[gallery ids=\"501,502\" columns=\"2\"]\n\nFin.",
            unknown::add,
            attributes ->
                attributes.get("ids").equals("501,502")
                    ? java.util.Optional.of("\n\n<p><img src=\"media:1\"></p>\n\n")
                    : java.util.Optional.empty());
    assertEquals("<p>Les étals :</p>\n<p><img src=\"media:1\"></p>\n<p>Fin.</p>", made);
    assertEquals(List.of(), unknown);
    String kept = body("[gallery ids=\"7\"]");
    assertTrue(kept.contains("[gallery ids=\"7\"]"), kept);
    assertEquals(List.of("gallery"), unknown);
  }
}
