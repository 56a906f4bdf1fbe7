package org.tribune.comments.internal.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider;

/**
 * Runs a periodic job of the module (mail retries) on one node of the cluster per period: each
 * node's timer asks, the node that takes the job's row in {@code comments_job_lock} runs it and
 * keeps the row for {@code period} (minus a margin for timers drifting apart), the others skip
 * their turn. A node that dies while running a job holds it {@code atMost} at most; then the next
 * node to ask runs it. Alone, a node takes the row every time.
 */
@ApplicationScoped
public class OncePerCluster {
  @Resource(lookup = "java:app/jdbc/tribune")
  private DataSource dataSource;

  private volatile LockingTaskExecutor executor;

  /**
   * Runs {@code job} here unless another node runs it or ran it less than {@code period} ago.
   *
   * @param atMost how long a node that stopped answering may hold the job
   */
  public void run(String name, Duration period, Duration atMost, Runnable job) {
    LockingTaskExecutor current = executor;
    if (current == null) {
      current =
          new DefaultLockingTaskExecutor(new JdbcLockProvider(dataSource, "comments_job_lock"));
      executor = current;
    }
    Duration atLeast = period.minus(period.dividedBy(5));
    current.executeWithLock(job, new LockConfiguration(Instant.now(), name, atMost, atLeast));
  }
}
