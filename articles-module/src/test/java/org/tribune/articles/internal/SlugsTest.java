package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Élection à Paris|election-a-paris",
        "Une comète visible à l'œil nu|une-comete-visible-a-l-oeil-nu",
        "  « Citation » : 10 000 lecteurs !  |citation-10-000-lecteurs",
        "Ça, c'est L'ÉTÉ|ca-c-est-l-ete",
        "Straße & Cæsar|strasse-caesar",
      })
  void foldsAccentsAndJoinsWordsWithHyphens(String title, String slug) {
    assertEquals(slug, Slugs.of(title));
  }

  @Test
  void titleWithoutLettersOrDigitsGetsAFallback() {
    assertEquals("article", Slugs.of("« … »"));
    assertEquals("article", Slugs.of(null));
  }

  @Test
  void longTitlesAreCutLeavingRoomForANumberSuffix() {
    String slug = Slugs.of("mot ".repeat(200));
    assertTrue(slug.length() <= 190, slug);
    assertTrue(!slug.endsWith("-"), slug);
  }

  @Test
  void alternativesAreNumberedFromTwo() {
    assertEquals("marche", Slugs.numbered("marche", 1));
    assertEquals("marche-2", Slugs.numbered("marche", 2));
  }

  @Test
  void foldingATypedPrefixKeepsItShortAndMayLeaveNothing() {
    assertEquals("mobi", Slugs.fold("MOBI"));
    assertEquals("vie-lo", Slugs.fold(" Vie lo"));
    assertEquals("", Slugs.fold("« "));
  }
}
