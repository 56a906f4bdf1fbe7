package org.tribune.articles.api;

/**
 * The first path segments the site already answers ({@code articles}, {@code admin}, {@code
 * search}…), which no page may take. The web layer that owns the addresses provides the bean; the
 * article domain asks it before it places a page at the root.
 */
public interface ReservedPaths {

  /** Whether a page at the root may not take this slug. */
  boolean isReserved(String slug);
}
