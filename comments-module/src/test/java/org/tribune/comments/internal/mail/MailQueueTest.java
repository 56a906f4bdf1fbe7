package org.tribune.comments.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How long a mail the server refused waits before its next try. */
class MailQueueTest {

  @Test
  void theWaitDoublesAfterEachFailureUpToAnHour() {
    assertEquals(30, MailQueue.delaySeconds(30, 1));
    assertEquals(60, MailQueue.delaySeconds(30, 2));
    assertEquals(120, MailQueue.delaySeconds(30, 3));
    assertEquals(1920, MailQueue.delaySeconds(30, 7));
    assertEquals(3600, MailQueue.delaySeconds(30, 8));
    assertEquals(3600, MailQueue.delaySeconds(30, 1_000));
  }

  @Test
  void aRetryPeriodBelowOneSecondCountsAsOne() {
    assertEquals(1, MailQueue.delaySeconds(0, 1));
    assertEquals(4, MailQueue.delaySeconds(-5, 3));
  }
}
