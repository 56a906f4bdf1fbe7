package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommentRendererTest {
  private static final String REL = " rel=\"nofollow ugc noopener\"";

  /** The only markup the renderer may write. */
  private static final Pattern ALLOWED_TAG =
      Pattern.compile(
          "</?p>|<br>|</?blockquote>|</?strong>|</?em>|</a>|<a href=\"(https?://[^\"<>'\\s]*)\" rel=\"nofollow ugc"
              + " noopener\">");

  private static String render(String body) {
    return CommentRenderer.render(CommentInput.cleanBody(body));
  }

  @Test
  void blankLinesSeparateParagraphsAndSingleNewlinesBreakLines() {
    assertEquals(
        "<p>Premier paragraphe,<br>même paragraphe.</p><p>Second.</p>",
        render("Premier paragraphe,\nmême paragraphe.\n\n\n  \nSecond."));
    assertEquals("<p>a<br>b</p>", render("a\r\nb"));
  }

  @Test
  void starsHuggingWordsMakeBoldAndItalic() {
    assertEquals(
        "<p>C’est <strong>très</strong> clair, <em>vraiment</em>.</p>",
        render("C’est **très** clair, *vraiment*."));
    assertEquals(
        "<p><strong>tout <em>à fait</em> juste</strong></p>", render("**tout *à fait* juste**"));
    assertEquals("<p><em>un</em> et <em>deux</em></p>", render("*un* et *deux*"));
    assertEquals("<blockquote><p><em>Citation</em></p></blockquote>", render("> *Citation*"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2*3*4 = 24",
        "* une liste",
        "un * seul",
        "* pas * collé *",
        "***trois***",
        "**pas fermé",
        "*ligne\nsuivante*",
        "mot*dedans*mot"
      })
  void starsThatDoNotHugWordsStayAsTyped(String typed) {
    String body = typed.replace("\\n", "\n");
    assertFalse(render(body).contains("<em>"), () -> render(body));
    assertFalse(render(body).contains("<strong>"), () -> render(body));
  }

  @Test
  void markupInsideStarsIsStillText() {
    assertEquals(
        "<p><em>&lt;script&gt;alert(1)&lt;/script&gt;</em></p>",
        render("*<script>alert(1)</script>*"));
    assertEquals(
        "<p><strong>À lire</strong> : <a href=\"https://example.org/\""
            + REL
            + ">https://example.org/</a></p>",
        render("**À lire** : https://example.org/"));
  }

  @Test
  void consecutiveQuotedLinesMakeOneBlockquoteOfParagraphs() {
    assertEquals(
        "<p>Vous écrivez :</p><blockquote><p>ligne 1<br>ligne 2</p><p>autre</p></blockquote>"
            + "<p>Je réponds.</p>",
        render("Vous écrivez :\n> ligne 1\n> ligne 2\n>\n> autre\nJe réponds."));
    assertEquals(
        "<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>", render("> a\n> > b"));
    assertEquals("<p>&gt;pas une citation</p>", render(">pas une citation"));
  }

  @Test
  void webAddressesBecomeNofollowLinksWithPunctuationOutside() {
    assertEquals(
        "<p>Voir <a href=\"https://example.org/a?b=1&amp;c=2\""
            + REL
            + ">https://example.org/a?b=1&amp;c=2</a>.</p>",
        render("Voir https://example.org/a?b=1&c=2."));
    assertEquals(
        "<p>(<a href=\"http://www.example.org\"" + REL + ">www.example.org</a>)</p>",
        render("(www.example.org)"));
    assertEquals(
        "<p><a href=\"http://example.org/\"" + REL + ">http://example.org/</a></p>",
        render("http://example.org/"));
  }

  @Test
  void otherSchemesAndEmailAddressesStayText() {
    assertEquals("<p>ftp://example.org/fichier</p>", render("ftp://example.org/fichier"));
    assertEquals("<p>lea@example.org</p>", render("lea@example.org"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "javascript://%0Aalert(1)",
        "javascript://example.org/%0Aalert(1)",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)' x='",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#106;avascript:alert(1)",
        "<a href=\"javascript:alert(1)\">clic</a>",
        "<iframe srcdoc=\"<script>parent.alert(1)</script>\"></iframe>",
        "https://example.org/\"onmouseover=\"alert(1)",
        "https://example.org/'onmouseover='alert(1)",
        "https://example.org/<script>alert(1)</script>",
        "www.example.org/\"><script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "> <script>alert(1)</script>\n> \"><img src=x onerror=alert(1)>",
        "<style>body{display:none}</style>",
        "<!-- <script>alert(1)</script> -->",
        "https://example.org/?q=<img src=x onerror=alert(1)>"
      })
  void payloadsComeOutAsTextAndOnlyAllowedMarkup(String payload) {
    String html = render(payload);
    assertSafe(html);
    assertFalse(html.toLowerCase().contains("<script"), html);
    assertFalse(html.toLowerCase().contains("<img"), html);
    assertFalse(html.toLowerCase().contains("<svg"), html);
    assertFalse(html.toLowerCase().contains("href=\"javascript"), html);
  }

  @Test
  void entitiesTypedByAReaderAreShownAsTyped() {
    assertEquals("<p>&amp;lt;script&amp;gt;</p>", render("&lt;script&gt;"));
    assertEquals("<p>&amp;#106;avascript:alert(1)</p>", render("&#106;avascript:alert(1)"));
    assertEquals("<p>&quot;&#39;&lt;&gt;&amp;</p>", render("\"'<>&"));
  }

  @Test
  void aQuoteInAnAddressCannotLeaveTheAttribute() {
    String html = render("https://example.org/\"onmouseover=\"alert(1)");
    assertSafe(html);
    assertFalse(html.contains("\" onmouseover"), html);
  }

  @Test
  void linksAreCounted() {
    assertEquals(
        3,
        CommentRenderer.countLinks(
            "https://a.example/ http://b.example et www.c.example, pas ftp://d.example"));
    assertEquals(0, CommentRenderer.countLinks("javascript://x.example/%0Aalert(1)"));
  }

  @Test
  void aLongBodyRendersWithinItsColumn() {
    String body = "\"&<>'\n".repeat(8_000);
    String html = render(body);
    assertSafe(html);
    assertTrue(html.length() < Comment.BODY_HTML_COLUMN);
  }

  /** Every tag is one the renderer may write; the text between tags holds no markup character. */
  static void assertSafe(String html) {
    int i = 0;
    while (i < html.length()) {
      int open = html.indexOf('<', i);
      String text = open < 0 ? html.substring(i) : html.substring(i, open);
      for (String forbidden : List.of(">", "\"", "'")) {
        if (text.contains(forbidden)) {
          fail("unescaped " + forbidden + " in text '" + text + "' of " + html);
        }
      }
      if (open < 0) {
        return;
      }
      int close = html.indexOf('>', open);
      if (close < 0) {
        fail("unclosed tag in " + html);
      }
      String tag = html.substring(open, close + 1);
      Matcher allowed = ALLOWED_TAG.matcher(tag);
      if (!allowed.matches()) {
        fail("tag " + tag + " in " + html);
      }
      i = close + 1;
    }
  }
}
