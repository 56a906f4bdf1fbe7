package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.tribune.articles.api.TagService;

/** The JPA-backed {@link TagService}. */
@ApplicationScoped
@Transactional
public class DefaultTagService implements TagService {

  @Inject @ArticlesDatabase private EntityManager em;

  @Override
  public long findOrCreate(String name, String description) {
    String slug = Slugs.of(name);
    Optional<Tag> existing = bySlug(slug);
    if (existing.isPresent()) {
      return existing.get().getId();
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

  private Optional<Tag> bySlug(String slug) {
    return em.createNamedQuery(Tag.FIND_BY_SLUG, Tag.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }
}
