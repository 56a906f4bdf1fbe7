package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoSetTest {

  @Test
  void recognisesDemoContentByTheSlugsOfItsNames() {
    DemoSet demo =
        DemoSet.of(
            "Claire Dumont: Journaliste.\n\nJulien Marchand: Scientifique.\n",
            List.of(
                "title: Une comète à l'œil nu\nauthors: Julien Marchand\nsection: Sciences\n"
                    + "tags: astronomie, sorties\n\nTexte.",
                "title: Pistes cyclables\nauthors: Claire Dumont, Julien Marchand\n"
                    + "section: Vie locale / Urbanisme\ntags: sorties\n\nTexte."));

    assertEquals(Set.of("une-comete-a-l-oeil-nu", "pistes-cyclables"), demo.articleSlugs());
    assertEquals(Set.of("claire-dumont", "julien-marchand"), demo.authorSlugs());
    assertEquals(Set.of("astronomie", "sorties"), demo.tagSlugs());
    assertEquals(
        List.of("urbanisme", "sciences", "vie-locale"),
        demo.sectionSlugsChildrenFirst(),
        "a sub-section comes before its parent, so the parent is empty when it is reached");
  }

  @Test
  void refusesAnArticleSignedBySomeoneMissingFromTheAuthorsFile() {
    assertThrows(
        IllegalStateException.class,
        () -> DemoSet.of("Claire Dumont: Journaliste.", List.of("title: T\nauthors: Paul\n\nB")));
  }

  @Test
  void theShippedContentHasSixArticlesByTwoAuthors() {
    DemoSet shipped = DemoSet.shipped();
    assertEquals(6, shipped.articleSlugs().size());
    assertEquals(2, shipped.authorSlugs().size());
    assertTrue(shipped.sectionSlugsChildrenFirst().indexOf("urbanisme") == 0);
  }
}
