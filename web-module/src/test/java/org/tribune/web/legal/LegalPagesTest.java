package org.tribune.web.legal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tribune.web.discussion.VisitorCookies;

/**
 * The legal pages' templates, filled in: every placeholder, the notice's fields, French spacing.
 */
class LegalPagesTest {
  private static final LegalNotice FULL =
      new LegalNotice(
          "Les Éditions du Val",
          "SAS au capital de 10 000 €",
          "12 rue des Lilas\n75011 Paris",
          "01 23 45 67 89",
          "redaction@exemple.fr",
          "Anne Martin",
          "Hébergeur Exemple",
          "3 quai du Port, 13002 Marseille",
          "04 00 00 00 00");

  private static final LegalNotice EMPTY = LegalNotice.of(Map.of());

  private static String render(LegalPage kind, LegalNotice notice) {
    return LegalPages.render(kind, notice, "Le Courrier du Val", Duration.ofMinutes(15));
  }

  @ParameterizedTest
  @EnumSource(LegalPage.class)
  void everyTemplateIsFilledWholeAndTypesetInFrench(LegalPage kind) {
    for (LegalNotice notice : new LegalNotice[] {FULL, EMPTY}) {
      String text = render(kind, notice);
      assertAll(
          () -> assertFalse(text.contains("{{"), () -> kind + " left a placeholder:\n" + text),
          () -> assertFalse(text.contains("'"), () -> kind + " has a straight apostrophe"),
          () -> assertFalse(text.matches("(?s).* [:;!?].*"), () -> kind + ": breakable space"),
          () -> assertTrue(text.contains("Le Courrier du Val") || kind == LegalPage.MODERATION));
    }
  }

  @Test
  void theNoticeSaysWhoPublishesDirectsAndHostsTheSite() {
    String text = render(LegalPage.MENTIONS, FULL);
    assertAll(
        () -> assertTrue(text.contains("Les Éditions du Val (SAS au capital de 10 000 €)")),
        () -> assertTrue(text.contains("12 rue des Lilas, 75011 Paris"), "one line"),
        () -> assertTrue(text.contains("redaction@exemple.fr")),
        () -> assertTrue(text.contains("Anne Martin")),
        () -> assertTrue(text.contains("Hébergeur Exemple, 3 quai du Port, 13002 Marseille")),
        () -> assertTrue(text.contains("04 00 00 00 00")),
        () -> assertFalse(text.contains("[à compléter]")));
  }

  @Test
  void aBlankFieldIsMarkedToComplete() {
    String text = render(LegalPage.MENTIONS, EMPTY);
    assertTrue(text.contains("**[à compléter]**"), text);
    assertFalse(EMPTY.complete());
    assertTrue(FULL.complete());
  }

  @Test
  void theFieldsCannotWriteMarkdown() {
    LegalNotice sly =
        new LegalNotice(
            "**Gras** [lien](https://exemple.org) <b>x</b> # titre",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "");
    String text = render(LegalPage.MENTIONS, sly);
    assertTrue(
        text.contains(
            "\\*\\*Gras\\*\\* \\[lien\\]\\(https://exemple.org\\) \\<b\\>x\\</b\\> \\# titre"),
        text);
  }

  @Test
  void thePrivacyPolicyNamesTheCookiesTribuneSetsAndHowLongTheyLast() {
    String text = render(LegalPage.PRIVACY, FULL);
    assertAll(
        () -> assertTrue(text.contains("| " + VisitorCookies.VISITOR + " |")),
        () -> assertTrue(text.contains("| " + VisitorCookies.OWN + " |")),
        () -> assertTrue(text.contains("| " + VisitorCookies.COMMENTER + " |")),
        () -> assertTrue(text.contains("| " + VisitorCookies.SORT + " |")),
        () -> assertTrue(text.contains(VisitorCookies.YEAR.toDays() + " jours")),
        () -> assertTrue(text.contains(VisitorCookies.OWN_LIFETIME.toDays() + " jours")),
        () -> assertTrue(text.contains("hachage salé")));
    assertEquals(1, render(LegalPage.MODERATION, FULL).split("pendant 15 minutes", -1).length - 1);
  }
}
