package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tribune.articles.api.ArticleChanged;
import org.tribune.articles.api.ArticleDeleted;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleEdit;
import org.tribune.articles.api.ArticleFilter;
import org.tribune.articles.api.ArticleNotFoundException;
import org.tribune.articles.api.ArticleOrder;
import org.tribune.articles.api.ArticleRow;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.ConcurrentEditException;
import org.tribune.articles.api.DiffLine;
import org.tribune.articles.api.EditorialService;
import org.tribune.articles.api.Page;
import org.tribune.articles.api.RevisionContent;
import org.tribune.articles.api.RevisionInfo;
import org.tribune.articles.api.TagRef;

/**
 * The JPA-backed {@link EditorialService}. Changes based on a version take the article's row lock
 * first ({@code SELECT … FOR UPDATE}), then compare versions: of two saves based on the same
 * version, the second waits for the first to commit, then sees the new version and is refused.
 */
@ApplicationScoped
@Transactional
@ValidateOnExecution
public class DefaultEditorialService implements EditorialService {

  @Inject @ArticlesDatabase private EntityManager em;

  @Inject private ArticleWriter writer;
  @Inject private PageTree pageTree;
  @Inject private EditorialQueries queries;
  @Inject private SearchIndex searchIndex;
  @Inject private BodyRenderer renderer;
  @Inject private Event<ArticleDeleted> deleted;
  @Inject private Event<ArticleChanged> changed;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Page<ArticleRow> list(ArticleFilter filter, ArticleOrder order, int page, int size) {
    return queries.list(filter, order, page, size);
  }

  @Override
  public Map<ArticleStatus, Long> countByStatus(boolean pages) {
    return queries.countByStatus(pages);
  }

  @Override
  public Optional<ArticleEdit> forEditing(long articleId) {
    return Optional.ofNullable(em.find(Article.class, articleId))
        .map(
            a ->
                new ArticleEdit(
                    a.getId(),
                    a.toDraft(),
                    a.getStatus(),
                    a.getPublishedAt(),
                    a.getUpdatedAt(),
                    a.getVersion(),
                    queries.formerSlugs(articleId),
                    a.getPagePath()));
  }

  @Override
  public long create(ArticleDraft draft, String editor) {
    return writer.create(draft, editor, clock.instant()).getId();
  }

  @Override
  public long save(long articleId, long expectedVersion, ArticleDraft draft, String editor) {
    Article article = lockAt(articleId, expectedVersion);
    writer.revise(article, draft, editor, clock.instant());
    em.flush();
    return article.getVersion();
  }

  @Override
  public void submit(long articleId, long expectedVersion) {
    Article article = lockAt(articleId, expectedVersion);
    article.submit(clock.instant());
    changed.fire(new ArticleChanged(articleId, article.getRevision()));
  }

  @Override
  public void trash(long articleId) {
    Article article = load(articleId);
    article.trash(clock.instant());
    searchIndex.relist(article);
    changed.fire(new ArticleChanged(articleId, article.getRevision()));
  }

  @Override
  public void restore(long articleId) {
    Article article = load(articleId);
    article.restore(clock.instant());
    searchIndex.relist(article);
    changed.fire(new ArticleChanged(articleId, article.getRevision()));
  }

  @Override
  public void deleteForGood(long articleId) {
    Article article = load(articleId);
    if (article.getStatus() != ArticleStatus.TRASHED) {
      throw new IllegalStateException("Only an article in the bin can be deleted for good");
    }
    if (article.isPage()) {
      pageTree.requireNoChildren(article);
    }
    deleted.fire(new ArticleDeleted(articleId));
    em.remove(article);
  }

  @Override
  public List<RevisionInfo> revisions(long articleId) {
    return em.createQuery(
            "SELECT r FROM Revision r WHERE r.articleId = :id ORDER BY r.number DESC",
            Revision.class)
        .setParameter("id", articleId)
        .getResultStream()
        .map(Revision::toInfo)
        .toList();
  }

  @Override
  public Optional<RevisionContent> revision(long articleId, int number) {
    return Optional.ofNullable(em.find(Revision.class, new Revision.Key(articleId, number)))
        .map(Revision::toContent);
  }

