package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.tribune.articles.api.SectionRef;
import org.tribune.articles.api.SectionService;

/** The JPA-backed {@link SectionService}. */
@ApplicationScoped
@Transactional
public class DefaultSectionService implements SectionService {

  @Inject @ArticlesDatabase private EntityManager em;

  @Override
  public long create(String name, String description, Long parentId) {
    Section parent = null;
    if (parentId != null) {
      parent = em.find(Section.class, parentId);
      if (parent == null) {
        throw new IllegalArgumentException("No section with id " + parentId);
      }
    }
    int position = em.createNamedQuery(Section.NEXT_POSITION, Integer.class).getSingleResult();
    Section section =
        new Section(
            FreeSlugs.find(em, "ArticleSection", name), name, description, parent, position);
    em.persist(section);
    em.flush();
    return section.getId();
  }

  @Override
  public Optional<org.tribune.articles.api.Section> findBySlug(String slug) {
    List<Section> all = all();
    return all.stream()
        .filter(s -> s.getSlug().equals(slug))
        .findFirst()
        .map(s -> toRecord(s, all));
  }

  @Override
  public List<org.tribune.articles.api.Section> topSections() {
    List<Section> all = all();
    return all.stream().filter(s -> s.getParent() == null).map(s -> toRecord(s, all)).toList();
  }

  private List<Section> all() {
    return em.createNamedQuery(Section.FIND_ALL, Section.class).getResultList();
  }

  private static org.tribune.articles.api.Section toRecord(Section section, List<Section> all) {
    List<SectionRef> children =
        all.stream()
            .filter(s -> s.getParent() != null && s.getParent().getId().equals(section.getId()))
            .map(Section::toRef)
            .toList();
    return new org.tribune.articles.api.Section(
        section.getId(),
        section.getSlug(),
        section.getName(),
        section.getDescription(),
        section.getParent() == null ? null : section.getParent().toRef(),
        children);
  }
}
