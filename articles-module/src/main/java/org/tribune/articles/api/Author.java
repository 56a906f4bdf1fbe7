package org.tribune.articles.api;

/** An author's profile. */
public record Author(long id, String slug, String name, String bio) {
  public AuthorRef ref() {
    return new AuthorRef(id, slug, name);
  }
}
