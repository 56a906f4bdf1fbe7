package org.tribune.web.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkupTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "L&#8217;été &laquo; au cinéma &raquo;|L’été « au cinéma »",
        "<em>Sciences</em> &amp; soci&eacute;t&eacute;|Sciences & société",
        "&lt;&gt;&amp;&quot;&#039;|<>&\"'",
        "<>&\"'|<>&\"'",
        "  Deux   espaces  |Deux espaces",
        "Η αστρονομία|Η αστρονομία",
        "&amp;lt;b&amp;gt;|&lt;b&gt;"
      })
  void titlesAndNamesBecomePlainTextDecodedOnce(String html, String text) {
    assertEquals(text, Markup.text(html));
  }

  @Test
  void blockEditorCommentsGoAndTheHtmlStays() {
    String body =
        Markup.body(
            "<!-- wp:paragraph -->\n<p>Un.</p>\n<!-- /wp:paragraph -->\n"
                + "<!-- wp:image {\"id\":12} -->\n<figure><img src=\"a.jpg\" alt=\"\"/></figure>\n"
                + "<!-- /wp:image -->");
    assertFalse(body.contains("wp:"), body);
    assertTrue(body.contains("<p>Un.</p>") && body.contains("<figure>"), body);
  }

  @Test
  void classicPostsGetTheParagraphsWordPressAddsWhenItShowsThem() {
    assertEquals("<p>Un.<br />\nDeux.</p>\n<p>Trois.</p>", Markup.body("Un.\nDeux.\n\n\nTrois.\n"));
    assertEquals("<p>Déjà HTML.</p>\n<p>Oui.</p>", Markup.body("<p>Déjà HTML.</p>\n\n<p>Oui.</p>"));
    // The bug of the first importer: a post with one block tag lost every paragraph.
    assertEquals(
        "<p>Le conseil a voté.</p>\n<h3>Les chiffres</h3>\n<p>Deux voix contre.<br />\nUne"
            + " abstention.</p>",
        Markup.body(
            "Le conseil a voté.\n\n<h3>Les chiffres</h3>\nDeux voix contre.\nUne abstention."));
    assertEquals("", Markup.body(null));
    assertEquals("", Markup.body("  "));
  }

  @Test
  void aCommentHasTextWhenAReaderWouldSeeSome() {
    assertTrue(Markup.hasText("<p>Oui</p>"));
    assertFalse(Markup.hasText("   "));
    assertFalse(Markup.hasText("<script>alert(1)</script>"));
    assertFalse(Markup.hasText("<p> </p><br>"));
    assertFalse(Markup.hasText(null));
  }

  @Test
  void cutsNeverSplitACharacter() {
    assertEquals("ab", Markup.cut("ab😀", 3));
    assertEquals("ab😀", Markup.cutCodePoints("ab😀cd", 3));
  }
}
