package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoArticleTest {

  @Test
  void parsesHeaderAndBody() {
    DemoArticle demo =
        DemoArticle.parse(
            "title: Un titre\r\nauthor: Une autrice\r\nhours-ago: 3\r\n\r\nLe texte.\n");
    assertEquals("Un titre", demo.title());
    assertEquals("Une autrice", demo.author());
    assertEquals(3, demo.hoursAgo());
    assertEquals("Le texte.", demo.body());
  }

  @Test
  void rejectsFilesWithoutTitleOrUnknownHeaders() {
    assertThrows(IllegalArgumentException.class, () -> DemoArticle.parse("author: A\n\nTexte"));
    assertThrows(
        IllegalArgumentException.class,
        () -> DemoArticle.parse("title: T\nauthor: A\ncolor: x\n\nB"));
    assertThrows(IllegalArgumentException.class, () -> DemoArticle.parse("title: T"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo/marche-couvert.md", "demo/comete.md", "demo/bibliotheque-nuit.md"})
  void shippedDemoArticlesAreValidFrenchArticles(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      DemoArticle demo = DemoArticle.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertFalse(demo.title().isBlank());
      assertTrue(demo.body().contains("\n> "), "each demo article quotes someone");
    }
  }
}
