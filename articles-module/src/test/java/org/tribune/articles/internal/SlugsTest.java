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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // WordPress keeps non-ASCII post names percent-encoded UTF-8.
        "%c3%a9lection-%c3%a0-paris|election-a-paris",
        "caf%C3%A9-cr%C3%A8me|cafe-creme",
        "Élection_À_PARIS|election-a-paris",
        "Hello_World__2024|hello-world-2024",
        "la-fête-de-l'été|la-fete-de-l-ete",
        "%ce%b1%ce%b8-2024|ath-2024",
        "%ce%b1%ce%b8%ce%ae%ce%bd%ce%b1|athena",
        "100%-bio|100-bio",
        "50%zz|50-zz",
      })
  void wishesAreDecodedFoldedAndLowerCased(String wish, String slug) {
    assertEquals(slug, Slugs.ofWish(wish));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Αθήνα|athena",
        "Η αστρονομία|e-astronomia",
        "Москва зимой|moskva-zimoj",
        "Київ|kiiv",
        "Ünïcödé & Ελλάδα|unicode-ellada"
      })
  void otherScriptsAreWrittenInLatinLettersNeverReducedToNothing(String wish, String slug) {
    assertEquals(slug, Slugs.ofWish(wish));
    assertEquals(slug, Slugs.of(wish));
  }

  @Test
  void aWishThatFoldsToNothingFallsBackToTheTitleThenToTheFallback() {
    assertEquals("", Slugs.ofWish("%e2%80%94 ?"), "an em dash and a sign");
    assertEquals("les-jeux-a-athenes", Slugs.ofWish("« »", "Les jeux à Athènes", "article"));
    assertEquals("article", Slugs.ofWish("—", "« ? »", "article"));
    assertEquals("article", Slugs.ofWish("", "« »", "article"));
    assertEquals("article", Slugs.ofWish(null, null, "article"));
    assertEquals("from-title", Slugs.ofWish("   ", "From title", "article"));
  }

  @Test
  void aLongSingleWordIsKeptWholeAndALongWishIsCutLeavingRoomForANumber() {
    String word = "a".repeat(85);
    assertEquals(word, Slugs.ofWish(word.toUpperCase()));
    String wish = ("mot-" + word + "_").repeat(12);
    String slug = Slugs.ofWish(wish);
    assertTrue(slug.length() <= 190, slug);
    assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), slug);
    String thousand = "%c3%a9".repeat(1000 / 6);
    assertEquals("e".repeat(1000 / 6), Slugs.ofWish(thousand));
  }

  @Test
  void malformedPercentEncodingIsNotAnError() {
    assertEquals("a-b", Slugs.ofWish("a%-b"));
    assertEquals("a", Slugs.ofWish("a%"));
    assertEquals("a-e", Slugs.ofWish("a%e"));
    assertEquals("a", Slugs.ofWish("a%ff%fe"), "bytes that are not UTF-8");
  }
}
