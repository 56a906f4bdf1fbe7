package org.tribune.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.DiscussionChanged;
import org.tribune.web.cluster.ClusterChanges;
import org.tribune.web.cluster.SiteChange;

/** What each kind of change makes stale, and pages rendered while a change commits. */
class PageCacheTest {
  private static final long A = 11;
  private static final long B = 12;

  private PageCache cache;

  @BeforeEach
  void open() {
    cache = new PageCache();
    cache.cluster = new ClusterChanges();
    cache.seconds = 60;
    cache.megabytes = 4;
    cache.staleMillis = 60_000;
    cache.open();
  }

  private static CachedPage page(String text, Long scope, long version) {
    CachedPage.Builder about = new CachedPage.Builder();
    about.contentType = "text/html;charset=UTF-8";
    about.scope = scope;
    about.version = version;
    return CachedPage.of(
        ("<!DOCTYPE html><p>" + text + "</p>").getBytes(StandardCharsets.UTF_8), about);
  }

  /** The home page, article A's page and article B's page, rendered now and kept. */
  private void keepThree() {
    long now = cache.version();
    cache.put("/", page("home", null, now));
    cache.put("/articles/a", page("a", A, now));
    cache.put("/articles/b", page("b", B, now));
    assertNotNull(cache.get("/"));
    assertNotNull(cache.get("/articles/a"));
    assertNotNull(cache.get("/articles/b"));
  }

  @Test
  void aDiscussionChangeLeavesTheOtherArticlesPagesKept() {
    keepThree();
    cache.discussionChanged(DiscussionChanged.of(A));
    assertNull(cache.get("/articles/a"), "the changed discussion's article");
    assertNull(cache.get("/"), "listings show comment counts and the latest comments");
    assertNotNull(cache.get("/articles/b"), "another article's page");
  }

  @Test
  void aChangeThatMayConcernAnyDiscussionForgetsEverything() {
    keepThree();
    cache.discussionChanged(DiscussionChanged.anywhere());
    assertNull(cache.get("/"));
    assertNull(cache.get("/articles/a"));
    assertNull(cache.get("/articles/b"));
  }

  @Test
  void anyOtherChangeForgetsEverything() {
    keepThree();
    cache.invalidate();
    assertNull(cache.get("/"));
    assertNull(cache.get("/articles/a"));
    assertNull(cache.get("/articles/b"));
  }

  @Test
  void aPageRenderedWhileItsArticlesDiscussionChangedIsKeptStaleTheNextRequestRendersAgain() {
    long renderingBegan = cache.version();
    cache.discussionChanged(new DiscussionChanged(Set.of(A)));
    cache.put("/articles/a", page("a before the comment", A, renderingBegan));
    cache.put("/", page("home before the comment", null, renderingBegan));
    cache.put("/articles/b", page("b", B, renderingBegan));
    assertNull(cache.get("/articles/a"), "not current: the next request renders it again");
    assertNull(cache.get("/"));
    assertNotNull(cache.get("/articles/b"), "B's page shows nothing of A's discussion");
    assertNotNull(cache.stale("/articles/a"), "served while the next one renders");
    assertNotNull(cache.stale("/"));

    long after = cache.version();
    cache.put("/articles/a", page("a with the comment", A, after));
    assertNotNull(cache.get("/articles/a"), "rendered after the change");
    cache.put("/articles/a", page("a, a slow rendering begun before", A, renderingBegan));
    assertEquals(
        after, cache.get("/articles/a").version(), "an older page never replaces a newer one");
  }

  @Test
  void aPageStaleByADiscussionChangeIsServedOnlyWhileItsRenderingBeganLessThanTheBoundAgo() {
    keepThree();
    cache.discussionChanged(DiscussionChanged.of(A));
    assertNotNull(cache.stale("/articles/a"));
    cache.staleMillis = 0;
    assertNull(cache.stale("/articles/a"), "rendered longer ago than the bound");
    assertNotNull(cache.stale("/articles/b"), "a current page is served whatever its age");
  }

  @Test
  void aPageStaleByAChangeToEverythingIsNeverServed() {
    long renderingBegan = cache.version();
    keepThree();
    cache.invalidate();
    assertNull(cache.stale("/articles/a"));
    assertNull(cache.stale("/"));
    cache.put("/articles/b", page("b, begun before the change", B, renderingBegan));
    assertNull(cache.stale("/articles/b"), "not kept");
  }

  @Test
  void aPageRenderedBeforeAChangeToEverythingIsNotKeptEvenIfItsArticleWasMarkedLater() {
    long renderingBegan = cache.version();
    cache.invalidate();
    cache.discussionChanged(DiscussionChanged.of(A));
    cache.put("/articles/b", page("b", B, renderingBegan));
    assertNull(cache.get("/articles/b"));
    long now = cache.version();
    cache.put("/articles/b", page("b", B, now));
    assertNotNull(cache.get("/articles/b"));
  }

  @Test
  void oneRequestRendersAMissingPageTheOthersWaitForIt() throws Exception {
    CompletableFuture<CachedPage> first = new CompletableFuture<>();
    assertNull(cache.rendering("/articles/a", first), "the first renders");
    CompletableFuture<CachedPage> second = new CompletableFuture<>();
    CompletableFuture<CachedPage> awaited = cache.rendering("/articles/a", second);
    assertSame(first, awaited, "the second waits for the first");
    assertNull(cache.rendering("/articles/b", new CompletableFuture<>()), "another page");

    CachedPage page = page("a", A, cache.version());
    cache.rendered("/articles/a", first, page);
    assertSame(page, awaited.get(1, TimeUnit.SECONDS));
    assertNull(
        cache.rendering("/articles/a", new CompletableFuture<>()), "done: a new one renders");
  }

  @Test
  void keptPagesOfAnArticleStayUntilItsNextChange() {
    cache.discussionChanged(DiscussionChanged.of(A));
    keepThree();
    cache.discussionChanged(DiscussionChanged.of(B));
    assertNotNull(cache.get("/articles/a"), "A's mark is older than its page");
    assertNull(cache.get("/articles/b"));
  }

  @Test
  void aChangeMadeOnAnotherNodeForgetsTheSamePagesHere() {
    keepThree();
    cache.changedElsewhere(SiteChange.discussions(Set.of(A)));
    assertNull(cache.get("/articles/a"), "the discussion changed on the other node");
    assertNull(cache.get("/"), "listings");
    assertNotNull(cache.get("/articles/b"), "another article's page");

    long before = cache.version();
    CachedPage renderedMeanwhile = page("b, rendered before the next change arrived", B, before);
    cache.changedElsewhere(SiteChange.everything());
    cache.put("/articles/b", renderedMeanwhile);
    assertNull(cache.get("/articles/b"), "a page begun before the change arrived is not kept");
  }

  @Test
  void eachChangeHereIsToldToTheOtherNodesAndNothingReceivedIsSentBack() {
    List<SiteChange> sent = new ArrayList<>();
    cache.cluster =
        new ClusterChanges() {
          @Override
          public void publish(SiteChange change) {
            sent.add(change);
          }
        };
    cache.discussionChanged(DiscussionChanged.of(A));
    cache.invalidate();
    cache.changedElsewhere(SiteChange.discussions(Set.of(B)));
    cache.changedElsewhere(SiteChange.everything());
    assertEquals(List.of(SiteChange.discussions(Set.of(A)), SiteChange.everything()), sent);
  }
}
