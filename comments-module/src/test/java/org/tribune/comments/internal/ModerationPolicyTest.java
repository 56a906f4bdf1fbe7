package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.internal.ModerationPolicy.Facts;

class ModerationPolicyTest {
  private static final Duration HUMAN = Duration.ofSeconds(40);

  private static ModerationPolicy policy(ModerationMode mode, String blockedWords) {
    return new ModerationPolicy(
        new ModerationPolicy.Settings(
            mode, 2, ModerationPolicy.parseWords(blockedWords), Duration.ofSeconds(3)));
  }

  private static Facts known(String body) {
    return new Facts(false, HUMAN, false, true, body);
  }

  private static Facts newcomer(String body) {
    return new Facts(false, HUMAN, false, false, body);
  }

  @Test
  void firstTimeHoldsANewcomerAndApprovesSomeoneAlreadyApproved() {
    ModerationPolicy policy = policy(ModerationMode.FIRST_TIME, "");
    assertEquals(CommentStatus.PENDING, policy.decide(newcomer("Bonjour")));
    assertEquals(CommentStatus.APPROVED, policy.decide(known("Bonjour")));
  }

  @Test
  void approveAllAndHoldAllIgnoreHistory() {
    assertEquals(
        CommentStatus.APPROVED, policy(ModerationMode.APPROVE_ALL, "").decide(newcomer("Bonjour")));
    assertEquals(
        CommentStatus.PENDING, policy(ModerationMode.HOLD_ALL, "").decide(known("Bonjour")));
  }

  @Test
  void honeypotUnknownOrShortFormAgeAndBansAreSilentSpamWhateverTheMode() {
    for (ModerationMode mode : ModerationMode.values()) {
      ModerationPolicy policy = policy(mode, "");
      assertEquals(CommentStatus.SPAM, policy.decide(new Facts(true, HUMAN, false, true, "x")));
      assertEquals(CommentStatus.SPAM, policy.decide(new Facts(false, null, false, true, "x")));
      assertEquals(
          CommentStatus.SPAM,
          policy.decide(new Facts(false, Duration.ofMillis(2_999), false, true, "x")));
      assertEquals(CommentStatus.SPAM, policy.decide(new Facts(false, HUMAN, true, true, "x")));
    }
    assertEquals(
        CommentStatus.APPROVED,
        policy(ModerationMode.APPROVE_ALL, "")
            .decide(new Facts(false, Duration.ofSeconds(3), false, true, "x")));
  }

  @Test
  void aWatchedAuthorIsHeldWhateverTheModeButSpamStaysSpam() {
    for (ModerationMode mode : ModerationMode.values()) {
      ModerationPolicy policy = policy(mode, "");
      assertEquals(
          CommentStatus.PENDING, policy.decide(new Facts(false, HUMAN, false, true, "x", true)));
      assertEquals(
          CommentStatus.SPAM, policy.decide(new Facts(true, HUMAN, false, true, "x", true)));
    }
  }

  @Test
  void moreLinksThanAllowedAreHeld() {
    ModerationPolicy policy = policy(ModerationMode.APPROVE_ALL, "");
    assertEquals(
        CommentStatus.APPROVED, policy.decide(known("https://a.example et www.b.example")));
    assertEquals(
        CommentStatus.PENDING,
        policy.decide(known("https://a.example www.b.example http://c.example")));
  }

  @Test
  void blockedWordsMatchWholeWordsIgnoringCaseAndAccents() {
    ModerationPolicy policy = policy(ModerationMode.APPROVE_ALL, " Casino , pilule miracle,,");
    assertTrue(policy.hasBlockedWord("Le CASINÒ en ligne !"));
    assertTrue(policy.hasBlockedWord("casino"));
    assertTrue(policy.hasBlockedWord("Une Pilule   Miracle."));
    assertFalse(policy.hasBlockedWord("Les casinos de la ville"));
    assertFalse(policy.hasBlockedWord("pilule, puis miracle"));
    assertEquals(CommentStatus.PENDING, policy.decide(known("Allez au casino.")));
    assertFalse(policy(ModerationMode.APPROVE_ALL, "").hasBlockedWord("casino"));
  }

  @Test
  void wordsAreFolded() {
    assertEquals("ete a l hopital 2024", ModerationPolicy.fold("  Été à l’HÔPITAL — 2024 ! "));
    assertEquals(List.of("a", "b c"), ModerationPolicy.parseWords("a, b c ,"));
  }

  @Test
  void modesAreReadFromConfiguration() {
    assertEquals(
        Optional.of(ModerationMode.FIRST_TIME), ModerationPolicy.parseMode(" first-time "));
    assertEquals(
        Optional.of(ModerationMode.APPROVE_ALL), ModerationPolicy.parseMode("approve-all"));
    assertEquals(Optional.of(ModerationMode.HOLD_ALL), ModerationPolicy.parseMode("HOLD-ALL"));
    assertEquals(Optional.empty(), ModerationPolicy.parseMode("sometimes"));
    assertEquals(Optional.empty(), ModerationPolicy.parseMode(null));
  }
}
