package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the one {@link BodyRenderer} of the application, in the site's language, with the media
 * library's figures and the embeds of posts and videos.
 */
@ApplicationScoped
public class Renderers {

  @Inject
  @ConfigProperty(name = "tribune.site.locale", defaultValue = "fr-FR")
  String siteLocale;

  /** The media library's images, for {@code ![](media:42)} ({@code internal.media}). */
  @Inject MediaFigures figures;

  /**
   * Posts and videos of other sites, for a paragraph holding only their link ({@code
   * internal.embed}).
   */
  @Inject Embeds embeds;

  /** Dependent: the renderer is immutable and only held by application-scoped beans. */
  @Produces
  @Dependent
  BodyRenderer bodyRenderer() {
    return new BodyRenderer(siteLocale, figures, embeds);
  }
}
