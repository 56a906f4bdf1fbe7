package org.tribune.articles.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribune.articles.api.ArticleService;

/**
 * Every few seconds, marks scheduled articles whose time has come as published (see {@link
 * ArticleService#publishDueArticles()}). Readers see them on time even between runs. In a cluster
 * one node a period runs it ({@link OncePerCluster}), another one when that node dies; the
 * conditional update would publish each article once even if two ran it together.
 */
@ApplicationScoped
public class ScheduledPublishing {
  private static final Logger LOG = Logger.getLogger(ScheduledPublishing.class.getName());
  private static final long PERIOD_SECONDS = 10;

  @Resource private ManagedScheduledExecutorService executor;
  @Inject private ArticleService articles;
  @Inject private OncePerCluster cluster;

  private ScheduledFuture<?> task;
  private volatile String lastFailure;

  synchronized void start() {
    if (task == null) {
      task = executor.scheduleWithFixedDelay(this::run, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }
  }

  private void run() {
    try {
      cluster.run(
          "articles-scheduled-publishing",
          Duration.ofSeconds(PERIOD_SECONDS),
          Duration.ofMinutes(5),
          this::publishDue);
      lastFailure = null;
    } catch (RuntimeException e) {
      String message = DatabaseProblems.describe(e);
      if (!message.equals(lastFailure)) {
        LOG.log(Level.WARNING, "Scheduled publishing failed, will retry: {0}", message);
      }
      lastFailure = message;
    }
  }

  private void publishDue() {
    int count = articles.publishDueArticles();
    if (count > 0) {
      LOG.info(() -> count + " scheduled article(s) published");
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
