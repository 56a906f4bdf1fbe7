package org.tribune.web.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.tribune.web.console.audit.AuditLog;
import org.tribune.web.console.audit.AuditLog.Failures;

/**
 * Slows down password guessing. After {@value #FREE_ATTEMPTS} failed sign-ins within {@link
 * #WINDOW} for one account, or from one address, each further attempt must wait longer than the one
 * before: 1 s after the 5th failure, 2 s after the 6th, 4 s after the 7th… up to {@link
 * #LONGEST_WAIT}. The failures are counted in the audit log, so every node of a cluster applies the
 * same limit, and a successful sign-in starts the counts of its account and of its address again.
 * Behind a reverse proxy, set {@code tribune.proxy.trusted}: otherwise every attempt comes from the
 * proxy's address and one person's typing mistakes slow down everyone. Attempts made too early are
 * refused without the password being checked, and logged.
 */
@ApplicationScoped
public class SignInThrottle {
  static final int FREE_ATTEMPTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

  @Inject private AuditLog audit;

  /** How long the caller must still wait before trying again; empty when it may try now. */
  public Optional<Duration> wait(String email, String addressHash, Instant now) {
    Instant since = now.minus(WINDOW);
    Failures account =
        audit.failuresSince("target", email, later(since, audit.lastSignIn("target", email)));
    Failures address =
        audit.failuresSince(
            "address_hash",
            addressHash,
            later(since, audit.lastSignIn("address_hash", addressHash)));
    Duration wait = longest(remaining(account, now), remaining(address, now));
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** The wait imposed after a number of consecutive failures. */
  static Duration delayAfter(int failures) {
    if (failures < FREE_ATTEMPTS) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
    Duration delay = Duration.ofSeconds(1L << doublings);
    return delay.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : delay;
  }

  private static Duration remaining(Failures failures, Instant now) {
    if (failures.last() == null) {
      return Duration.ZERO;
    }
    Instant allowed = failures.last().plus(delayAfter(failures.count()));
    return allowed.isAfter(now) ? Duration.between(now, allowed) : Duration.ZERO;
  }

  private static Instant later(Instant a, Instant b) {
    return b != null && b.isAfter(a) ? b : a;
  }

  private static Duration longest(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
