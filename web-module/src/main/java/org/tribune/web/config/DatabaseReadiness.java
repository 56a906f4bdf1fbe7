package org.tribune.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the modules are ready to serve pages, from their MicroProfile readiness checks (each
 * module migrates its schema in its check). Once every check has been UP it stays open and costs
 * nothing per request; until then it asks again at most every {@value #RECHECK_MILLIS} ms.
 */
@ApplicationScoped
public class DatabaseReadiness {
  static final long RECHECK_MILLIS = 2_000;

  @Inject @Readiness private Instance<HealthCheck> checks;
  @Inject private Event<SiteReady> siteReady;

  private volatile boolean open;
  private final AtomicBoolean announced = new AtomicBoolean();
  private volatile long lastCheck;

  /** Runs every readiness check now; returns whether all are UP. */
  public boolean checkNow() {
    lastCheck = System.currentTimeMillis();
    open = checks.stream().allMatch(c -> c.call().getStatus() == HealthCheckResponse.Status.UP);
    if (open && announced.compareAndSet(false, true)) {
      siteReady.fire(new SiteReady());
    }
    return open;
  }

  /**
   * The database stopped answering while pages were served: they answer 503 until a check finds it
   * again (the next one in {@value #RECHECK_MILLIS} ms at most).
   *
   * @return whether it was open until now (the first request to notice says so in the log)
   */
  public boolean lost() {
    boolean wasOpen = open;
    lastCheck = System.currentTimeMillis();
    open = false;
    return wasOpen;
  }

  /** Whether pages may be served, re-checking when the last check is old enough. */
  public boolean isOpen() {
    if (open) {
      return true;
    }
    if (System.currentTimeMillis() - lastCheck < RECHECK_MILLIS) {
      return false;
    }
    return checkNow();
  }
}
