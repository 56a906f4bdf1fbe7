package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * WordPress and Disqus comments brought down to what a reader would have typed, then rendered as
 * any comment: the stored HTML holds nothing of the source's markup.
 */
class ImportedHtmlTest {

  private static String text(String html) {
    return ImportedHtml.toText(html);
  }

  /** What a page shows of an imported comment. */
  private static String shown(String html) {
    return CommentRenderer.render(CommentInput.cleanBody(text(html)));
  }

  @Test
  void paragraphsAreSeparatedByABlankLine() {
    assertEquals("Premier.\n\nSecond.", text("<p>Premier.</p><p>Second.</p>"));
    assertEquals("Premier.\n\nSecond.", text("<p>Premier.</p>\n\n<p>\n  Second.\n</p>\n"));
    assertEquals("<p>Premier.</p><p>Second.</p>", shown("<p>Premier.</p><p>Second.</p>"));
    assertEquals("Un\n\nDeux", text("<div>Un</div><div>Deux</div>"));
  }

  @Test
  void aBreakIsANewline() {
    assertEquals("Ligne un\nLigne deux", text("<p>Ligne un<br>Ligne deux</p>"));
    assertEquals("Ligne un\nLigne deux", text("Ligne un<br />\nLigne deux"));
    assertEquals("<p>Ligne un<br>Ligne deux</p>", shown("<p>Ligne un<br/>Ligne deux</p>"));
    assertEquals("Un\n\nDeux", text("<p>Un<br><br><br>Deux</p>"), "breaks in a row: a paragraph");
  }

  @Test
  void bareNewlinesCountAsWordPressCountsThem() {
    assertEquals("line1\n\nline2", text("line1\n\nline2"));
    assertEquals("line1\nline2", text("line1\nline2"));
    assertEquals("line1\n\nline2", text("line1\r\n \r\n\r\n\r\nline2"));
    assertEquals("<p>line1</p><p>line2<br>line3</p>", shown("line1\n\nline2\nline3"));
    assertEquals("Des\u00A0\u00A0espaces", text("Des&nbsp;&nbsp;espaces"), "no-break kept");
    assertEquals("Des espaces", text("  Des \t  espaces  "));
  }

  @Test
  void inlineMarkupIsDroppedButItsTextKept() {
    assertEquals(
        "Très bien dit, et du code x < y.",
        text("<em>Très</em> <strong>bien</strong> dit, et du <code>code x &lt; y</code>."));
    assertEquals("collés", text("col<b>lés</b>"));
  }

  @Test
  void aQuotationBecomesQuotedLinesNestedOnesDeeper() {
    assertEquals(
        "> Il a dit :\n>\n> > Rien.\n\nJe réponds.",
        text(
            "<blockquote><p>Il a dit :</p><blockquote>Rien.</blockquote></blockquote>Je réponds."));
    assertEquals(
        "<blockquote><p>Il a dit :</p><blockquote><p>Rien.</p></blockquote></blockquote>"
            + "<p>Je réponds.</p>",
        shown(
            "<blockquote><p>Il a dit :</p><blockquote>Rien.</blockquote></blockquote>Je réponds."));
    assertEquals("> Deux\n> lignes", text("<blockquote>Deux<br>lignes</blockquote>"));
    assertEquals("Rien à citer", text("<blockquote> </blockquote>Rien à citer"));
  }

  @Test
  void aLinkKeepsItsLabelAndAddress() {
    assertEquals(
        "Voir Wikipédia (https://fr.wikipedia.org/wiki/Tribune).",
        text("Voir <a href=\"https://fr.wikipedia.org/wiki/Tribune\">Wikipédia</a>."));
    assertEquals(
        "Voir https://example.org/page",
        text(
            "Voir <a href=\"https://example.org/page\" rel=\"nofollow\">https://example.org/page</a>"));
    assertEquals(
        "https://example.org/", text("<a href=\"https://example.org/\">example.org</a>"), "bare");
    assertEquals(
        "https://example.org/un/tres/long/chemin",
        text("<a href=\"https://example.org/un/tres/long/chemin\">example.org/un/tres/lo…</a>"));
    assertEquals("http://a.example/x", text("<a href='http://a.example/x'><img src=x></a>"));
    assertEquals(
        "<p>Voir Wikipédia (<a href=\"https://fr.wikipedia.org/wiki/Tribune\" rel=\""
            + CommentRenderer.LINK_REL
            + "\">https://fr.wikipedia.org/wiki/Tribune</a>).</p>",
        shown("Voir <a href=\"https://fr.wikipedia.org/wiki/Tribune\">Wikipédia</a>."));
  }

