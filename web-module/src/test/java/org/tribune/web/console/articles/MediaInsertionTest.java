package org.tribune.web.console.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MediaInsertionTest {

  @Test
  void withoutACursorTheImageIsANewLastParagraph() {
    assertEquals(
        "Premier.\r\n\r\nSecond.\n\n![](media:42)\n",
        MediaInsertion.insert("Premier.\r\n\r\nSecond.\r\n\r\n", null, 42).body());
    assertEquals("![](media:42)\n", MediaInsertion.insert(null, null, 42).body());
  }

  @Test
  void withACursorTheImageGoesAfterItsLineAsAParagraphOfItsOwn() {
    // The browser counts "Premier paragraphe.\n" as 20 characters: the cursor is in "Suite".
    String body = "Premier paragraphe.\r\nSuite du paragraphe.\r\n\r\nDernier.";
    MediaInsertion inserted = MediaInsertion.insert(body, 22, 7);
    assertEquals(
        "Premier paragraphe.\r\nSuite du paragraphe.\n\n![](media:7)\n\nDernier.", inserted.body());
    assertEquals(
        "Premier paragraphe.\nSuite du paragraphe.\n\n![](media:7)".length(), inserted.cursor());
  }

  @Test
  void aSecondImageAtTheReturnedCursorComesAfterTheFirst() {
    MediaInsertion first = MediaInsertion.insert("Texte.", 0, 1);
    MediaInsertion second = MediaInsertion.insert(first.body(), first.cursor(), 2);
    assertEquals("Texte.\n\n![](media:1)\n\n![](media:2)\n", second.body());
  }

  @Test
  void aCursorBeyondTheEndMeansTheEnd() {
    assertEquals("A\n\n![](media:3)\n", MediaInsertion.insert("A", 99, 3).body());
  }
}
