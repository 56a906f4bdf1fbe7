package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.tribune.articles.api.ArticleChanged;
import org.tribune.articles.api.ArticleContent;
import org.tribune.articles.api.ArticleDeleted;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleNotFoundException;
import org.tribune.articles.api.ArticlePublished;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.ArticleView;
import org.tribune.articles.api.Page;
import org.tribune.articles.api.PageRef;
import org.tribune.articles.api.SearchTerms;
import org.tribune.articles.api.SitemapEntry;

/** The JPA-backed {@link ArticleService}. */
@ApplicationScoped
@Transactional
@ValidateOnExecution
public class DefaultArticleService implements ArticleService {

  @Inject @ArticlesDatabase private EntityManager em;

  @Inject private ArticleRepository repository;
  @Inject private SearchIndex searchIndex;
  @Inject private ArticleWriter writer;
  @Inject private PageTree pageTree;
  @Inject private Event<ArticleDeleted> deleted;
  @Inject private Event<ArticlePublished> published;
  @Inject private Event<ArticleChanged> changed;

  private final Clock clock = Clock.systemUTC();

  @Override
  public long create(ArticleDraft draft) {
    return writer.create(draft, ArticleWriter.SYSTEM, clock.instant()).getId();
  }

  @Override
  public void update(long articleId, ArticleDraft draft) {
    writer.revise(load(articleId), draft, ArticleWriter.SYSTEM, clock.instant());
  }

  @Override
  public void publish(long articleId, Instant at) {
    Instant now = clock.instant();
    Article article = load(articleId);
    boolean wasReadable = article.isReadable(now);
    article.publish(at, now);
    searchIndex.relist(article);
    if (!wasReadable && article.isReadable(now)) {
      published.fire(new ArticlePublished(articleId));
    }
    changed.fire(new ArticleChanged(articleId, article.getRevision()));
  }

  @Override
  public void archive(long articleId) {
    Article article = load(articleId);
    article.archive(clock.instant());
    searchIndex.relist(article);
    changed.fire(new ArticleChanged(articleId, article.getRevision()));
  }

  @Override
  public void unpublish(long articleId) {
    Article article = load(articleId);
    article.unpublish(clock.instant());
    searchIndex.relist(article);
    changed.fire(new ArticleChanged(articleId, article.getRevision()));
  }

  @Override
  public void delete(long articleId) {
    Article article = load(articleId);
    if (article.isPage()) {
      pageTree.requireNoChildren(article);
    }
    deleted.fire(new ArticleDeleted(articleId));
    em.remove(article);
  }

  @Override
  public Optional<ArticleSummary> find(long articleId) {
    return Optional.ofNullable(em.find(Article.class, articleId)).map(Article::toSummary);
  }

  @Override
  public Optional<ArticleView> findReadable(String slug) {
    Instant now = clock.instant();
    return repository.findBySlug(slug).filter(a -> a.isReadable(now)).map(a -> view(a, now));
  }

  @Override
  public Optional<ArticleView> findReadablePage(String path) {
    Instant now = clock.instant();
    return repository.findPage(path).filter(a -> a.isReadable(now)).map(a -> view(a, now));
  }

  @Override
  public Optional<String> currentPagePath(String path) {
    Instant now = clock.instant();
    String last = path.substring(path.lastIndexOf('/') + 1);
    Optional<Article> page = repository.findBySlug(last);
    if (page.isEmpty()) {
      page =
          Optional.ofNullable(em.find(FormerSlug.class, last))
              .map(f -> em.find(Article.class, f.getArticleId()));
    }
    return page.filter(Article::isPage)
        .filter(a -> a.isReadable(now))
        .map(Article::getPagePath)
        .filter(current -> !current.equals(path));
  }

  @Override
  public List<PageRef> pages() {
    return pageTree.pages(clock.instant());
  }

  /** The readable article or page as its page shows it; a page has no neighbours. */
  private ArticleView view(Article a, Instant now) {
    boolean page = a.isPage();
    return new ArticleView(
        a.toSummary(),
        a.getBodyHtml(),
        a.sectionParent(),
        a.tagRefs(),
        BodyRenderer.readingMinutes(a.getWordCount()),
        a.getRevision(),
        page ? null : repository.neighbour(a, true, now).map(Article::toSummary).orElse(null),
        page ? null : repository.neighbour(a, false, now).map(Article::toSummary).orElse(null),
        a.pageOptions(),
        page ? PageTree.parents(a, now) : List.of());
  }

  @Override
  public Optional<ArticleSummary> findReadableSummary(String slug) {
    Instant now = clock.instant();
    return repository.findBySlug(slug).filter(a -> a.isReadable(now)).map(Article::toSummary);
  }

  @Override
  public Optional<String> currentSlug(String formerSlug) {
    Instant now = clock.instant();
    return Optional.ofNullable(em.find(FormerSlug.class, formerSlug))
        .map(f -> em.find(Article.class, f.getArticleId()))
        .filter(a -> a.isReadable(now))
        .map(Article::getSlug);
  }