  @Test
  void aLinkToAnythingButTheWebIsItsLabelOnly() {
    assertEquals("Cliquez ici", text("<a href=\"javascript:alert(1)\">Cliquez ici</a>"));
    assertEquals("Cliquez ici", text("<a href=\" JaVaScRiPt:alert(1)\">Cliquez ici</a>"));
    assertEquals("écrivez-moi", text("<a href=\"mailto:a@example.org\">écrivez-moi</a>"));
    assertEquals("relatif", text("<a href=\"/wp-admin/\">relatif</a>"));
    String shown = shown("<a href=\"javascript:alert(1)\">javascript:alert(1)</a>");
    assertEquals("<p>javascript:alert(1)</p>", shown);
  }

  @Test
  void entitiesAreDecodedOnce() {
    assertEquals(
        "«\u00A0Bravo\u00A0» – l’auteur",
        text("&laquo;&nbsp;Bravo&nbsp;&raquo; &#8211; l&#8217;auteur"));
    assertEquals("&lt;b&gt; & <i>", text("&amp;lt;b&amp;gt; &amp; &lt;i&gt;"));
    assertEquals(
        "<p>&amp;lt;b&amp;gt; &amp; &lt;i&gt;</p>", shown("&amp;lt;b&amp;gt; &amp; &lt;i&gt;"));
  }

  @Test
  void whatNoReaderSawIsDroppedWithItsContent() {
    assertEquals(
        "Avant Après Fin",
        text(
            "Avant <script>alert('x')</script><style>p{color:red}</style>"
                + "<iframe src=\"https://evil.example\">cadre</iframe>Après"
                + " <noscript>rien</noscript><object data=x>objet</object><!-- note -->Fin"));
    String shown =
        shown("<p onclick=\"alert(1)\" style=\"x\">Texte <b onmouseover=alert(2)>gras</b></p>");
    assertEquals("<p>Texte gras</p>", shown);
    assertFalse(shown("<svg onload=alert(1)><text>svg</text></svg>ok").contains("svg"));
    assertEquals("", text("<script>alert(1)</script>"));
  }

  @Test
  void listsAreLines() {
    assertEquals("Liste :\n\n- un\n- deux", text("Liste :<ul><li>un</li><li>deux</li></ul>"));
    assertEquals("1. un\n2. deux", text("<ol><li>un</li><li>deux</li></ol>"));
  }

  @Test
  void greekAndFrenchTextIsKeptAsIs() {
    String greek = "Καλημέρα κόσμε· ὁ λόγος ἐστίν ἀληθής;";
    String french = "Ça m’a plu : « l’été où j’ai vu la mer » — vraiment !";
    assertEquals(greek + "\n\n" + french, text("<p>" + greek + "</p><p>" + french + "</p>"));
    assertEquals(
        "Ça m’a plu\u00A0: «\u00A0l’été\u00A0»",
        text(
            "&Ccedil;a m&rsquo;a plu&nbsp;: &laquo;&#160;l&#x2019;&eacute;t&eacute;&nbsp;&raquo;"));
  }

  @Test
  void aLongWordIsNeitherCutNorBroken() {
    String word = "Anticonstitutionnellement".repeat(3) + "x".repeat(10);
    assertEquals(85, word.length());
    assertEquals(word, text("<p>" + word + "</p>"));
    assertEquals("<p>" + word + "</p>", shown(word));
  }

  @Test
  void nothingVisibleComesOutEmpty() {
    assertEquals("", text(""));
    assertEquals("", text(null));
    assertEquals("", text("<p> </p><p>&nbsp;</p><br><div>\n</div>"));
    assertEquals("", text("<img src=\"x.png\" alt=\"image\">"));
    assertTrue(CommentInput.cleanBody(text("\u202E<p>\u0007</p>")).isBlank());
  }

  @Test
  void aLessThanSignThatOpensNoTagIsText() {
    assertEquals("1 < 2 et 3<4", text("1 < 2 et 3<4"));
  }
}
