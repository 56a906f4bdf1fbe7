package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribune.articles.api.InUseException;
import org.tribune.articles.api.SectionRef;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.SectionUsage;

/** The JPA-backed {@link SectionService}. */
@ApplicationScoped
@Transactional
@ValidateOnExecution
public class DefaultSectionService implements SectionService {
  private static final String ENTITY = "ArticleSection";

  @Inject @ArticlesDatabase private EntityManager em;
  @Inject private ListingSlugs slugs;

  private final Clock clock = Clock.systemUTC();

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
            slugs.free(FormerListingSlug.Kind.SECTION, ENTITY, name, null),
            name,
            description,
            parent,
            position);
    em.persist(section);
    em.flush();
    return section.getId();
  }

  @Override
  public Optional<org.tribune.articles.api.Section> findBySlug(String slug) {
    List<Section> all = sections();
    return all.stream()
        .filter(s -> s.getSlug().equals(slug))
        .findFirst()
        .map(s -> toRecord(s, all));
  }

  @Override
  public List<org.tribune.articles.api.Section> topSections() {
    List<Section> all = sections();
    return all.stream().filter(s -> s.getParent() == null).map(s -> toRecord(s, all)).toList();
  }

  @Override
  public List<SectionUsage> all() {
    Map<Long, Long> counts = new HashMap<>();
    em.createQuery(
            "SELECT a.section.id, COUNT(a) FROM Article a WHERE a.section IS NOT NULL"
                + " GROUP BY a.section.id",
            Object[].class)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
    return sections().stream()
        .map(
            s ->
                new SectionUsage(
                    s.getId(),
                    s.getSlug(),
                    s.getName(),
                    s.getDescription(),
                    s.getParent() == null ? null : s.getParent().toRef(),
                    counts.getOrDefault(s.getId(), 0L)))
        .toList();
  }

  @Override
  public void rename(long id, String name, String slug, String description) {
    Section section = load(id);
    String former = section.getSlug();
    String next = slug == null || slug.isBlank() ? former : slug.strip();
    if (!next.equals(former)) {
      slugs.requireFree(FormerListingSlug.Kind.SECTION, ENTITY, next, id);
      slugs.moved(FormerListingSlug.Kind.SECTION, id, former, next, clock.instant());
    }
    section.rename(name, next, description);
  }

  @Override
  public void delete(long id) {
    Section section = load(id);
    long articles =
        em.createQuery("SELECT COUNT(a) FROM Article a WHERE a.section.id = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult();
    long children =
        em.createQuery("SELECT COUNT(s) FROM ArticleSection s WHERE s.parent.id = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult();
    if (articles > 0 || children > 0) {
      throw new InUseException("Section", id, articles, children);
    }
    slugs.forget(FormerListingSlug.Kind.SECTION, id);
    em.remove(section);
  }

  @Override
  public Optional<String> currentSlug(String formerSlug) {
    return slugs
        .target(FormerListingSlug.Kind.SECTION, formerSlug)
        .map(id -> em.find(Section.class, id))
        .map(Section::getSlug);
  }

  private Section load(long id) {
    Section section = em.find(Section.class, id);
    if (section == null) {
      throw new IllegalArgumentException("No section with id " + id);
    }
    return section;
  }

  /** Every section in the order the site shows them: their place, then French order of names. */
  private List<Section> sections() {
    return em.createNamedQuery(Section.FIND_ALL, Section.class).getResultList().stream()
        .sorted(
            Comparator.comparingInt(Section::getPosition)
                .thenComparing(FrenchOrder.byName(Section::getName, Section::getId)))
        .toList();
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
