package org.tribune.articles.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribune.articles.api.ArticleService;

/**
 * Every few seconds, marks scheduled articles whose time has come as published (see {@link
 * ArticleService#publishDueArticles()}). Readers see them on time even between runs; each node runs
 * it and the conditional update makes each article published exactly once.
 */
@ApplicationScoped
public class ScheduledPublishing {
  private static final Logger LOG = Logger.getLogger(ScheduledPublishing.class.getName());
  private static final long PERIOD_SECONDS = 10;

  @Resource private ManagedScheduledExecutorService executor;
  @Inject private ArticleService articles;

  private ScheduledFuture<?> task;
  private volatile String lastFailure;

  synchronized void start() {
    if (task == null) {
      task = executor.scheduleWithFixedDelay(this::run, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }
  }

  private void run() {
    try {
      int count = articles.publishDueArticles();
      if (count > 0) {
        LOG.info(() -> count + " scheduled article(s) published");
      }
      lastFailure = null;
    } catch (RuntimeException e) {
      String message = DatabaseProblems.describe(e);
      if (!message.equals(lastFailure)) {
        LOG.log(Level.WARNING, "Scheduled publishing failed, will retry: {0}", message);
      }
      lastFailure = message;
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
