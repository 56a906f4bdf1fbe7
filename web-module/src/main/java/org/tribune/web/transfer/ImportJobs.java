package org.tribune.web.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The imports of this node: one at a time (two imports of the same file at once would race for the
 * same rows), each with its report and how many bytes of the file were read, for the console's
 * progress bar. Finished ones are forgotten after an hour.
 */
@ApplicationScoped
public class ImportJobs {
  private static final Duration KEPT = Duration.ofHours(1);

  /** One import: who started it, its report, bytes read out of {@code total} (-1: unknown). */
  public static final class Job {
    private final String id;
    private final String owner;
    private final ImportReport report;
    private final long total;
    private final AtomicLong read = new AtomicLong();

    Job(String id, String owner, ImportReport report, long total) {
      this.id = id;
      this.owner = owner;
      this.report = report;
      this.total = total;
    }

    public String id() {
      return id;
    }

    public String owner() {
      return owner;
    }

    public ImportReport report() {
      return report;
    }

    public long total() {
      return total;
    }

    public long read() {
      return read.get();
    }

    /** The bytes read so far, told by the reader as it goes. */
    public void read(long bytes) {
      read.set(bytes);
    }
  }

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean();

  /** A new job, or empty when an import is already running on this node. */
  public Optional<Job> start(String id, String owner, ImportReport report, long total) {
    if (!running.compareAndSet(false, true)) {
      return Optional.empty();
    }
    forgetOld();
    Job job = new Job(id, owner, report, total);
    jobs.put(id, job);
    return Optional.of(job);
  }

  /** Ends the running import (its report stays readable for an hour). */
  public void finish(Job job) {
    job.report().complete();
    running.set(false);
  }

  public Optional<Job> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  private void forgetOld() {
    Instant limit = Instant.now().minus(KEPT);
    jobs.values()
        .removeIf(
            job -> job.report().finished() != null && job.report().finished().isBefore(limit));
  }
}
