package org.tribune.articles.api;

import java.util.List;

/**
 * A section (category). Sections nest one level: a top section has sub-sections, a sub-section has
 * a parent and no children.
 *
 * @param parent the parent section, or {@code null} for a top section
 * @param children the sub-sections, in display order (empty for a sub-section)
 */
public record Section(
    long id,
    String slug,
    String name,
    String description,
    SectionRef parent,
    List<SectionRef> children) {
  public SectionRef ref() {
    return new SectionRef(id, slug, name);
  }
}
