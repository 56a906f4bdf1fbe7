package org.tribune.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.articles.api.ArticleChanged;
import org.tribune.articles.api.ArticleDeleted;
import org.tribune.articles.api.ArticlePublished;
import org.tribune.articles.api.MediaChanged;
import org.tribune.comments.api.DiscussionChanged;
import org.tribune.web.cluster.ClusterChanges;
import org.tribune.web.cluster.SiteChange;

/**
 * The rendered public pages of this node, for anonymous visitors (see {@link PageCacheFilter}).
 *
 * <p>What a change makes stale, observed after its transaction commits:
 *
 * <ul>
 *   <li>an article's discussion ({@link DiscussionChanged}: a comment approved, edited, deleted or
 *       voted on): the pages of that article (its page and its discussion's pages) and every page
 *       that is not an article's — listings show comment counts, the home page the latest comments
 *       — but not the pages of the other articles, which show nothing of it: a busy discussion does
 *       not make the site render every article again;
 *   <li>anything else a reader could see: everything — {@link ArticleChanged}, {@link
 *       ArticleDeleted}, {@link ArticlePublished} (scheduled articles included; titles appear in
 *       listings), a discussion change that may concern any article (rules, erasure), and the
 *       console's other changes (settings, sections, tags, authors, accounts) and imports, which
 *       call {@link #invalidate()}.
 * </ul>
 *
 * <p>Every change takes the next number of a sequence and marks what it made stale with it
 * (everything, the listings, or an article); each page carries the number current when its
 * rendering began, and is <em>current</em> while no mark of what it depends on is newer. A current
 * page is served to every visitor. {@code tribune.cache.seconds} bounds how long a page is served
 * in any case, which covers what changes with time alone (a discussion closing after its days).
 *
 * <p>A live discussion changes its article's page several times a second, faster than the page
 * renders under load: refusing every page rendered during a change left readers rendering the page
 * each for themselves, and the site collapsed (issue 21). So a page made stale by a discussion
 * change stays kept, and while one request renders the fresh page, the others are served the stale
 * one, as long as its rendering began at most {@code tribune.cache.stale-millis} (1 000) ago: a
 * reader never sees a page older than that when someone is already rendering a newer one. A page
 * rendered while a comment arrived is kept too (it is newer than the one it replaces), and the next
 * request renders again. A change to everything (an article edited, the settings) is never served
 * stale: pages begun before it are dropped and never kept.
 *
 * <p>In a cluster, each change is also sent to the other nodes ({@link ClusterChanges}), which mark
 * and forget the same pages on receipt: a page another node began rendering before that is not kept
 * there either.
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

  @Inject
  @ConfigProperty(name = "tribune.cache.stale-millis", defaultValue = "1000")
  long staleMillis;

  /**
   * How long a shared HTTP cache in front of the site (nginx, a CDN) may answer with a kept page
   * before it asks again ({@code s-maxage}); 0: it may keep nothing.
   */
  @Inject
  @ConfigProperty(name = "tribune.cache.shared-seconds", defaultValue = "1")
  int sharedSeconds;

  /**
   * How long a browser or a shared cache may keep a discussion's state ({@code
   * /articles/{slug}/comments/state}, polled by the page's script) before asking again; 0: it may
   * keep nothing.
   */
  @Inject
  @ConfigProperty(name = "tribune.cache.state-seconds", defaultValue = "5")
  int stateSeconds;

  /** More articles than this with a mark of their own: everything is marked instead. */
  private static final int MARKED_ARTICLES = 10_000;

  /** The sequence of changes; a page is rendered at its current value. */
  private final AtomicLong sequence = new AtomicLong();

  /** The change that last made every page stale (only ever grows). */
  private final AtomicLong everything = new AtomicLong();

  /** The change that last made the pages that are not an article's stale (only ever grows). */
  private final AtomicLong listings = new AtomicLong();

  /** The change that last made an article's pages stale, by article (since {@link #everything}). */
  private final Map<Long, Long> articles = new ConcurrentHashMap<>();

  @Inject ClusterChanges cluster;

  private volatile Cache<String, CachedPage> pages;

  /** Pages being rendered now, by key (see {@link #rendering}). */
  private final Map<String, CompletableFuture<CachedPage>> rendering = new ConcurrentHashMap<>();

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
                ? "Page cache: "
                    + megabytes
                    + " MB, pages kept "
                    + seconds
                    + " s at most, served stale "
                    + staleMillis
                    + " ms at most while one renders"
                : "Page cache: off");
  }

  /**
   * The {@code Cache-Control} of a kept page that is the same for everyone: browsers ask again each
   * time (and get 304 while it has not changed); shared caches may keep it {@code
   * tribune.cache.shared-seconds}. No {@code stale-while-revalidate}: browsers follow it too, and a
   * reader who just posted could be shown the page without their comment; a shared cache in front
   * serves stale pages by its own configuration (see {@code cluster/nginx-cache.conf}).
   */
  String cacheControl() {
    return sharedSeconds > 0 ? "public, max-age=0, s-maxage=" + sharedSeconds : "no-cache";
  }

  /**
   * The {@code Cache-Control} of a discussion's state: the same for every reader, and a few seconds
   * late at worst, which an announcement of new comments can be; browsers may keep it too (their
   * reader's own comments are counted by the script itself).
   */
  String stateCacheControl() {
    return stateSeconds > 0
        ? "public, max-age=" + stateSeconds + ", s-maxage=" + stateSeconds
        : "no-cache";
  }

  /** Whether pages are kept at all ({@code tribune.cache.seconds} or {@code megabytes} 0: no). */
  public boolean enabled() {
    return seconds > 0 && megabytes > 0;
  }

  /** The current version: a page whose rendering begins now is kept with it. */
  long version() {
    return sequence.get();
  }

  /** The page kept under this key, if it is still current. */
  CachedPage get(String key) {
    CachedPage page = pages.getIfPresent(key);
    return page == null || !current(page) ? null : page;
  }

  /**
   * The page kept under this key, current or made stale by discussion changes only, if its
   * rendering began at most {@code tribune.cache.stale-millis} ago: what a request is served while
   * another one renders the page again.
   */
  CachedPage stale(String key) {
    CachedPage page = pages.getIfPresent(key);
    if (page == null || current(page)) {
      return page;
    }
    boolean recent = System.nanoTime() - page.began() <= staleMillis * 1_000_000L;
    return recent && servable(page) ? page : null;
  }

  /**
   * Whether a page may be served at all: no change to everything came after its rendering began (it
   * may be stale by a discussion change).
   */
  boolean servable(CachedPage page) {
    return page.version() >= everything.get();
  }

  /** Whether no change since the page's rendering began concerns it. */
  boolean current(CachedPage page) {
    long rendered = page.version();
    if (rendered < everything.get()) {
      return false;
    }
    Long article = page.scope();
    if (article == null) {
      return rendered >= listings.get();
    }
    Long marked = articles.get(article);
    return marked == null || rendered >= marked;
  }

  /**
   * Keeps a page in place of an older one, unless everything changed while it was rendered; a page
   * that a discussion change made stale while it was rendered is kept too, to be served while the
   * next one renders (see {@link #stale}). When memory runs short, Caffeine drops the pages least
   * likely to be asked again (frequency-aware: a flood of one-off addresses does not push the
   * popular pages out).
   */
  void put(String key, CachedPage page) {
    if (!servable(page)) {
      return;
    }
    pages.asMap().merge(key, page, (kept, mine) -> mine.version() >= kept.version() ? mine : kept);
    if (!servable(page)) {
      // Everything changed while we stored it.
      pages.asMap().remove(key, page);
    }
  }

  /**
   * Registers a rendering of the page under this key.
   *
   * @return {@code null} when this one is to render it (and then call {@link #rendered}), or the
   *     rendering under way, whose page to wait for
   */
  CompletableFuture<CachedPage> rendering(String key, CompletableFuture<CachedPage> mine) {
    return rendering.putIfAbsent(key, mine);
  }

  /** Ends a rendering: the page kept, or {@code null} (not kept, or it failed). */
  void rendered(String key, CompletableFuture<CachedPage> mine, CachedPage page) {
    rendering.remove(key, mine);
    mine.complete(page);
  }

  /** Forgets every page, here and on the other nodes: something readers see has changed. */
  public void invalidate() {
    forgetEverything();
    cluster.publish(SiteChange.everything());
  }

  /**
   * Forgets the pages of these articles and every page that is not an article's (listings, home
   * page), here and on the other nodes; the other articles' pages stay.
   */
  void invalidateDiscussions(Set<Long> articleIds) {
    if (forgetDiscussions(articleIds)) {
      cluster.publish(SiteChange.discussions(articleIds));
    } else {
      cluster.publish(SiteChange.everything());
    }
  }

  /**
   * A change made on another node: forgotten here the same way. Observed after the site settings
   * took note of it, so that a page rendered from now on uses the new ones.
   */
  void changedElsewhere(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 100) SiteChange change) {
    if (change.isEverything()) {
      forgetEverything();
    } else {
      forgetDiscussions(change.articleIds());
    }
  }

  private void forgetEverything() {
    long change = sequence.incrementAndGet();
    everything.accumulateAndGet(change, Math::max);
    // Their marks are older than this one; newer ones (a change being marked now) stay.
    articles.values().removeIf(marked -> marked <= change);
    Cache<String, CachedPage> current = pages;
    if (current != null) {
      current.invalidateAll();
    }
  }

  /**
   * Marks these articles' pages and the listings stale on this node.
   *
   * @return {@code false} when it forgot everything instead (too many articles marked)
   */
  private boolean forgetDiscussions(Set<Long> articleIds) {
    if (articleIds.isEmpty() || articles.size() + articleIds.size() > MARKED_ARTICLES) {
      forgetEverything();
      return false;
    }
    long change = sequence.incrementAndGet();
    for (Long article : articleIds) {
      articles.merge(article, change, Math::max);
    }
    listings.accumulateAndGet(change, Math::max);
    // The stale pages stay, to be served while their next rendering runs (see stale()).
    return true;
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

  void mediaChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MediaChanged event) {
    invalidate();
  }

  void discussionChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DiscussionChanged event) {
    invalidateDiscussions(event.articleIds());
  }
}
