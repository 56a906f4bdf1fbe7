package org.tribune.web.listing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tribune.articles.api.Section;
import org.tribune.articles.api.SectionService;
import org.tribune.web.feed.FeedServlet;
import org.tribune.web.site.Requests;

/** Backs {@code /sections/{slug}}: the section's articles and those of its sub-sections. */
@Named
@RequestScoped
public class SectionBacking extends ListingBacking {

  @Inject private SectionService sections;

  private Section section;

  public void load() {
    String slug = Requests.routeParameter("slug");
    section = sections.findBySlug(slug).orElse(null);
    if (section == null) {
      movedOrNotFound("/sections/", sections.currentSlug(slug));
      return;
    }
    if (show("/sections/" + section.slug(), n -> articles.inSection(section.id(), n, PAGE_SIZE))) {
      meta.setTitle(titled(section.name()) + " – " + site.getName());
      meta.setDescription(section.description().isEmpty() ? section.name() : section.description());
    }
  }

  public Section getSection() {
    return section;
  }

  /** The site path of the section's Atom feed. */
  public String getFeedPath() {
    return FeedServlet.feedPath(section.slug());
  }

  public String getFeedTitle() {
    return FeedServlet.title(site.messages(), section.name(), site.getName());
  }
}
