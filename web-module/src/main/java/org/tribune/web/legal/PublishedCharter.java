package org.tribune.web.legal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.tribune.comments.api.ModerationCharter;
import org.tribune.web.site.Links;
import org.tribune.web.site.SiteSettings;

/**
 * The <em>Charte de modération</em> the comments module links to in its decision mails: the page
 * the site drafted (or the one the administrator chose since), while it is published. Its address
 * is absolute ({@code tribune.site.url}, else the request's own).
 */
@ApplicationScoped
public class PublishedCharter implements ModerationCharter {
  @Inject private SiteSettings site;
  @Inject private Links links;

  @Override
  public Optional<String> address() {
    return LegalPages.published(site, LegalPage.MODERATION)
        .map(p -> links.absolute("/" + p.path()));
  }
}
