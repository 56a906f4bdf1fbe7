package org.tribune.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.YearMonth;
import java.util.List;
import org.tribune.articles.api.Section;
import org.tribune.articles.api.SectionService;

/** The site's main navigation: top sections, and the archive of the current month. */
@Named("navigation")
@RequestScoped
public class Navigation {

  @Inject private SectionService sections;
  @Inject private SiteSettings site;

  private List<Section> topSections;

  public List<Section> getSections() {
    if (topSections == null) {
      topSections = sections.topSections();
    }
    return topSections;
  }

  /** Site path of this month's archive, in the site's time zone. */
  public String getCurrentArchivePath() {
    YearMonth now = YearMonth.now(site.getZone());
    return String.format("/archives/%04d/%02d", now.getYear(), now.getMonthValue());
  }
}
