package org.tribune.articles.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleKey;
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleTransferService;
import org.tribune.articles.api.ExportedArticle;
import org.tribune.articles.api.ExportedAuthor;
import org.tribune.articles.api.ExportedSection;
import org.tribune.articles.api.FormerAddress;
import org.tribune.articles.api.ImportedArticle;
import org.tribune.articles.api.ImportedAuthor;
import org.tribune.articles.api.ImportedSection;
import org.tribune.articles.api.PageOptions;
import org.tribune.articles.api.RevisionContent;

/**
 * The JPA-backed {@link ArticleTransferService}. Articles are written by {@link ArticleWriter}, as
 * the console's are (rendering and sanitising, search index, revision, {@code ArticleChanged}),
 * then take the status and dates of the source. Slug wishes go through {@link Slugs#ofWish}.
 *
 * <p>A scheduled article whose instant has already passed is written as published: the scheduled
 * publishing job would otherwise mark it so within seconds and announce it ({@code
 * ArticlePublished}), and an imported article is not news.
 */
@ApplicationScoped
@Transactional
@ValidateOnExecution
public class DefaultArticleTransferService implements ArticleTransferService {
  private static final Pattern HTTP_URL = Pattern.compile("^https?://\\S+$");

  @Inject @ArticlesDatabase private EntityManager em;
  @Inject private ArticleWriter writer;
  @Inject private ListingSlugs slugs;

  @Resource(lookup = "java:app/jdbc/tribune")
  private DataSource dataSource;

  private final Clock clock = Clock.systemUTC();

  @Override
  public long importSection(ImportedSection section) {
    String slug = Slugs.ofWish(section.slug());
    if (slug.isEmpty()) {
      slug = Slugs.folded(section.name());
    }
    Optional<Long> existing =
        slug.isEmpty()
            ? byName("ArticleSection", section.name())
            : bySlug(FormerListingSlug.Kind.SECTION, Section.FIND_BY_SLUG, Section.class, slug)
                .map(Section::getId);
    if (existing.isPresent()) {
      return existing.get();
    }
    Section parent = null;
    if (section.parentId() != null) {
      parent = em.find(Section.class, section.parentId());
      if (parent == null) {
        throw new IllegalArgumentException("No section with id " + section.parentId());
      }
      // Sections nest one level: a category deeper in the source goes under its top section.
      if (parent.getParent() != null) {
        parent = parent.getParent();
      }
    }
    int position = em.createNamedQuery(Section.NEXT_POSITION, Integer.class).getSingleResult();
    Section created =
        new Section(
            slug.isEmpty()
                ? slugs.freeFrom(FormerListingSlug.Kind.SECTION, "ArticleSection", "section", null)
                : slug,
            section.name(),
            section.description(),
            parent,
            position);
    em.persist(created);
    em.flush();
    return created.getId();
  }

  @Override
  public long importTag(String slug, String name, String description) {
    String wished = Slugs.ofWish(slug);
    if (!wished.isEmpty()) {
      Optional<Tag> bySlug =
          bySlug(FormerListingSlug.Kind.TAG, Tag.FIND_BY_SLUG, Tag.class, wished);
      if (bySlug.isPresent()) {
        return bySlug.get().getId();
      }
    }
    Optional<Long> byName = byName("ArticleTag", name);
    if (byName.isPresent()) {
      return byName.get();
    }
    String fromName = Slugs.folded(name);
    if (wished.isEmpty() && !fromName.isEmpty()) {
      // No usable slug: the name's, as TagService.findOrCreate makes it ("Mobilité", "mobilite").
      Optional<Tag> same =
          bySlug(FormerListingSlug.Kind.TAG, Tag.FIND_BY_SLUG, Tag.class, fromName);
      if (same.isPresent()) {
        return same.get().getId();
      }
    }
    String free =
        !wished.isEmpty()
            ? wished
            : slugs.freeFrom(
                FormerListingSlug.Kind.TAG,
                "ArticleTag",
                fromName.isEmpty() ? "tag" : fromName,
                null);
    Tag tag = new Tag(free, name, description);
    em.persist(tag);
    em.flush();
    return tag.getId();
  }

