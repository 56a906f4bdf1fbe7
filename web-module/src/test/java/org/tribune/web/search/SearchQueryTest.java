package org.tribune.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  void controlCharactersAndRunsOfSpacesBecomeOneSpace() {
    assertEquals(
        "élections municipales", SearchQuery.clean(" élections\u0000\t\n municipales\u0007 "));
    assertEquals("a b", SearchQuery.clean("a\u00a0\u2003b"));
  }

  @Test
  void invisibleCodesAndBrokenSurrogatesAreDropped() {
    assertEquals("comète", SearchQuery.clean("com\u200bète\ud800"));
    assertEquals("\ud83d\ude80 fusée", SearchQuery.clean("\ud83d\ude80 fusée"));
  }

  @Test
  void nothingOrBlanksIsTheEmptyQuery() {
    assertEquals("", SearchQuery.clean(null));
    assertEquals("", SearchQuery.clean(" \u0001 \t"));
  }

  @Test
  void longQueriesAreCutWithoutSplittingACharacter() {
    assertEquals(SearchQuery.MAX_LENGTH, SearchQuery.clean("é ".repeat(5_000)).length() + 1);
    String emoji = "a" + "\ud83d\ude80".repeat(400);
    String cut = SearchQuery.clean(emoji);
    assertTrue(cut.length() <= SearchQuery.MAX_LENGTH);
    assertTrue(!Character.isHighSurrogate(cut.charAt(cut.length() - 1)), "cut inside a pair");
  }

  @Test
  void aWordCutByTheLengthLimitIsLeftOut() {
    String cut = SearchQuery.clean("comete ".repeat(1000));
    assertTrue(cut.endsWith(" comete") && cut.length() <= SearchQuery.MAX_LENGTH, cut);
    assertEquals("", SearchQuery.clean("a".repeat(10_000)));
    assertEquals("b", SearchQuery.clean("b " + "a".repeat(600)));
  }

  @Test
  void shownQueriesAreShortenedWithAnEllipsis() {
    assertEquals("vélo", SearchQuery.shown("vélo"));
    String shown = SearchQuery.shown("mot ".repeat(50).strip());
    assertTrue(shown.endsWith("…") && shown.length() <= SearchQuery.MAX_SHOWN + 1, shown);
  }

  @Test
  void pathsEncodeTheQuery() {
    assertEquals("/search", SearchQuery.path(""));
    String path = SearchQuery.path("100 % & _ \"ça\" #1 ?");
    assertTrue(path.startsWith("/search?q="), path);
    String value = path.substring("/search?q=".length());
    assertTrue(value.chars().noneMatch(c -> "&#? \"".indexOf(c) >= 0), value);
    assertEquals("100 % & _ \"ça\" #1 ?", URLDecoder.decode(value, StandardCharsets.UTF_8));
  }
}
