package org.tribune.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.articles.api.ArticleChanged;
import org.tribune.articles.api.ArticleDeleted;
import org.tribune.articles.api.ArticlePublished;
import org.tribune.comments.api.DiscussionChanged;

/**
 * The rendered public pages of this node, for anonymous visitors (see {@link PageCacheFilter}).
 *
 * <p>Every page depends on the whole site (the home page lists articles and the latest comments,
 * listings show comment counts, every page shows the site's name and sections), so any change a
 * reader could see empties the cache: the domain events {@link ArticleChanged}, {@link
 * ArticleDeleted}, {@link ArticlePublished} (scheduled articles included) and {@link
 * DiscussionChanged}, observed after their transaction commits; the console's other changes
 * (settings, sections, tags, authors, accounts) and imports call {@link #invalidate()}. A page
 * rendered while a change committed is not kept: each page carries the version it was rendered at,
 * and only the current version is served. {@code tribune.cache.seconds} bounds how long a page is
 * served in any case, which covers what changes with time alone (a discussion closing after its
 * days) and, until the cluster shares invalidations, changes made on another node.
 */
@ApplicationScoped
public class PageCache {
  private static final Logger LOG = Logger.getLogger(PageCache.class.getName());

  @Inject
  @ConfigProperty(name = "tribune.cache.seconds", defaultValue = "60")
  int seconds;

  @Inject
  @ConfigProperty(name = "tribune.cache.megabytes", defaultValue = "32")
  int megabytes;

  private final AtomicLong version = new AtomicLong();
  private volatile Cache<String, CachedPage> pages;

  @PostConstruct
  void open() {
    if (enabled()) {
      pages =
          Caffeine.newBuilder()
              .maximumWeight(megabytes * 1024L * 1024L)
              .weigher(
                  (String key, CachedPage page) -> (int) Math.min(Integer.MAX_VALUE, page.weight()))
              .expireAfterWrite(Duration.ofSeconds(seconds))
              .build();
    }
    LOG.info(
        () ->
            enabled()
                ? "Page cache: " + megabytes + " MB, pages kept " + seconds + " s at most"
                : "Page cache: off");
  }

  /** Whether pages are kept at all ({@code tribune.cache.seconds} or {@code megabytes} 0: no). */
  public boolean enabled() {
    return seconds > 0 && megabytes > 0;
  }

  /** The current version: a page rendered from now on is kept with it. */
  long version() {
    return version.get();
  }

  /** The page kept under this key, if it is still current. */
  CachedPage get(String key) {
    CachedPage page = pages.getIfPresent(key);
    return page == null || page.version() != version.get() ? null : page;
  }

  /**
   * Keeps a page, unless the site changed while it was rendered. When memory runs short, Caffeine
   * drops the pages least likely to be asked again (frequency-aware: a flood of one-off addresses
   * does not push the popular pages out).
   */
  void put(String key, CachedPage page) {
    if (page.version() != version.get()) {
      return;
    }
    pages.put(key, page);
    if (page.version() != version.get()) {
      // The site changed while we stored it.
      pages.asMap().remove(key, page);
    }
  }

  /** Forgets every page: something readers see has changed. */
  public void invalidate() {
    version.incrementAndGet();
    Cache<String, CachedPage> current = pages;
    if (current != null) {
      current.invalidateAll();
    }
  }

  /** The number of pages kept, for the tests and the logs. */
  long size() {
    Cache<String, CachedPage> current = pages;
    return current == null ? 0 : current.estimatedSize();
  }

  void articleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged event) {
    invalidate();
  }

  void articleDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleDeleted event) {
    invalidate();
  }

  void articlePublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticlePublished event) {
    invalidate();
  }

  void discussionChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DiscussionChanged event) {
    invalidate();
  }
}
