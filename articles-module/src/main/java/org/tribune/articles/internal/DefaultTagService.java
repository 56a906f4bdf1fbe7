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
import org.tribune.articles.api.InUseException;
import org.tribune.articles.api.TagService;
import org.tribune.articles.api.TagUsage;

/**
 * The JPA-backed {@link TagService}. Tag names are not in the search index (it holds the words of
 * titles, standfirsts and bodies only), so renaming or merging tags leaves it as it is; tag pages
 * read the article-tag links, which a merge moves.
 */
@ApplicationScoped
@Transactional
@ValidateOnExecution
public class DefaultTagService implements TagService {
  private static final String ENTITY = "ArticleTag";

  @Inject @ArticlesDatabase private EntityManager em;
  @Inject private ListingSlugs slugs;

  private final Clock clock = Clock.systemUTC();

  @Override
  public long findOrCreate(String name, String description) {
    String slug = Slugs.of(name);
    Optional<Tag> existing = bySlug(slug);
    if (existing.isPresent()) {
      return existing.get().getId();
    }
    Optional<Long> successor = slugs.target(FormerListingSlug.Kind.TAG, slug);
    if (successor.isPresent()) {
      return successor.get();
    }
    Tag tag = new Tag(slug, name, description);
    em.persist(tag);
    em.flush();
    return tag.getId();
  }

  @Override
  public Optional<org.tribune.articles.api.Tag> findBySlug(String slug) {
    return bySlug(slug).map(Tag::toRecord);
  }

  @Override
  public Optional<org.tribune.articles.api.Tag> find(long id) {
    return Optional.ofNullable(em.find(Tag.class, id)).map(Tag::toRecord);
  }

  @Override
  public List<TagUsage> all() {
    Map<Long, Long> counts = new HashMap<>();
    em.createQuery(
            "SELECT t.id, COUNT(a) FROM Article a JOIN a.tags t GROUP BY t.id", Object[].class)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
    return FrenchOrder.sorted(
            em.createQuery("SELECT t FROM ArticleTag t", Tag.class).getResultList(),
            Tag::getName,
            Tag::getId)
        .stream()
        .map(t -> new TagUsage(t.toRecord(), counts.getOrDefault(t.getId(), 0L)))
        .toList();
  }

  @Override
  public void rename(long id, String name, String slug, String description) {
    Tag tag = load(id);
    String former = tag.getSlug();
    String next = slug == null || slug.isBlank() ? former : slug.strip();
    if (!next.equals(former)) {
      slugs.requireFree(FormerListingSlug.Kind.TAG, ENTITY, next, id);
      slugs.moved(FormerListingSlug.Kind.TAG, id, former, next, clock.instant());
    }
    tag.rename(name, next, description);
  }

  @Override
  public void merge(long fromId, long intoId) {
    if (fromId == intoId) {
      throw new IllegalArgumentException("A tag cannot be merged into itself");
    }
    Tag from = load(fromId);
    load(intoId);
    // Articles carrying both keep one link; the others move over.
    em.createNativeQuery(
            "INSERT INTO articles_article_tag (article_id, tag_id)"
                + " SELECT f.article_id, ? FROM articles_article_tag f WHERE f.tag_id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM articles_article_tag i"
                + " WHERE i.article_id = f.article_id AND i.tag_id = ?)")
        .setParameter(1, intoId)
        .setParameter(2, fromId)
        .setParameter(3, intoId)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM articles_article_tag WHERE tag_id = ?")
        .setParameter(1, fromId)
        .executeUpdate();
    slugs.transfer(FormerListingSlug.Kind.TAG, fromId, intoId);
    em.persist(
        new FormerListingSlug(FormerListingSlug.Kind.TAG, from.getSlug(), intoId, clock.instant()));
    em.remove(from);
  }

  @Override
  public void delete(long id) {
    Tag tag = load(id);
    long articles =
        em.createQuery("SELECT COUNT(a) FROM Article a JOIN a.tags t WHERE t.id = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult();
    if (articles > 0) {
      throw new InUseException("Tag", id, articles, 0);
    }
    slugs.forget(FormerListingSlug.Kind.TAG, id);
    em.remove(tag);
  }

  @Override
  public Optional<String> currentSlug(String formerSlug) {
    return slugs
        .target(FormerListingSlug.Kind.TAG, formerSlug)
        .map(id -> em.find(Tag.class, id))
        .map(Tag::getSlug);
  }

  private Tag load(long id) {
    Tag tag = em.find(Tag.class, id);
    if (tag == null) {
      throw new IllegalArgumentException("No tag with id " + id);
    }
    return tag;
  }

  private Optional<Tag> bySlug(String slug) {
    return em.createNamedQuery(Tag.FIND_BY_SLUG, Tag.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }
}
