package org.tribune.web.console.audit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.tribune.web.console.audit.AuditText.Shown;

/** The audit log read in French, from the console's real bundles. */
class AuditTextTest {
  private static final AuditText FRENCH =
      new AuditText(
          ResourceBundle.getBundle("org.tribune.web.i18n.console", Locale.ROOT),
          ResourceBundle.getBundle("org.tribune.web.i18n.messages", Locale.ROOT),
          Locale.FRANCE,
          "/site");

  private static Shown show(String actor, AuditAction action, String target, String detail) {
    return FRENCH.show(new AuditEntry(1, Instant.EPOCH, actor, action, target, detail, null));
  }

  /** What the page shows, no-break spaces as spaces. */
  private static String plain(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  @Test
  void whoActed() {
    assertAll(
        () ->
            assertEquals(
                "a@example.org",
                show("a@example.org", AuditAction.SIGN_IN, "a@example.org", null).actor()),
        () ->
            assertEquals(
                "visiteur non connecté",
                show(null, AuditAction.SIGN_IN_FAILED, "x@example.org", "unknown account").actor()),
        () ->
            assertEquals(
                "visiteur non connecté",
                show(null, AuditAction.REPORT_RECEIVED, "comment 3", "SPAM").actor()),
        () -> assertEquals("système", show(null, AuditAction.BACKUP_TAKEN, "a.zip", null).actor()));
  }

  @Test
  void articlesAndPagesAreNamedAndLinkedToTheirEditorUnlessDeleted() {
    Shown saved = show("a@example.org", AuditAction.ARTICLE_SAVED, "article 8", null);
    Shown front = show("a@example.org", AuditAction.FRONT_PAGE_CHANGED, "article:9", "off");
    Shown deleted = show("a@example.org", AuditAction.ARTICLE_DELETED, "page 4", "À propos");
    assertAll(
        () -> assertEquals("article n° 8", plain(saved.target())),
        () -> assertEquals("/site/admin/articles/edit?id=8", saved.link()),
        () -> assertEquals("article n° 9", plain(front.target())),
        () -> assertEquals("retiré de la une", front.detail()),
        () -> assertEquals("page n° 4", plain(deleted.target())),
        () -> assertNull(deleted.link(), "a link to a deleted page"),
        () -> assertEquals("À propos", deleted.detail()));
  }

  @Test
  void commentsStatesRolesAndFormatsAreWords() {
    assertAll(
        () ->
            assertEquals(
                "commentaire n° 12",
                plain(
                    show("m@x.org", AuditAction.COMMENTS_MODERATED, "comment 12", "APPROVED")
                        .target())),
        () ->
            assertEquals(
                "publié",
                show("m@x.org", AuditAction.COMMENTS_MODERATED, "comment 12", "APPROVED").detail()),
        () ->
            assertEquals(
                "commentaires n° 3, 4",
                plain(
                    show("m@x.org", AuditAction.COMMENTS_MODERATED, "comments [3, 4]", "SPAM")
                        .target())),
        () ->
            assertEquals(
                "administrateur",
                show(null, AuditAction.ACCOUNT_CREATED, "a@example.org", "ADMIN").detail()),
        () ->
            assertEquals(
                "rédacteur en chef → auteur, compte désactivé",
                show("a@x.org", AuditAction.ACCOUNT_CHANGED, "b@x.org", "EDITOR→AUTHOR, disabled")
                    .detail()),
        () ->
            assertEquals(
                "export WordPress (WXR)",
                show("a@x.org", AuditAction.SITE_EXPORTED, "wxr", null).target()),
        () ->
            assertEquals(
                "Spam ou publicité",
                show(null, AuditAction.REPORT_RECEIVED, "comment 3", "SPAM").detail()),
        () ->
            assertEquals(
                "aucun compte à cette adresse",
                show(null, AuditAction.SIGN_IN_FAILED, "x@x.org", "unknown account").detail()));
  }

  @Test
  void decisionsAndSanctionsSayWhatWasDecided() {
    assertAll(
        () ->
            assertEquals(
                "Retirer le commentaire et suspendre son auteur (7 jours) — Incitation à la haine,"
                    + " à la violence ou à la discrimination, apologie de crimes ou du terrorisme",
                plain(
                    show(
                            "m@x.org",
                            AuditAction.REPORT_DECIDED,
                            "comment 5",
                            "REMOVE_AND_SUSPEND HATE P7D")
                        .detail())),
        () ->
            assertEquals(
                "Suspendu, 7 jours, après le commentaire n° 12",
                plain(
                    show(
                            "m@x.org",
                            AuditAction.SANCTION_ADDED,
                            "a@x.org",
                            "SUSPENDED P7D, comment 12")
                        .detail())),
        () ->
            assertEquals(
                "Commentaires retenus, Définitive",
                show("m@x.org", AuditAction.SANCTION_ADDED, "a@x.org", "HELD for good").detail()));
  }

  @Test
  void settingsListsKeepTheirKeysAndTranslateTheirValues() {
    Shown changed =
        show(
            "a@x.org",
            AuditAction.SETTINGS_CHANGED,
            "discussions",
            "moderation=APPROVE_ALL, max-length=500");
    assertAll(
        () -> assertEquals("réglages des discussions", changed.target()),
        () ->
            assertEquals(
                "moderation=Publier aussitôt (sauf indésirables), max-length=500",
                changed.detail()));
  }

  @Test
  void whatItDoesNotKnowIsShownAsWritten() {
    Shown unknown = show("a@x.org", AuditAction.BACKUP_TAKEN, "tribune-2026.zip", "odd detail");
    assertAll(
        () -> assertEquals("tribune-2026.zip", unknown.target()),
        () -> assertNull(unknown.link()),
        () -> assertEquals("odd detail", unknown.detail()));
  }
}
