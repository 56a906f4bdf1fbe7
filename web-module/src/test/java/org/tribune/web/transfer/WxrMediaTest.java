package org.tribune.web.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WxrMediaTest {
  private static final String SITE = "https://journal.example.org/wp-content/uploads/2016/05/";

  @ParameterizedTest
  @CsvSource({
    "https://journal.example.org/wp-content/uploads/2016/05/halle.jpg",
    "http://journal.example.org/wp-content/uploads/2016/05/halle.jpg",
    "https://Journal.Example.org/wp-content/uploads/2016/05/halle-300x225.jpg",
    "https://journal.example.org/wp-content/uploads/2016/05/halle-scaled.jpg",
    "https://journal.example.org/wp-content/uploads/2016/05/halle.jpg?w=604&h=400",
    "https://journal.example.org/wp-content/uploads/2016/05/halle-1024x768.jpg#top",
  })
  void everyAddressWordPressGivesAFileHasTheOriginalsKey(String url) {
    assertEquals(
        Optional.of("journal.example.org/wp-content/uploads/2016/05/halle.jpg"), WxrMedia.key(url));
  }

  @Test
  void otherAddressesHaveNoKeyOrTheirOwn() {
    assertEquals(Optional.empty(), WxrMedia.key("data:image/png;base64,AAAA"));
    assertEquals(Optional.empty(), WxrMedia.key("/wp-content/uploads/x.jpg"));
    assertEquals(Optional.empty(), WxrMedia.key("javascript:alert(1)"));
    assertEquals(Optional.empty(), WxrMedia.key("https://exa mple.org/%zz"));
    String hash = "ab".repeat(32);
    assertEquals(
        Optional.of("tribune:" + hash),
        WxrMedia.key("https://tribune.example.org/media/" + hash + "-960.jpg"),
        "a Tribune rendition: by the content's hash, whatever its width");
    assertEquals(SITE + "halle.jpg", WxrMedia.original(SITE + "halle-300x225.jpg?w=300"));
    assertEquals(SITE + "halle-1.jpg", WxrMedia.original(SITE + "halle-1.jpg"));
  }

  @Test
  void imagesOfTheLibraryBecomeMediaReferencesAndTheRestStays() {
    WxrMedia.Builder builder = new WxrMedia.Builder();
    builder.address(SITE + "halle.jpg", 42);
    builder.attachment("501", 42);
    builder.attachment("502", 43);
    builder.attachedTo("701", "502");
    builder.attachedTo("701", "501");
    WxrMedia media = builder.build();
    String html =
        media.rewrite(
            "<p><a href=\""
                + SITE
                + "halle.jpg\"><img class=\"wp-image-501\" src=\""
                + SITE
                + "halle-300x225.jpg\" srcset=\"x 300w\" width=\"300\" alt=\"\"></a></p>"
                + "<p><img src=\"https://ailleurs.example.net/logo.png\" alt=\"Logo\"></p>");
    assertTrue(html.contains("<img src=\"media:42\">"), html);
    assertFalse(html.contains("srcset"), html);
    assertTrue(html.contains("<img src=\"https://ailleurs.example.net/logo.png\" alt=\"Logo\">"));
    assertEquals("<p>Rien.</p>", media.rewrite("<p>Rien.</p>"));
    assertEquals(
        Optional.of("\n\n<p><img src=\"media:42\"></p>\n\n<p><img src=\"media:43\"></p>\n\n"),
        media.gallery(Map.of("ids", "501, 502, 999"), "701"));
    assertEquals(
        Optional.of("\n\n<p><img src=\"media:43\"></p>\n\n<p><img src=\"media:42\"></p>\n\n"),
        media.gallery(Map.of(), "701"),
        "without ids, the post's attachments");
    assertEquals(Optional.empty(), media.gallery(Map.of("ids", "999"), "701"));
    assertEquals(Optional.empty(), WxrMedia.NONE.gallery(Map.of("ids", "501"), "701"));
  }

  @Test
  void aFileNameIsNoTextAlternative() {
    for (String name : List.of("IMG_2231", "DSC01234.jpg", "photo-festival.jpg", "capture-2016")) {
      assertTrue(WxrMediaImport.looksLikeAFileName(name), name);
    }
    for (String text : List.of("Étal de primeurs", "La halle", "Marché 2016")) {
      assertFalse(WxrMediaImport.looksLikeAFileName(text), text);
    }
  }
}
