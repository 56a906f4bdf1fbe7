package org.tribune.articles.api;

/** A tag (keyword) with its description. */
public record Tag(long id, String slug, String name, String description) {
  public TagRef ref() {
    return new TagRef(id, slug, name);
  }
}
