package org.tribune.articles.api;

/** The requested slug belongs to another article (now or formerly). */
public class SlugTakenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String slug;

  public SlugTakenException(String slug) {
    super("Slug already in use: " + slug);
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }
}
