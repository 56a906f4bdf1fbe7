package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.AuthorUsage;
import org.tribune.articles.api.InUseException;

/** The JPA-backed {@link AuthorService}. */
@ApplicationScoped
@Transactional
@ValidateOnExecution
public class DefaultAuthorService implements AuthorService {
  private static final String ENTITY = "ArticleAuthor";

  @Inject @ArticlesDatabase private EntityManager em;
  @Inject private ListingSlugs slugs;

  private final Clock clock = Clock.systemUTC();

  @Override
  public long create(String name, String bio) {
    Author author =
        new Author(slugs.free(FormerListingSlug.Kind.AUTHOR, ENTITY, name, null), name, bio);
    em.persist(author);
    em.flush();
    return author.getId();
  }

  @Override
  public Optional<org.tribune.articles.api.Author> find(long authorId) {
    return Optional.ofNullable(em.find(Author.class, authorId)).map(Author::toRecord);
  }

  @Override
  public Optional<org.tribune.articles.api.Author> findBySlug(String slug) {
    return em.createNamedQuery(Author.FIND_BY_SLUG, Author.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst()
        .map(Author::toRecord);
  }

  @Override
  public List<org.tribune.articles.api.Author> all() {
    return FrenchOrder.sorted(
            em.createNamedQuery(Author.FIND_ALL, Author.class).getResultList(),
            Author::getName,
            Author::getId)
        .stream()
        .map(Author::toRecord)
        .toList();
  }

  @Override
  public List<AuthorUsage> allWithCounts() {
    Map<Long, Long> counts = new HashMap<>();
    em.createQuery(
            "SELECT w.id, COUNT(a) FROM Article a JOIN a.authors w GROUP BY w.id", Object[].class)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
    return FrenchOrder.sorted(
            em.createNamedQuery(Author.FIND_ALL, Author.class).getResultList(),
            Author::getName,
            Author::getId)
        .stream()
        .map(a -> new AuthorUsage(a.toRecord(), counts.getOrDefault(a.getId(), 0L)))
        .toList();
  }

  @Override
  public void update(long id, String name, String bio) {
    Author author = load(id);
    String former = author.getSlug();
    // The profile keeps its slug while the name still gives it (numbered slugs included).
    String next = slugs.free(FormerListingSlug.Kind.AUTHOR, ENTITY, name, id);
    if (!former.equals(next) && !Slugs.of(name).equals(baseOf(former))) {
      slugs.moved(FormerListingSlug.Kind.AUTHOR, id, former, next, clock.instant());
    } else {
      next = former;
    }
    author.update(name, next, bio);
  }

  /** The slug without a number that {@link Slugs#numbered} added ({@code claire-dumont-2}). */
  private static String baseOf(String slug) {
    return slug.replaceFirst("-[0-9]+$", "");
  }

  @Override
  public void delete(long id) {
    Author author = load(id);
    long articles =
        em.createQuery(
                "SELECT COUNT(a) FROM Article a JOIN a.authors w WHERE w.id = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult();
    if (articles > 0) {
      throw new InUseException("Author", id, articles, 0);
    }
    slugs.forget(FormerListingSlug.Kind.AUTHOR, id);
    em.remove(author);
  }

  @Override
  public Optional<String> currentSlug(String formerSlug) {
    return slugs
        .target(FormerListingSlug.Kind.AUTHOR, formerSlug)
        .map(id -> em.find(Author.class, id))
        .map(Author::getSlug);
  }

  private Author load(long id) {
    Author author = em.find(Author.class, id);
    if (author == null) {
      throw new IllegalArgumentException("No author with id " + id);
    }
    return author;
  }
}