  @Override
  public long importAuthor(ImportedAuthor author) {
    String email = Author.normalizeEmail(author.email());
    if (email != null) {
      Optional<Author> byEmail =
          em.createQuery("SELECT a FROM ArticleAuthor a WHERE a.email = :email", Author.class)
              .setParameter("email", email)
              .getResultStream()
              .findFirst();
      if (byEmail.isPresent()) {
        return byEmail.get().getId();
      }
    }
    String loginSlug = Slugs.folded(author.login());
    String nameSlug = Slugs.folded(author.displayName());
    Optional<Author> match;
    if (!loginSlug.isEmpty()) {
      match = bySlug(FormerListingSlug.Kind.AUTHOR, Author.FIND_BY_SLUG, Author.class, loginSlug);
    } else if (!nameSlug.isEmpty()) {
      match = bySlug(FormerListingSlug.Kind.AUTHOR, Author.FIND_BY_SLUG, Author.class, nameSlug);
    } else {
      match = byName("ArticleAuthor", author.displayName()).map(id -> em.find(Author.class, id));
    }
    if (match.isPresent()) {
      Author found = match.get();
      if (email != null && found.getEmail() == null) {
        found.recordEmail(email);
      }
      return found.getId();
    }
    String slug =
        !loginSlug.isEmpty()
            ? loginSlug
            : slugs.freeFrom(
                FormerListingSlug.Kind.AUTHOR,
                "ArticleAuthor",
                nameSlug.isEmpty() ? "author" : nameSlug,
                null);
    Author created = new Author(slug, author.displayName(), author.bio());
    created.recordEmail(email);
    em.persist(created);
    em.flush();
    return created.getId();
  }

  @Override
  public ArticleKey create(ImportedArticle article) {
    ArticleWriter.Imported state = state(article);
    String slug =
        writer.freeSlug(
            Slugs.ofWish(article.slug(), article.title(), "article"), null, atRoot(article));
    ArticleDraft draft = draft(article, slug);
    return key(
        writer.importNew(
            article.isPage() ? draft.asPage(article.page()) : draft, state, article.importedBy()));
  }

  /** Whether an import is a page at the root, whose slug must not be an address of the site. */
  private static boolean atRoot(ImportedArticle article) {
    return article.isPage() && article.page().parentId() == null;
  }

  @Override
  public Optional<ArticleKey> update(
      long articleId, int expectedRevision, ImportedArticle article) {
    Article existing = em.find(Article.class, articleId, LockModeType.PESSIMISTIC_WRITE);
    if (existing == null || existing.getRevision() != expectedRevision) {
      return Optional.empty();
    }
    ArticleWriter.Imported state = state(article);
    // An import keeps the kind of what it updates: a page stays a page (under the parent the
    // import names, else where it is), an article an article.
    PageOptions page =
        !existing.isPage() ? null : article.isPage() ? article.page() : existing.pageOptions();
    String slug =
        writer.freeSlug(
            Slugs.ofWish(article.slug(), article.title(), "article"),
            articleId,
            page != null && page.parentId() == null);
    ArticleDraft draft = draft(article, slug);
    writer.importRevision(
        existing, page == null ? draft : draft.asPage(page), state, article.importedBy());
    em.flush();
    return Optional.of(key(existing));
  }

  @Override
  public Optional<ArticleKey> key(long articleId) {
    return Optional.ofNullable(em.find(Article.class, articleId)).map(this::key);
  }

  @Override
  public List<ExportedSection> sections() {
    List<Section> all = em.createNamedQuery(Section.FIND_ALL, Section.class).getResultList();
    return Stream.concat(
            all.stream().filter(s -> s.getParent() == null),
            all.stream().filter(s -> s.getParent() != null))
        .map(
            s ->
                new ExportedSection(
                    s.getId(),
                    s.getSlug(),
                    s.getName(),
                    s.getDescription(),
                    s.getParent() == null ? null : s.getParent().getId(),
                    s.getPosition()))
        .toList();
  }

