package org.tribune.articles.api;

/**
 * A section as the console manages it.
 *
 * @param parent the parent section, or {@code null} for a top section
 * @param articles how many articles, of any status, are filed in it (not in its sub-sections)
 */
public record SectionUsage(
    long id, String slug, String name, String description, SectionRef parent, long articles) {
  public SectionRef ref() {
    return new SectionRef(id, slug, name);
  }
}
