package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tribune.articles.api.ArticleChanged;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.MediaChanged;
import org.tribune.articles.api.PageOptions;
import org.tribune.articles.api.PagePlacementException;
import org.tribune.articles.api.SlugTakenException;

/**
 * Writes an article's content, the one way both {@link DefaultArticleService} and {@link
 * DefaultEditorialService} do it: slug rules (generated, unique, former slugs kept), rendering,
 * search index, a new {@link Revision}, and {@link ArticleChanged}. Runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class ArticleWriter {
  /** Who saved what was written outside the console (demo content, imports, tests). */
  static final String SYSTEM = "system";

  @Inject @ArticlesDatabase private EntityManager em;

  @Inject private ArticleRepository repository;
  @Inject private SearchIndex searchIndex;
  @Inject private BodyRenderer renderer;
  @Inject private Event<ArticleChanged> changed;
  @Inject private PageTree pages;

  /** Stores a new draft (an article's or a page's) and its revision 1. */
  Article create(ArticleDraft draft, String editor, Instant now) {
    String slug =
        draft.slug() != null
            ? requireFree(draft.slug(), null)
            : freeSlug(draft.title(), draft.isPage() && draft.page().parentId() == null);
    Article article = new Article(slug, content(draft, draft.isPage()), now);
    if (draft.isPage()) {
      pages.place(article, slug, draft.page());
    }
    em.persist(article);
    em.flush();
    searchIndex.index(article);
    em.persist(new Revision(article, 1, editor, now));
    changed.fire(new ArticleChanged(article.getId(), article.getRevision()));
    return article;
  }

  /** Replaces the content of an article and stores it as its next revision. */
  void revise(Article article, ArticleDraft draft, String editor, Instant now) {
    long articleId = article.getId();
    String slug = draft.slug() == null ? article.getSlug() : draft.slug();
    PageOptions page = pageOptions(article, draft);
    moveSlug(article, slug, now);
    if (page != null) {
      pages.place(article, slug, page);
    }
    article.revise(slug, content(draft, article.isPage()), now);
    searchIndex.index(article);
    em.persist(new Revision(article, lastRevision(articleId) + 1, editor, now));
    changed.fire(new ArticleChanged(articleId, article.getRevision()));
  }

  /**
   * Stores an article as another platform had it: the draft's slug (which must be free, see {@link
   * #freeSlug(String, Long)}), then its status, dates and sticky flag; revision 1 is saved by
   * {@code editor} at its last change. Fires {@link ArticleChanged}, never {@code
   * ArticlePublished}.
   */
  Article importNew(ArticleDraft draft, Imported state, String editor) {
    Article article = new Article(draft.slug(), content(draft, draft.isPage()), state.updatedAt());
    if (draft.isPage()) {
      pages.place(article, draft.slug(), draft.page());
    }
    article.takeOver(
        state.status(), state.createdAt(), state.updatedAt(), state.publishedAt(), state.sticky());
    em.persist(article);
    em.flush();
    searchIndex.index(article);
    em.persist(new Revision(article, 1, editor, state.updatedAt()));
    changed.fire(new ArticleChanged(article.getId(), article.getRevision()));
    return article;
  }

  /** Replaces an article's content, status and dates with a newer import, as its next revision. */
  void importRevision(Article article, ArticleDraft draft, Imported state, String editor) {
    long articleId = article.getId();
    PageOptions page = pageOptions(article, draft);
    moveSlug(article, draft.slug(), state.updatedAt());
    if (page != null) {
      pages.place(article, draft.slug(), page);
    }
    article.revise(draft.slug(), content(draft, article.isPage()), state.updatedAt());
    article.takeOver(
        state.status(), state.createdAt(), state.updatedAt(), state.publishedAt(), state.sticky());
    searchIndex.index(article);
    em.persist(new Revision(article, lastRevision(articleId) + 1, editor, state.updatedAt()));
    changed.fire(new ArticleChanged(articleId, article.getRevision()));
  }

  /**
   * The options a revised page takes: the draft's, or its own when the draft has none. Content
   * never changes kind.
   */
  private static PageOptions pageOptions(Article article, ArticleDraft draft) {
    if (draft.isPage() && !article.isPage()) {
      throw new PagePlacementException(
          PagePlacementException.Reason.KIND_CHANGED, "An article cannot become a page");
    }
    return draft.isPage() ? draft.page() : article.pageOptions();
  }

  /** Status, dates and sticky flag of an imported article. */
  record Imported(
      ArticleStatus status,
      Instant createdAt,
      Instant updatedAt,
      Instant publishedAt,
      boolean sticky) {}

  /** Gives the article a new slug, keeping the former one as a redirect (reclaimed if its own). */
  private void moveSlug(Article article, String slug, Instant now) {
    long articleId = article.getId();
    String former = article.getSlug();
    if (!slug.equals(former)) {
      requireFree(slug, articleId);
      FormerSlug reclaimed = em.find(FormerSlug.class, slug);
      if (reclaimed != null) {
        em.remove(reclaimed);
      }
      em.persist(new FormerSlug(former, articleId, now));
    }
  }

  /**
   * An image of the library changed (described, given a new file, deleted): the bodies (Markdown,
   * or an import's HTML) of the articles showing it are rendered again from their stored source, in
   * the change's transaction, and indexed again (captions are searched). No new revision and no
   * {@link ArticleChanged}: the source did not change, and on a forced delete the item's use rows
   * are already gone with it.
   *
   * <p>Written with an update query rather than through the entity: its version would go up, and a
   * writer who has the article open would see their next save refused as a concurrent edit.
   */
  void mediaChanged(@Observes MediaChanged event) {
    for (Long articleId : event.articleIds()) {
      Article article = em.find(Article.class, articleId);
      if (article == null) {
        continue;
      }
      BodyRenderer.Rendered rendered = renderer.render(article.getBodyFormat(), article.getBody());
      if (rendered.html().equals(article.getBodyHtml())) {
        continue;
      }
      em.createQuery(
              "UPDATE Article a SET a.bodyHtml = :html, a.wordCount = :words WHERE a.id = :id")
          .setParameter("html", rendered.html())
          .setParameter("words", rendered.wordCount())
          .setParameter("id", articleId)
          .executeUpdate();
      em.refresh(article);
      searchIndex.index(article);
    }
  }

  /** The number of the article's latest revision, 0 if it has none. */
  int lastRevision(long articleId) {
    Integer last =
        em.createQuery(
                "SELECT MAX(r.number) FROM Revision r WHERE r.articleId = :id", Integer.class)
            .setParameter("id", articleId)
            .getSingleResult();
    return last == null ? 0 : last;
  }

  /** Who saved the article's latest revision. */
  Optional<String> lastEditor(long articleId) {
    return em.createQuery(
            "SELECT r.savedBy FROM Revision r WHERE r.articleId = :id ORDER BY r.number DESC",
            String.class)
        .setParameter("id", articleId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private Article.Content content(ArticleDraft draft, boolean page) {
    List<Author> authors =
        draft.authorIds().stream().map(id -> existing(Author.class, id, "author")).toList();
    // A page has neither section nor tags, whatever a draft says.
    Section section =
        page || draft.sectionId() == null
            ? null
            : existing(Section.class, draft.sectionId(), "section");
    List<Tag> tags =
        page
            ? List.of()
            : draft.tagIds().stream().map(id -> existing(Tag.class, id, "tag")).toList();
    if (draft.leadMediaId() != null) {
      requireUsableMedia(draft.leadMediaId());
    }
    return new Article.Content(
        draft.title(),
        draft.standfirst(),
        draft.bodyFormat(),
        draft.body(),
        renderer.render(draft.bodyFormat(), draft.body()),
        authors,
        section,
        tags,
        draft.leadImageUrl(),
        draft.leadImageAlt(),
        draft.commentsOpen(),
        draft.leadMediaId(),
        page);
  }

  /** An image of the library may be shown once it has its text alternative. */
  private void requireUsableMedia(long id) {
    List<String> alt =
        em.createQuery("SELECT m.alt FROM LibraryImage m WHERE m.id = :id", String.class)
            .setParameter("id", id)
            .getResultList();
    if (alt.isEmpty()) {
      throw new IllegalArgumentException("No media item with id " + id);
    }
    if (alt.get(0).isBlank()) {
      throw new IllegalArgumentException("Media item " + id + " has no text alternative yet");
    }
  }

  private <T> T existing(Class<T> type, long id, String what) {
    T entity = em.find(type, id);
    if (entity == null) {
      throw new IllegalArgumentException("No " + what + " with id " + id);
    }
    return entity;
  }

  private String requireFree(String slug, Long articleId) {
    if (repository.slugTaken(slug, articleId)) {
      throw new SlugTakenException(slug);
    }
    return slug;
  }

  /**
   * A slug made from a title; a page at the root also leaves out the addresses the site answers.
   */
  private String freeSlug(String title, boolean rootPage) {
    String base = Slugs.of(title);
    for (int n = 1; ; n++) {
      String candidate = Slugs.numbered(base, n);
      if (!repository.slugTaken(candidate, null) && !(rootPage && pages.isReserved(candidate))) {
        return candidate;
      }
    }
  }

  /**
   * {@code base}, or {@code base-2}, {@code base-3}… the first that no other article has or had;
   * the article's own current and former slugs count as free.
   */
  String freeSlug(String base, Long exceptArticleId) {
    return freeSlug(base, exceptArticleId, false);
  }

  /** The same, and for a page at the root ({@code rootPage}) never an address the site answers. */
  String freeSlug(String base, Long exceptArticleId, boolean rootPage) {
    for (int n = 1; ; n++) {
      String candidate = Slugs.numbered(base, n);
      if (!repository.slugTaken(candidate, exceptArticleId)
          && !(rootPage && pages.isReserved(candidate))) {
        return candidate;
      }
    }
  }
}
