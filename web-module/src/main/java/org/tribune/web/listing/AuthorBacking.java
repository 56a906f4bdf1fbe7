package org.tribune.web.listing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tribune.articles.api.Author;
import org.tribune.articles.api.AuthorService;
import org.tribune.web.site.Requests;

/** Backs {@code /authors/{slug}}: the profile and the author's articles. */
@Named
@RequestScoped
public class AuthorBacking extends ListingBacking {

  @Inject private AuthorService authors;

  private Author author;

  public void load() {
    String slug = Requests.routeParameter("slug");
    author = authors.findBySlug(slug).orElse(null);
    if (author == null) {
      movedOrNotFound("/authors/", authors.currentSlug(slug));
      return;
    }
    if (show("/authors/" + author.slug(), n -> articles.byAuthor(author.id(), n, PAGE_SIZE))) {
      meta.setTitle(titled(author.name()) + " – " + site.getName());
      meta.setDescription(author.bio().isEmpty() ? author.name() : author.bio());
      meta.setType("profile");
    }
  }

  public Author getAuthor() {
    return author;
  }
}
