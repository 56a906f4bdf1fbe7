package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.NewReport;
import org.tribune.comments.api.ReportReason;
import org.tribune.comments.api.ReportRejectedException.Reason;

class ReportInputTest {

  private static NewReport report(
      ReportReason reason,
      IllicitCategory category,
      String explanation,
      String name,
      String email,
      boolean goodFaith) {
    return new NewReport(7, 70, reason, category, explanation, name, email, goodFaith);
  }

  @Test
  void aSpamReportMayBeAnonymous() {
    ReportInput.Checked checked =
        ReportInput.check(report(ReportReason.SPAM, null, "  ", null, "", false));

    assertEquals(List.of(), checked.problems());
    assertNull(checked.name());
    assertNull(checked.email());
    assertNull(checked.explanation());
  }

  @Test
  void anIllicitContentReportNeedsEverythingTheLawNames() {
    ReportInput.Checked checked =
        ReportInput.check(report(ReportReason.ILLICIT, null, "", " ", null, false));

    assertEquals(
        List.of(
            Reason.CATEGORY_REQUIRED,
            Reason.EXPLANATION_REQUIRED,
            Reason.NAME_REQUIRED,
            Reason.EMAIL_REQUIRED,
            Reason.GOOD_FAITH_REQUIRED),
        checked.problems());
  }

  @Test
  void anIllicitContentReportIsCleaned() {
    ReportInput.Checked checked =
        ReportInput.check(
            report(
                ReportReason.ILLICIT,
                IllicitCategory.PRIVACY,
                " Il donne l’adresse d’une voisine.\r\n ",
                " Jeanne\tMartin ",
                " Jeanne@Exemple.FR ",
                true));

    assertEquals(List.of(), checked.problems());
    assertEquals(IllicitCategory.PRIVACY, checked.category());
    assertEquals("Il donne l’adresse d’une voisine.", checked.explanation());
    assertEquals("Jeanne Martin", checked.name());
    assertEquals("jeanne@exemple.fr", checked.email());
  }

  @Test
  void theCategoryIsOnlyKeptForIllicitContent() {
    ReportInput.Checked checked =
        ReportInput.check(
            report(ReportReason.OFF_TOPIC, IllicitCategory.HATE, null, null, null, false));

    assertNull(checked.category());
    assertEquals(List.of(), checked.problems());
  }

  @Test
  void otherNeedsAnExplanationAndAGivenAddressMustBeOne() {
    assertEquals(
        List.of(Reason.REASON_REQUIRED, Reason.EMAIL_INVALID),
        ReportInput.check(report(null, null, null, null, "pas une adresse", false)).problems());
    assertEquals(
        List.of(Reason.EXPLANATION_REQUIRED),
        ReportInput.check(report(ReportReason.OTHER, null, "\n", null, null, false)).problems());
  }

  @Test
  void longTextsAreRefusedByCodePoints() {
    String emojis = "🙂".repeat(4000);
    assertEquals(
        List.of(),
        ReportInput.check(report(ReportReason.OTHER, null, emojis, null, null, false)).problems());
    assertEquals(
        List.of(Reason.EXPLANATION_TOO_LONG, Reason.NAME_TOO_LONG),
        ReportInput.check(
                report(ReportReason.OTHER, null, emojis + "!", "n".repeat(101), null, false))
            .problems());
  }

  @Test
  void theMedianOfTimesToDecision() {
    assertNull(DefaultReportService.median(List.of()));
    assertEquals(
        Duration.ofMinutes(5),
        DefaultReportService.median(
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(9))));
    assertEquals(
        Duration.ofMinutes(3),
        DefaultReportService.median(List.of(Duration.ofMinutes(2), Duration.ofMinutes(4))));
  }

  @Test
  void aStatementIsCleanedAndEmptyIsNone() {
    assertNull(ReportInput.statement(" \n "));
    assertEquals(
        "Propos <b>injurieux</b>.", ReportInput.statement(" Propos <b>injurieux</b>.\u0007"));
  }
}
