package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribune.comments.api.CommentRejectedException.Reason;
import org.tribune.comments.api.NewComment;

class CommentInputTest {
  private static final int MAX = 10_000;
  private static final String EMOJI = "\uD83D\uDE00"; // 😀, two UTF-16 units

  private static CommentInput.Checked check(
      String name, String email, String website, String body) {
    return CommentInput.check(new NewComment(1, null, name, email, website, body, false), MAX);
  }

  @Test
  void aGoodCommentIsCleanedAndHasNoProblem() {
    CommentInput.Checked checked =
        check("  Léa Martin ", " Lea.Martin@Example.ORG ", "Example.org", "\n Merci !\r\n\n");
    assertEquals(List.of(), checked.problems());
    assertEquals("Léa Martin", checked.authorName());
    assertEquals("lea.martin@example.org", checked.email());
    assertEquals("https://example.org/", checked.website());
    assertEquals("Merci !", checked.body());
  }

  @Test
  void everyProblemIsReportedAtOnceInFormOrder() {
    assertEquals(
        List.of(
            Reason.NAME_REQUIRED,
            Reason.EMAIL_REQUIRED,
            Reason.WEBSITE_INVALID,
            Reason.BODY_REQUIRED),
        check(" ", "", "javascript:alert(1)", " \n ").problems());
    assertEquals(
        List.of(Reason.NAME_TOO_LONG, Reason.EMAIL_INVALID, Reason.BODY_TOO_LONG),
        check("n".repeat(101), "pas-une-adresse", null, "x".repeat(MAX + 1)).problems());
  }

  @Test
  void nullFieldsAreProblemsNotCrashes() {
    assertEquals(
        List.of(Reason.NAME_REQUIRED, Reason.EMAIL_REQUIRED, Reason.BODY_REQUIRED),
        check(null, null, null, null).problems());
  }

  @Test
  void lengthsCountCharactersAsReadersSeeThem() {
    assertEquals(List.of(), check(EMOJI.repeat(100), "a@b.fr", null, EMOJI.repeat(MAX)).problems());
    assertEquals(
        List.of(Reason.NAME_TOO_LONG, Reason.BODY_TOO_LONG),
        check(EMOJI.repeat(101), "a@b.fr", null, EMOJI.repeat(MAX + 1)).problems());
  }

  @Test
  void controlCharactersAreDroppedButNewlinesAndTabsKeptInTheBody() {
    CommentInput.Checked checked =
        check("L\u0000é\u0007a\u202E\nM", "a@b.fr", null, "a\u0000b\tc\nd\u001Be\uFFFF\uD800f");
    assertEquals("Léa M", checked.authorName());
    assertEquals("ab\tc\ndef", checked.body());
  }

  @Test
  void aNameOfControlCharactersOnlyIsMissing() {
    assertEquals(
        List.of(Reason.NAME_REQUIRED), check("\u0000\u0001\u202E", "a@b.fr", null, "x").problems());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lea@example.org",
        "lea.martin+tribune@mail.example.fr",
        "o'brien@example.ie",
        "jean-pierre@xn--bcher-kva.example",
        "élodie@exemple.fr"
      })
  void saneEmailAddressesPass(String email) {
    assertTrue(CommentInput.isEmail(email), email);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lea",
        "lea@",
        "@example.org",
        "lea@example",
        "lea@@example.org",
        "lea@exa mple.org",
        "le a@example.org",
        ".lea@example.org",
        "lea.@example.org",
        "le..a@example.org",
        "lea@-example.org",
        "lea@example..org",
        "lea@example.org.",
        "lea@127.0.0.1",
        "<lea@example.org>",
        "lea@example.org\"><script>"
      })
  void otherShapesAreRefused(String email) {
    assertFalse(CommentInput.isEmail(email), email);
  }

  @Test
  void aVeryLongAddressIsRefusedQuickly() {
    String local = "a".repeat(65);
    assertFalse(CommentInput.isEmail(local + "@example.org"));
    String domain = "a.".repeat(200) + "org";
    assertFalse(CommentInput.isEmail("lea@" + domain));
    long started = System.nanoTime();
    assertFalse(CommentInput.isEmail("a".repeat(100_000) + "@" + "b.".repeat(100_000)));
    assertTrue(System.nanoTime() - started < 1_000_000_000L);
  }

  @Test
  void websitesAreNormalised() {
    assertEquals("https://example.org/", CommentInput.normaliseWebsite("example.org"));
    assertEquals("https://www.example.org/", CommentInput.normaliseWebsite("www.Example.org"));
    assertEquals("http://example.org/", CommentInput.normaliseWebsite("HTTP://EXAMPLE.ORG"));
    assertEquals(
        "https://example.org:8443/a/b?x=1#f",
        CommentInput.normaliseWebsite("https://Example.org:8443/a/b?x=1#f"));
    assertEquals("https://example.org:8080/x", CommentInput.normaliseWebsite("example.org:8080/x"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JAVASCRIPT://example.org/%0Aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/",
        "mailto:lea@example.org",
        "http://user:secret@example.org/",
        "https://localhost/",
        "https://exa mple.org/",
        "http:example.org",
        "https://",
        "//example.org",
        "https://example.org/\"><script>"
      })
  void onlyHttpAddressesWithAHostAreWebsites(String website) {
    assertNull(CommentInput.normaliseWebsite(website), website);
  }

  @Test
  void aWebsiteLongerThanItsColumnIsRefused() {
    assertNull(CommentInput.normaliseWebsite("https://example.org/" + "a".repeat(500)));
    assertEquals(
        500, CommentInput.normaliseWebsite("https://example.org/" + "a".repeat(480)).length());
  }

  @Test
  void bodiesAreCheckedAlone() {
    assertEquals(List.of(Reason.BODY_REQUIRED), CommentInput.checkBody("", 10));
    assertEquals(List.of(Reason.BODY_TOO_LONG), CommentInput.checkBody("x".repeat(11), 10));
    assertEquals(List.of(), CommentInput.checkBody(EMOJI.repeat(10), 10));
  }
}
