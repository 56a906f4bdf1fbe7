package org.tribune.web.legal;

/** The pages drafted from templates, each with its wished slug and its template. */
public enum LegalPage {
  MENTIONS("mentions-legales"),
  MODERATION("charte-de-moderation"),
  PRIVACY("politique-de-confidentialite"),
  ACCESSIBILITY("accessibilite");

  private final String slug;

  LegalPage(String slug) {
    this.slug = slug;
  }

  /** The slug the page is drafted with (another is taken if a page or article has it). */
  public String slug() {
    return slug;
  }

  /** The stored setting holding the page's id. */
  String setting() {
    return "legal.page." + slug;
  }

  /** The Markdown template, a resource of this package. */
  String template() {
    return slug + ".md";
  }

  /** The key of the page's title in the site's messages. */
  public String titleKey() {
    return "legal." + slug;
  }
}