  /**
   * The listed sticky articles first (newest first among them), then the others. Every page reads
   * the sticky ones, to know where the others start on it: one small statement, the same on each
   * page.
   */
  @Override
  public Page<ArticleSummary> latest(int page, int size) {
    Instant now = clock.instant();
    List<Article> sticky = repository.listedSticky(now);
    int offset = Page.offset(page, size);
    List<Article> stickyHere =
        sticky.subList(Math.min(offset, sticky.size()), Math.min(offset + size, sticky.size()));
    ArticleRepository.Slice others =
        repository.listedNotSticky(
            now, Math.max(0, offset - sticky.size()), size - stickyHere.size());
    List<ArticleSummary> items = new ArrayList<>(size);
    stickyHere.forEach(a -> items.add(a.toSummary()));
    others.items().forEach(a -> items.add(a.toSummary()));
    return new Page<>(items, page, size, others.total() + sticky.size());
  }

  @Override
  public Page<ArticleSummary> inSection(long sectionId, int page, int size) {
    List<Long> ids = sectionAndChildren(sectionId);
    return page(
        page, size, offset -> repository.listedInSections(ids, clock.instant(), offset, size));
  }

  private List<Long> sectionAndChildren(long sectionId) {
    List<Long> ids = new ArrayList<>(List.of(sectionId));
    em.createQuery("SELECT s.id FROM ArticleSection s WHERE s.parent.id = :id", Long.class)
        .setParameter("id", sectionId)
        .getResultList()
        .forEach(ids::add);
    return ids;
  }

  @Override
  public Page<ArticleSummary> withTag(long tagId, int page, int size) {
    return page(
        page, size, offset -> repository.listedWithTag(tagId, clock.instant(), offset, size));
  }

  @Override
  public Page<ArticleSummary> byAuthor(long authorId, int page, int size) {
    return page(
        page, size, offset -> repository.listedByAuthor(authorId, clock.instant(), offset, size));
  }

  @Override
  public Page<ArticleSummary> publishedBetween(Instant from, Instant to, int page, int size) {
    return page(
        page, size, offset -> repository.readableBetween(from, to, clock.instant(), offset, size));
  }

  private static Page<ArticleSummary> page(
      int number, int size, Function<Integer, ArticleRepository.Slice> query) {
    ArticleRepository.Slice slice = query.apply(Page.offset(number, size));
    return new Page<>(
        slice.items().stream().map(Article::toSummary).toList(), number, size, slice.total());
  }

  @Override
  public Page<ArticleSummary> search(String query, int page, int size) {
    SearchIndex.Hits hits =
        searchIndex.search(
            SearchTerms.ofQuery(query), clock.instant(), Page.offset(page, size), size);
    Map<Long, Article> found = new HashMap<>();
    repository.byIds(hits.ids()).forEach(a -> found.put(a.getId(), a));
    List<ArticleSummary> ranked =
        hits.ids().stream()
            .map(found::get)
            .filter(Objects::nonNull)
            .map(Article::toSummary)
            .toList();
    return new Page<>(ranked, page, size, hits.total());
  }

  @Override
  public List<ArticleContent> feed(Long sectionId, int limit) {
    Instant now = clock.instant();
    List<Long> sections = sectionId == null ? null : sectionAndChildren(sectionId);
    return repository.feed(sections, now, limit).stream()
        .map(a -> new ArticleContent(a.toSummary(), a.getBodyHtml(), a.tagRefs()))
        .toList();
  }

  @Override
  public List<SitemapEntry> sitemap() {
    return repository.sitemap(clock.instant());
  }

  @Override
  public boolean acceptsComments(long articleId) {
    Article article = em.find(Article.class, articleId);
    return article != null && article.isReadable(clock.instant()) && article.isCommentsOpen();
  }

  @Override
  public boolean isReadable(long articleId) {
    Article article = em.find(Article.class, articleId);
    return article != null && article.isReadable(clock.instant());
  }

  @Override
  public Set<Long> readable(Collection<Long> articleIds) {
    return articleIds.isEmpty() ? Set.of() : repository.readableAmong(articleIds, clock.instant());
  }

  @Override
  public Map<Long, ArticleSummary> readableSummaries(Collection<Long> articleIds) {
    Instant now = clock.instant();
    Map<Long, ArticleSummary> found = new HashMap<>();
    repository.byIds(List.copyOf(new LinkedHashSet<>(articleIds))).stream()
        .filter(a -> a.isReadable(now))
        .forEach(a -> found.put(a.getId(), a.toSummary()));
    return found;
  }

  @Override
  public int publishDueArticles() {
    int count = 0;
    for (long id : repository.dueScheduled(clock.instant())) {
      if (repository.markPublished(id) == 1) {
        published.fire(new ArticlePublished(id));
        count++;
      }
    }
    return count;
  }

  @Override
  public long count() {
    return repository.count();
  }

  private Article load(long articleId) {
    Article article = em.find(Article.class, articleId);
    if (article == null) {
      throw new ArticleNotFoundException(articleId);
    }
    return article;
  }
}
