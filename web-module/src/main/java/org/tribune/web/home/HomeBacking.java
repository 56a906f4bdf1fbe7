package org.tribune.web.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.tribune.web.listing.ListingBacking;

/** Backs the home page: the latest listed articles, paginated. */
@Named
@RequestScoped
public class HomeBacking extends ListingBacking {

  public void load() {
    if (show("/", n -> articles.latest(n, PAGE_SIZE))) {
      meta.setTitle(titled(site.getName() + " – " + site.messages().getString("site.tagline")));
      meta.setDescription(site.getDescription());
    }
  }
}
