package org.tribune.web.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRendition;

class MediaArchiveTest {

  private static MediaItem item(long id, String name, String contentType) {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    return new MediaItem(
        id,
        "ab".repeat(32),
        name,
        contentType,
        1234,
        800,
        600,
        "",
        "",
        "",
        null,
        null,
        "admin@example.org",
        now,
        now,
        List.of(new MediaRendition(640, 480, "/media/" + "ab".repeat(32) + "-640.jpg")));
  }

  @Test
  void anOriginalIsFiledUnderItsIdAndANameAnySystemTakesWithItsStoredFormat() {
    assertEquals(
        "originals/12-Fete-de-la-lumiere.jpg",
        MediaArchive.path(item(12, "Fête de la lumière.JPEG", "image/jpeg")));
    assertEquals(
        "originals/3-logo-ete.png", MediaArchive.path(item(3, "logo été.jpg", "image/png")));
    assertEquals("originals/4-image.webp", MediaArchive.path(item(4, "🥕.webp", "image/webp")));
  }

  @Test
  void aNameLosesPathsDotsAtItsEndsAndWhatIsBeyondEightyCharacters() {
    assertEquals("passwd", MediaArchive.safeName("../../etc/passwd"));
    assertEquals("photo", MediaArchive.safeName("C:\\Users\\moi\\photo.png"));
    assertEquals("image", MediaArchive.safeName("..."));
    assertEquals("image", MediaArchive.safeName(null));
    assertEquals("Marche-couvert", MediaArchive.safeName("  Marché   couvert 🥕.png"));
    assertEquals("Strasse", MediaArchive.safeName("Straße.png"));
    assertEquals(80, MediaArchive.safeName("a".repeat(200) + ".jpg").length());
  }

  @Test
  void attachmentsAreNumberedAfterEveryArticleFromAMillion() {
    assertEquals(1_000_000, WxrWriter.attachmentBase(List.of()));
    assertEquals(1_000_000, WxrWriter.attachmentBase(List.of(1L, 999_999L, 40L)));
    assertEquals(10_000_000, WxrWriter.attachmentBase(List.of(1_000_000L)));
  }
}
