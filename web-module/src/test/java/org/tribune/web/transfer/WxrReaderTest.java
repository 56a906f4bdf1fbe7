package org.tribune.web.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WxrReaderTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static InputStream fixture(String name) {
    InputStream in = WxrReaderTest.class.getResourceAsStream("/transfer/" + name);
    if (in == null) {
      throw new IllegalStateException("no fixture " + name);
    }
    return in;
  }

  private static List<Wxr.Entry> read(InputStream in) throws ImportException {
    List<Wxr.Entry> entries = new ArrayList<>();
    try (WxrReader reader = new WxrReader(in, PARIS)) {
      Wxr.Entry entry;
      while ((entry = reader.next()) != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static <T> List<T> only(List<Wxr.Entry> entries, Class<T> type) {
    return entries.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static Wxr.Post post(List<Wxr.Entry> entries, String id) {
    return only(entries, Wxr.Post.class).stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsTheSiteAuthorsTermsAndEveryItemOfAWxr12File() throws ImportException {
    List<Wxr.Entry> entries = read(fixture("wxr-1.2.xml"));
    Wxr.Site site = (Wxr.Site) entries.get(0);
    assertEquals("https://ancien.example.org", site.baseSiteUrl());
    assertEquals("1.2", site.version());
    assertEquals(
        List.of("claire", "jperez"),
        only(entries, Wxr.Author.class).stream().map(Wxr.Author::login).toList());
    assertTrue(
        only(entries, Wxr.Term.class).stream()
            .map(Wxr.Term::slug)
            .toList()
            .containsAll(List.of("cinema", "culture", "sciences", "festival", "astronomie")));
    assertEquals(14, only(entries, Wxr.Post.class).size());

    Wxr.Post cinema = post(entries, "101");
    assertEquals("publish", cinema.status());
    assertEquals("lete-au-cinema", cinema.slug());
    assertEquals(Instant.parse("2017-10-30T09:06:00Z"), cinema.date());
    assertEquals("https://ancien.example.org/2017/10/30/lete-au-cinema/", cinema.link());
    assertTrue(cinema.content().contains("<!-- wp:paragraph -->"));
    assertEquals(19, cinema.comments().size());
    Wxr.Comment deepest = cinema.comments().get(9);
    assertEquals("1010", deepest.id());
    assertEquals("1009", deepest.parentId());
    assertEquals(Instant.parse("2017-10-30T09:50:00Z"), deepest.date());

    Wxr.Post sticky = post(entries, "110");
    assertTrue(sticky.sticky());
    assertEquals(
        List.of("category", "category"),
        sticky.terms().stream().map(Wxr.ItemTerm::domain).toList());
    assertEquals("secret", post(entries, "107").password());
    assertEquals(60, post(entries, "106").terms().size());
  }

  @Test
  void aDraftWithoutGmtDateTakesItsLocalDateInTheSiteZone() throws ImportException {
    Wxr.Post draft = post(read(fixture("wxr-1.2.xml")), "105");
    assertEquals(Instant.parse("2019-01-01T11:00:00Z"), draft.date());
  }

  @ParameterizedTest
  @CsvSource({"wxr-1.0.xml, 501, 2", "wxr-1.1-https.xml, 601, 1", "wxr-1.2.xml, 101, 19"})
  void everyNamespaceVariantIsRead(String file, String postId, int comments)
      throws ImportException {
    Wxr.Post post = post(read(fixture(file)), postId);
    assertEquals(comments, post.comments().size());
  }

  @ParameterizedTest
  @CsvSource({
    "wrong-namespace.xml, namespace",
    "no-namespace.xml, namespace",
    "not-xml.xml, malformed",
    "truncated.xml, malformed",
    "empty.xml, malformed",
    "xxe.xml, dtd",
    "xml-bomb.xml, dtd"
  })
  void badFilesAreRefusedWithTheirReason(String file, String code) {
    ImportException refused = assertThrows(ImportException.class, () -> read(fixture(file)));
    assertEquals(code, refused.code());
  }

  @Test
  void aTruncatedFileYieldsItsWholeItemsBeforeTheProblem() throws IOException {
    List<Wxr.Entry> entries = new ArrayList<>();
    ImportException refused =
        assertThrows(
            ImportException.class,
            () -> {
              try (WxrReader reader = new WxrReader(fixture("truncated.xml"), PARIS)) {
                Wxr.Entry entry;
                while ((entry = reader.next()) != null) {
                  entries.add(entry);
                }
              }
            });
    assertEquals("malformed", refused.code());
    assertTrue(refused.detail().startsWith("line "), refused.detail());
    assertEquals(
        List.of("101", "102", "103", "104", "105"),
        only(entries, Wxr.Post.class).stream().map(Wxr.Post::id).toList());
  }

  @Test
  void anExternalEntityIsNeverRead() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
            + "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel/></rss>";
    ImportException refused =
        assertThrows(
            ImportException.class,
            () -> read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    assertEquals("dtd", refused.code());
  }

  @Test
  void aHugeTextIsCutInsteadOfFillingTheMemory() throws ImportException {
    StringBuilder xml =
        new StringBuilder(
            "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><item>"
                + "<wp:post_id>1</wp:post_id><content:encoded>");
    xml.append("a".repeat(WxrReader.MAX_TEXT + 5000));
    xml.append("</content:encoded></item></channel></rss>");
    Wxr.Post post =
        post(read(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8))), "1");
    assertEquals(WxrReader.MAX_TEXT, post.content().length());
  }
}
