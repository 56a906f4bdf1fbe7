package org.tribune.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HighlighterTest {

  @Test
  void marksEveryWordThatFoldsToATermOfTheQuery() {
    Highlighter highlighter = new Highlighter("elections MUNICIPALE");

    assertEquals(
        "Les <mark>Élections</mark> <mark>municipales</mark> : l’<mark>élection</mark> de mars",
        highlighter.html("Les Élections municipales : l’élection de mars"));
  }

  @Test
  void marksWhatTheIndexMatchedForPluralsAndLigatures() {
    assertEquals(
        "Une <mark>comète</mark> visible à l’<mark>œil</mark> nu",
        new Highlighter("comètes oeil").html("Une comète visible à l’œil nu"));
  }

  @Test
  void doesNotMarkPartsOfWordsOrStopWords() {
    Highlighter highlighter = new Highlighter("la gare");

    assertEquals(
        "La <mark>gare</mark> et la garenne, la bagarre",
        highlighter.html("La gare et la garenne, la bagarre"));
  }

  @Test
  void escapesTheTextAroundAndInsideTheMarks() {
    Highlighter highlighter = new Highlighter("script");

    assertEquals(
        "&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt;",
        highlighter.html("<script>alert(\"x\")</script>"));
  }

  @Test
  void escapesAmpersandsQuotesAndExistingEntitiesOnce() {
    Highlighter highlighter = new Highlighter("amp");

    assertEquals(
        "Tom &amp;<mark>amp</mark>; Jerry &#39;s &lt;b&gt; &quot;",
        highlighter.html("Tom &amp; Jerry 's <b> \""));
  }

  @Test
  void textWithoutMatchesIsOnlyEscaped() {
    assertEquals(
        "&lt;img src=x onerror=alert(1)&gt; &amp; rien",
        new Highlighter("vélo").html("<img src=x onerror=alert(1)> & rien"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "' onmouseover='alert(1)",
        "</mark><script>",
        "&lt;script&gt;",
        "%3Cscript%3E"
      })
  void aHostileQueryNeverProducesMarkup(String query) {
    String text = "script svg alert mark onload onmouseover lt gt 3Cscript 3E";
    String html = new Highlighter(query).html(query + " " + text);

    String withoutMarks = html.replace("<mark>", "").replace("</mark>", "");
    assertFalse(withoutMarks.contains("<"), html);
    assertFalse(withoutMarks.contains(">"), html);
    assertFalse(withoutMarks.contains("\""), html);
    assertFalse(withoutMarks.contains("'"), html);
  }

  @Test
  void dropsControlCharactersButKeepsWhitespace() {
    assertEquals("a\tb\nc", new Highlighter("").html("a\u0000\tb\n\u0007c"));
  }

  @Test
  void aQueryWithOnlyStopWordsOrPunctuationHasNoTerms() {
    assertFalse(new Highlighter("le la de, et ... !").hasTerms());
    assertFalse(new Highlighter("%_'\"").hasTerms());
    assertFalse(new Highlighter((String) null).hasTerms());
    assertTrue(new Highlighter("vélo").hasTerms());
  }

  @Test
  void nullAndEmptyTextsGiveEmptyHtml() {
    Highlighter highlighter = new Highlighter(List.of("velo"));

    assertEquals("", highlighter.html(null));
    assertEquals("", highlighter.html(""));
  }

  @Test
  void wordsBeyondTheQueryLimitAreNotMarked() {
    String query = "a".repeat(600) + " comète";

    assertEquals("Une comète", new Highlighter(query).html("Une comète"));
  }
}
