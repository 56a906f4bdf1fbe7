package org.tribune.articles.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

  @Test
  void accentsCaseLigaturesAndFinalPluralsAreFolded() {
    assertEquals(
        List.of("election", "oeil", "comete", "journau"),
        SearchTerms.of("Élections, l'œil des COMÈTES : journaux"));
  }

  @Test
  void stopWordsAndOneLetterWordsAreIgnored() {
    assertEquals(List.of(), SearchTerms.ofQuery("le la de l' à ? !"));
  }

  @Test
  void aQueryKeepsAtMostTenDistinctTermsInOrder() {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      words.add("mot" + (char) ('a' + i));
    }
    String query = String.join(" ", words) + " mota";

    assertEquals(words.subList(0, SearchTerms.MAX_TERMS), SearchTerms.ofQuery(query));
  }

  @Test
  void aWordCutByTheQueryLimitIsLeftOut() {
    // 71 times "comete " is 497 characters: the 72nd "comete" straddles the limit.
    assertEquals(List.of("comete"), SearchTerms.ofQuery("comete ".repeat(1000)));
    assertEquals(List.of("velo"), SearchTerms.ofQuery("velo ".repeat(99) + "comete ".repeat(10)));

    String endsAtTheLimit = " ".repeat(SearchTerms.MAX_QUERY_LENGTH - 6) + "comete";
    assertEquals(List.of("comete"), SearchTerms.ofQuery(endsAtTheLimit));
    assertEquals(List.of("comete"), SearchTerms.ofQuery(endsAtTheLimit + " suite"));
    assertEquals(List.of(), SearchTerms.ofQuery(endsAtTheLimit + "s suite"));
  }

  @Test
  void wordsComeWithTheirSpans() {
    List<String> spans = new ArrayList<>();
    SearchTerms.forEachWord("« Vélo », dit-il", (word, start, end) -> spans.add(start + "-" + end));

    assertEquals(List.of("2-6", "10-13", "14-16"), spans);
  }
}