  @Override
  public List<org.tribune.articles.api.Tag> tags() {
    return em.createQuery("SELECT t FROM ArticleTag t ORDER BY t.slug", Tag.class)
        .getResultStream()
        .map(Tag::toRecord)
        .toList();
  }

  @Override
  public List<ExportedAuthor> authors() {
    return em.createQuery("SELECT a FROM ArticleAuthor a ORDER BY a.slug", Author.class)
        .getResultStream()
        .map(a -> new ExportedAuthor(a.getId(), a.getSlug(), a.getName(), a.getBio(), a.getEmail()))
        .toList();
  }

  @Override
  public List<Long> articleIds() {
    return em.createQuery("SELECT a.id FROM Article a ORDER BY a.createdAt, a.id", Long.class)
        .getResultList();
  }

  /**
   * Five statements whatever the number of articles: the articles, their authors, their tags (one
   * batch each), their revisions and their former slugs; sections come from the shared cache.
   */
  @Override
  public List<ExportedArticle> export(List<Long> articleIds) {
    List<Long> ids = List.copyOf(new LinkedHashSet<>(articleIds));
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Article> articles = new HashMap<>();
    em.createQuery("SELECT a FROM Article a WHERE a.id IN :ids", Article.class)
        .setParameter("ids", ids)
        .setHint("eclipselink.batch.type", "IN")
        .setHint("eclipselink.batch", "a.authors")
        .setHint("eclipselink.batch", "a.tags")
        .getResultList()
        .forEach(a -> articles.put(a.getId(), a));
    Map<Long, List<RevisionContent>> revisions = new HashMap<>();
    em.createQuery(
            "SELECT r FROM Revision r WHERE r.articleId IN :ids ORDER BY r.articleId, r.number",
            Revision.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(
            r ->
                revisions
                    .computeIfAbsent(r.getArticleId(), id -> new ArrayList<>())
                    .add(r.toContent()));
    Map<Long, List<String>> formerSlugs = new HashMap<>();
    em.createQuery(
            "SELECT f FROM FormerSlug f WHERE f.articleId IN :ids ORDER BY f.replacedAt, f.slug",
            FormerSlug.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(
            f ->
                formerSlugs
                    .computeIfAbsent(f.getArticleId(), id -> new ArrayList<>())
                    .add(f.getSlug()));
    List<ExportedArticle> exported = new ArrayList<>();
    for (Long id : ids) {
      Article a = articles.get(id);
      if (a == null) {
        continue;
      }
      ArticleDraft draft = a.toDraft();
      exported.add(
          new ExportedArticle(
              a.getId(),
              a.getSlug(),
              a.getTitle(),
              a.getStandfirst(),
              a.getBodyFormat(),
              a.getBody(),
              a.getBodyHtml(),
              a.getStatus(),
              draft.sectionId(),
              draft.authorIds(),
              draft.tagIds(),
              a.getLeadImageUrl(),
              a.getLeadImageAlt(),
              a.getLeadMediaId(),
              a.isCommentsOpen(),
              a.isSticky(),
              a.getCreatedAt(),
              a.getUpdatedAt(),
              a.getPublishedAt(),
              a.getRevision(),
              formerSlugs.getOrDefault(id, List.of()),
              revisions.getOrDefault(id, List.of()),
              a.getPagePath(),
              a.pageOptions()));
    }
    return exported;
  }

  /**
   * Read as rows ({@link ArticleTables}, as a restore writes them back) and sorted in Java: the
   * same order on H2 and PostgreSQL, whatever the database's collation of slugs.
   */
  @Override
  public List<FormerAddress> formerAddresses() {
    return rows("former addresses", ArticleTables::formerAddresses);
  }

  @Override
  public Map<String, String> settings() {
    return rows("settings", ArticleTables::settings);
  }

  /** A read on the data source's connection, the transaction's. */
  private <T> T rows(String what, Rows<T> read) {
    try (Connection connection = dataSource.getConnection()) {
      return read.from(new ArticleTables(connection));
    } catch (SQLException e) {
      throw new PersistenceException("Export of the articles' " + what + " failed", e);
    }
  }

  /** What is read from the module's tables. */
  @FunctionalInterface
  private interface Rows<T> {
    T from(ArticleTables tables) throws SQLException;
  }

  private ArticleKey key(Article article) {
    return new ArticleKey(
        article.getId(),
        article.getSlug(),
        article.getRevision(),
        article.getStatus(),
        article.getPagePath());
  }

  /** Status and dates, checked before anything is written. */
  private ArticleWriter.Imported state(ImportedArticle article) {
    ArticleStatus status = article.status();
    Instant published = article.publishedAt();
    if (published == null && ArticleRepository.READABLE.contains(status)) {
      throw new IllegalArgumentException("A " + status + " article needs its publication date");
    }
    if (status == ArticleStatus.SCHEDULED && !published.isAfter(clock.instant())) {
      status = ArticleStatus.PUBLISHED;
    }
    return new ArticleWriter.Imported(
        status, article.createdAt(), article.updatedAt(), published, article.sticky());
  }

  /**
   * The import as a draft with its final slug. Authors and tags named twice count once; a lead
   * image that is not an http(s) URL (or too long) is left out, and one without a text alternative
   * gets the title as its alternative.
   */
  private static ArticleDraft draft(ImportedArticle article, String slug) {
    String url = article.leadImageUrl() == null ? null : article.leadImageUrl().strip();
    if (url != null
        && (url.length() > ArticleLimits.IMAGE_URL_LENGTH || !HTTP_URL.matcher(url).matches())) {
      url = null;
    }
    String alt = null;
    if (url != null) {
      alt =
          article.leadImageAlt() == null || article.leadImageAlt().isBlank()
              ? article.title().strip()
              : article.leadImageAlt().strip();
      if (alt.length() > ArticleLimits.IMAGE_ALT_LENGTH) {
        alt = alt.substring(0, ArticleLimits.IMAGE_ALT_LENGTH).strip();
      }
    }
    ArticleDraft draft =
        new ArticleDraft(
            article.title().strip(),
            slug,
            article.standfirst(),
            article.bodyFormat(),
            article.body(),
            List.copyOf(new LinkedHashSet<>(article.authorIds())),
            article.sectionId(),
            List.copyOf(new LinkedHashSet<>(article.tagIds())),
            url,
            alt,
            article.commentsOpen());
    return article.leadMediaId() == null ? draft : draft.withLeadMedia(article.leadMediaId());
  }

  /**
   * The entity of this kind with this slug now, or the one that had it before (its old address
   * leads there, and the slug stays reserved for it).
   */
  private <T> Optional<T> bySlug(
      FormerListingSlug.Kind kind, String namedQuery, Class<T> type, String slug) {
    Optional<T> current =
        em.createNamedQuery(namedQuery, type)
            .setParameter("slug", slug)
            .getResultStream()
            .findFirst();
    if (current.isPresent()) {
      return current;
    }
    return slugs.target(kind, slug).map(id -> em.find(type, id));
  }

  /**
   * The oldest section, tag or author with this name, in any case. The exact name is compared too:
   * a database in the C locale lowers ASCII letters only.
   */
  private Optional<Long> byName(String entityName, String name) {
    return em.createQuery(
            "SELECT e.id FROM "
                + entityName
                + " e WHERE e.name = :exact OR LOWER(e.name) = :lower ORDER BY e.id",
            Long.class)
        .setParameter("exact", name.strip())
        .setParameter("lower", name.strip().toLowerCase(Locale.ROOT))
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
