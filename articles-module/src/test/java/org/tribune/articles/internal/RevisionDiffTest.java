package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.DiffLine;
import org.tribune.articles.api.DiffLine.Kind;

class RevisionDiffTest {

  private static DiffLine same(String text) {
    return new DiffLine(Kind.SAME, text);
  }

  private static DiffLine added(String text) {
    return new DiffLine(Kind.ADDED, text);
  }

  private static DiffLine removed(String text) {
    return new DiffLine(Kind.REMOVED, text);
  }

  @Test
  void theTitleAndStandfirstAreTheFirstLinesOfTheSource() {
    ArticleDraft draft = ArticleDraft.markdown("Titre", "Chapeau", "Un\n\nDeux", 1L);
    assertEquals(List.of("Titre", "Chapeau", "Un", "", "Deux"), RevisionDiff.source(draft));
  }

  @Test
  void everyLineIsShownOnceUnchangedAddedOrRemoved() {
    ArticleDraft before = ArticleDraft.markdown("Titre", "Chapeau", "Un\nDeux\nTrois\nQuatre", 1L);
    ArticleDraft after =
        ArticleDraft.markdown("Nouveau titre", "Chapeau", "Un\nTrois\nTrois et demi\nQuatre", 1L);

    assertEquals(
        List.of(
            removed("Titre"),
            added("Nouveau titre"),
            same("Chapeau"),
            same("Un"),
            removed("Deux"),
            same("Trois"),
            added("Trois et demi"),
            same("Quatre")),
        RevisionDiff.between(before, after));
  }

  @Test
  void identicalRevisionsDifferInNoLine() {
    ArticleDraft draft = ArticleDraft.markdown("Titre", "", "Texte", 1L);
    assertEquals(
        List.of(same("Titre"), same(""), same("Texte")), RevisionDiff.between(draft, draft));
  }

  @Test
  void linesAddedAtTheEndComeAfterTheUnchangedOnes() {
    assertEquals(
        List.of(same("a"), added("b"), added("c")),
        RevisionDiff.lines(List.of("a"), List.of("a", "b", "c")));
    assertEquals(
        List.of(same("a"), removed("b")), RevisionDiff.lines(List.of("a", "b"), List.of("a")));
  }
}
