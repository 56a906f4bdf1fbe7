package org.tribune.web.legal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tribune.web.site.Links;
import org.tribune.web.site.MenuLink;
import org.tribune.web.site.SiteSettings;

/**
 * The footer's links to the legal pages that are published ({@code #{legal.footer}}), in the order
 * of {@link LegalPage}, each under its page's own title. Read from the settings and pages the site
 * keeps in memory: no query of its own.
 */
@Named("legal")
@RequestScoped
public class LegalLinks {
  @Inject private SiteSettings site;
  @Inject private Links links;

  private List<MenuLink> footer;
  private MenuLink moderation;
  private boolean moderationLooked;

  public List<MenuLink> getFooter() {
    if (footer == null) {
      footer = new ArrayList<>();
      for (LegalPage kind : LegalPage.values()) {
        link(kind).ifPresent(footer::add);
      }
    }
    return footer;
  }

  /**
   * The link to the moderation charter ({@code #{legal.moderation}}) when it is published, else
   * {@code null}: the discussion's forms point to it.
   */
  public MenuLink getModeration() {
    if (!moderationLooked) {
      moderation = link(LegalPage.MODERATION).orElse(null);
      moderationLooked = true;
    }
    return moderation;
  }

  private Optional<MenuLink> link(LegalPage kind) {
    return LegalPages.published(site, kind)
        .map(p -> new MenuLink(links.page(p.path()), p.title(), List.of()));
  }
}
