package org.tribune.articles.internal;

import jakarta.persistence.EntityManager;

/** Finds a free slug for a name among the rows of one entity: {@code name}, {@code name-2}… */
final class FreeSlugs {
  private FreeSlugs() {}

  static String find(EntityManager em, String entityName, String name) {
    String base = Slugs.of(name);
    for (int n = 1; ; n++) {
      String candidate = Slugs.numbered(base, n);
      long taken =
          em.createQuery(
                  "SELECT COUNT(e) FROM " + entityName + " e WHERE e.slug = :slug", Long.class)
              .setParameter("slug", candidate)
              .getSingleResult();
      if (taken == 0) {
        return candidate;
      }
    }
  }
}