  @Override
  public List<DiffLine> diff(long articleId, int fromNumber, int toNumber) {
    return RevisionDiff.between(
        existingRevision(articleId, fromNumber).toDraft(),
        existingRevision(articleId, toNumber).toDraft());
  }

  @Override
  public long restoreRevision(long articleId, int number, long expectedVersion, String editor) {
    // A revision holds the content, not a page's place: the page keeps where it is now.
    ArticleDraft draft = stillValid(existingRevision(articleId, number).toDraft());
    return save(articleId, expectedVersion, draft, editor);
  }

  @Override
  public String preview(BodyFormat format, String body) {
    return renderer.render(format, body == null ? "" : body).html();
  }

  @Override
  public List<TagRef> suggestTags(String prefix, int limit) {
    String folded = Slugs.fold(prefix);
    String lower = prefix.strip().toLowerCase(Locale.ROOT);
    if (lower.isEmpty()) {
      return List.of();
    }
    // Slugs are names folded (accents, case): a typed prefix folded the same way finds "Mobilité"
    // from "mobi" or "MOBILITE" on both databases, with no accent function in SQL. The name
    // catches a tag renamed without changing its slug.
    String condition =
        folded.isEmpty()
            ? "LOWER(t.name) LIKE :name" + Likes.ESCAPE
            : "(t.slug LIKE :slug"
                + Likes.ESCAPE
                + " OR LOWER(t.name) LIKE :name"
                + Likes.ESCAPE
                + ")";
    TypedQuery<Tag> query =
        em.createQuery(
                "SELECT t FROM ArticleTag t WHERE " + condition + " ORDER BY t.name, t.id",
                Tag.class)
            .setParameter("name", Likes.startingWith(lower));
    if (!folded.isEmpty()) {
      query.setParameter("slug", Likes.startingWith(folded));
    }
    return FrenchOrder.sorted(query.setMaxResults(limit).getResultList(), Tag::getName, Tag::getId)
        .stream()
        .map(Tag::toRef)
        .toList();
  }

  /** Locks the article's row, then refuses the change if someone saved since the caller read. */
  private Article lockAt(long articleId, long expectedVersion) {
    Article article = em.find(Article.class, articleId, LockModeType.PESSIMISTIC_WRITE);
    if (article == null) {
      throw new ArticleNotFoundException(articleId);
    }
    if (article.getVersion() != expectedVersion) {
      throw new ConcurrentEditException(
          articleId,
          expectedVersion,
          article.getVersion(),
          writer.lastEditor(articleId).orElse(null));
    }
    return article;
  }

  private Article load(long articleId) {
    Article article = em.find(Article.class, articleId);
    if (article == null) {
      throw new ArticleNotFoundException(articleId);
    }
    return article;
  }

  private Revision existingRevision(long articleId, int number) {
    Revision revision = em.find(Revision.class, new Revision.Key(articleId, number));
    if (revision == null) {
      throw new IllegalArgumentException("Article " + articleId + " has no revision " + number);
    }
    return revision;
  }

  /** A revision's draft without the authors, tags and section deleted since it was saved. */
  private ArticleDraft stillValid(ArticleDraft draft) {
    List<Long> authors =
        draft.authorIds().stream().filter(id -> em.find(Author.class, id) != null).toList();
    if (authors.isEmpty() && !draft.authorIds().isEmpty()) {
      throw new IllegalArgumentException("None of the revision's authors exists any more");
    }
    List<Long> tags = draft.tagIds().stream().filter(id -> em.find(Tag.class, id) != null).toList();
    Long section =
        draft.sectionId() != null && em.find(Section.class, draft.sectionId()) != null
            ? draft.sectionId()
            : null;
    return new ArticleDraft(
        draft.title(),
        draft.slug(),
        draft.standfirst(),
        draft.bodyFormat(),
        draft.body(),
        authors,
        section,
        tags,
        draft.leadImageUrl(),
        draft.leadImageAlt(),
        draft.commentsOpen(),
        draft.leadMediaId() != null && mediaExists(draft.leadMediaId())
            ? draft.leadMediaId()
            : null);
  }

  /** Whether the library still has the image (a revision outlives what it showed). */
  private boolean mediaExists(long id) {
    return em.createQuery("SELECT COUNT(m) FROM LibraryImage m WHERE m.id = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult()
        > 0;
  }
}
