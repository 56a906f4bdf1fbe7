package org.tribune.web.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether this site ever imported anything, asked of the database at most every half minute: the
 * old-address lookups are skipped on sites without. An import on this node says so at once.
 */
@ApplicationScoped
public class ImportedSites {
  private static final long RECHECK_NANOS = 30_000_000_000L;

  @Inject private ImportLinks links;

  private volatile boolean any;
  private volatile long checkedAt;
  private volatile boolean checked;

  public boolean any() {
    if (any) {
      return true;
    }
    long now = System.nanoTime();
    if (!checked || now - checkedAt > RECHECK_NANOS) {
      any = links.any();
      checkedAt = now;
      checked = true;
    }
    return any;
  }

  /** Called when a restore replaced the site: whether it imported anything is asked again. */
  public void restored() {
    any = false;
    checked = false;
  }

  /** Called when an import wrote something. */
  public void imported() {
    any = true;
  }
}
