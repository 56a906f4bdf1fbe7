package org.tribune.web.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  @Test
  void theFirstFourFailuresCostNothing() {
    for (int failures = 0; failures < SignInThrottle.FREE_ATTEMPTS; failures++) {
      assertEquals(Duration.ZERO, SignInThrottle.delayAfter(failures), failures + " failures");
    }
  }

  @Test
  void eachFailureAfterTheFifthDoublesTheWait() {
    assertEquals(Duration.ofSeconds(1), SignInThrottle.delayAfter(5));
    assertEquals(Duration.ofSeconds(2), SignInThrottle.delayAfter(6));
    assertEquals(Duration.ofSeconds(4), SignInThrottle.delayAfter(7));
    assertEquals(Duration.ofSeconds(128), SignInThrottle.delayAfter(12));
  }

  @Test
  void theWaitStopsGrowingAtFiveMinutes() {
    assertEquals(SignInThrottle.LONGEST_WAIT, SignInThrottle.delayAfter(14));
    assertEquals(SignInThrottle.LONGEST_WAIT, SignInThrottle.delayAfter(10_000));
  }
}
