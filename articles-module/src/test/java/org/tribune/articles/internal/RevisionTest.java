package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionTest {

  @Test
  void idsSurviveTheCommaSeparatedColumnInOrder() {
    assertEquals("7,3,12", Revision.join(List.of(7L, 3L, 12L)));
    assertEquals(List.of(7L, 3L, 12L), Revision.split("7,3,12"));
    assertEquals(List.of(), Revision.split(""));
    assertEquals("", Revision.join(List.of()));
  }

  @Test
  void revisionsAreNumberedFromOne() {
    Article article =
        new Article(
            "slug",
            new Article.Content(
                "Titre",
                "",
                org.tribune.articles.api.BodyFormat.MARKDOWN,
                "",
                new BodyRenderer.Rendered("", 0),
                List.of(new Author("a", "A", "")),
                null,
                List.of(),
                null,
                null,
                true,
                null),
            Instant.EPOCH);
    assertThrows(
        IllegalArgumentException.class, () -> new Revision(article, 0, "ed", Instant.EPOCH));
  }
}
