package org.tribune.web.listing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tribune.articles.api.Tag;
import org.tribune.articles.api.TagService;
import org.tribune.web.site.Requests;

/** Backs {@code /tags/{slug}}. */
@Named
@RequestScoped
public class TagBacking extends ListingBacking {

  @Inject private TagService tags;

  private Tag tag;

  public void load() {
    String slug = Requests.routeParameter("slug");
    tag = tags.findBySlug(slug).orElse(null);
    if (tag == null) {
      movedOrNotFound("/tags/", tags.currentSlug(slug));
      return;
    }
    if (show("/tags/" + tag.slug(), n -> articles.withTag(tag.id(), n, PAGE_SIZE))) {
      meta.setTitle(titled(tag.name()) + " – " + site.getName());
      meta.setDescription(tag.description().isEmpty() ? tag.name() : tag.description());
    }
  }

  public Tag getTag() {
    return tag;
  }
}
