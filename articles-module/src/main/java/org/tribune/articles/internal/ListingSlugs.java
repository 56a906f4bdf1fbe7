package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import org.tribune.articles.api.SlugTakenException;

/**
 * Slug rules of sections, tags and authors, whose pages list articles: unique per kind, and a slug
 * one of them had before ({@link FormerListingSlug}) stays reserved for it, so that its old address
 * keeps leading to it. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ListingSlugs {

  @Inject @ArticlesDatabase private EntityManager em;

  /** A free slug for a name ({@code name}, {@code name-2}…); the entity's own slugs count free. */
  String free(FormerListingSlug.Kind kind, String entityName, String name, Long exceptId) {
    return freeFrom(kind, entityName, Slugs.of(name), exceptId);
  }

  /** {@code base}, or {@code base-2}, {@code base-3}… the first free one. */
  String freeFrom(FormerListingSlug.Kind kind, String entityName, String base, Long exceptId) {
    for (int n = 1; ; n++) {
      String candidate = Slugs.numbered(base, n);
      if (!taken(kind, entityName, candidate, exceptId)) {
        return candidate;
      }
    }
  }

  /** Refuses a slug another entity of this kind has, or had. */
  void requireFree(FormerListingSlug.Kind kind, String entityName, String slug, long exceptId) {
    if (taken(kind, entityName, slug, exceptId)) {
      throw new SlugTakenException(slug);
    }
  }

  private boolean taken(FormerListingSlug.Kind kind, String entityName, String slug, Long except) {
    long id = except == null ? -1L : except;
    long current =
        em.createQuery(
                "SELECT COUNT(e) FROM " + entityName + " e WHERE e.slug = :slug AND e.id <> :id",
                Long.class)
            .setParameter("slug", slug)
            .setParameter("id", id)
            .getSingleResult();
    return current > 0 || target(kind, slug).filter(t -> t != id).isPresent();
  }

  /** Records that {@code id} moved from slug {@code former} to {@code next}. */
  void moved(FormerListingSlug.Kind kind, long id, String former, String next, Instant now) {
    if (former.equals(next)) {
      return;
    }
    FormerListingSlug reclaimed =
        em.find(FormerListingSlug.class, new FormerListingSlug.Key(kind, next));
    if (reclaimed != null) {
      em.remove(reclaimed);
    }
    em.persist(new FormerListingSlug(kind, former, id, now));
  }

  /** Who has, now, the entity that formerly had this slug. */
  Optional<Long> target(FormerListingSlug.Kind kind, String formerSlug) {
    return Optional.ofNullable(
            em.find(FormerListingSlug.class, new FormerListingSlug.Key(kind, formerSlug)))
        .map(FormerListingSlug::getTargetId);
  }

  /** Hands the former slugs of one entity to another (a tag merged into another). */
  void transfer(FormerListingSlug.Kind kind, long fromId, long intoId) {
    em.createQuery(
            "UPDATE FormerListingSlug f SET f.targetId = :into"
                + " WHERE f.kind = :kind AND f.targetId = :from")
        .setParameter("into", intoId)
        .setParameter("kind", kind)
        .setParameter("from", fromId)
        .executeUpdate();
  }

  /** Forgets the former slugs of a deleted entity: its old addresses lead nowhere now. */
  void forget(FormerListingSlug.Kind kind, long id) {
    em.createQuery("DELETE FROM FormerListingSlug f WHERE f.kind = :kind AND f.targetId = :id")
        .setParameter("kind", kind)
        .setParameter("id", id)
        .executeUpdate();
  }
}
