package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoArticleTest {

  @Test
  void parsesHeaderAndBody() {
    DemoArticle demo =
        DemoArticle.parse(
            "title: Un titre\r\nstandfirst: Le chapeau.\r\nauthors: Une autrice, Un auteur\r\n"
                + "section: Vie locale / Urbanisme\r\ntags: a, b\r\nhours-ago: 3\r\n\r\nLe texte.\n");
    assertEquals("Un titre", demo.title());
    assertEquals("Le chapeau.", demo.standfirst());
    assertEquals(List.of("Une autrice", "Un auteur"), demo.authors());
    assertEquals(List.of("Vie locale", "Urbanisme"), demo.section());
    assertEquals(List.of("a", "b"), demo.tags());
    assertEquals(3, demo.hoursAgo());
    assertEquals("Le texte.", demo.body());
  }

  @Test
  void rejectsFilesWithoutTitleOrAuthorOrWithUnknownHeaders() {
    assertThrows(IllegalArgumentException.class, () -> DemoArticle.parse("authors: A\n\nTexte"));
    assertThrows(IllegalArgumentException.class, () -> DemoArticle.parse("title: T\n\nTexte"));
    assertThrows(
        IllegalArgumentException.class,
        () -> DemoArticle.parse("title: T\nauthors: A\ncolor: x\n\nB"));
    assertThrows(
        IllegalArgumentException.class,
        () -> DemoArticle.parse("title: T\nauthors: A\nsection: a / b / c\n\nB"));
    assertThrows(IllegalArgumentException.class, () -> DemoArticle.parse("title: T"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "demo/marche-couvert.md",
        "demo/qualite-air.md",
        "demo/comete.md",
        "demo/festival-musique.md",
        "demo/bibliotheque-nuit.md",
        "demo/pistes-cyclables.md"
      })
  void shippedDemoArticlesAreCompleteFrenchArticles(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      DemoArticle demo = DemoArticle.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertFalse(demo.title().isBlank());
      assertFalse(demo.standfirst().isBlank());
      assertFalse(demo.section().isEmpty());
      assertFalse(demo.tags().isEmpty());
      assertTrue(demo.body().contains("\n> "), "each demo article quotes someone");
    }
  }
}
