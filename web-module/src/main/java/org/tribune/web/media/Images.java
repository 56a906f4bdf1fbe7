package org.tribune.web.media;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRendition;
import org.tribune.articles.api.MediaService;
import org.tribune.web.site.SiteSettings;

/**
 * The library's images as pages show them ({@code #{images.lead(article)}}): the item behind an
 * article's lead image, read once per request (the items are in the articles module's shared cache,
 * so a list page asks the database nothing more once they were read).
 */
@Named
@RequestScoped
public class Images {
  /** Open Graph and Twitter Cards want 1200 pixels wide. */
  static final int SHARING_WIDTH = 1200;

  @Inject private MediaService media;
  @Inject private SiteSettings site;

  private final Map<Long, Optional<MediaItem>> read = new HashMap<>();

  /** The article's lead image from the library, or null (none, or one given by its address). */
  public MediaItem lead(ArticleSummary article) {
    if (article == null || article.leadMediaId() == null) {
      return null;
    }
    return read.computeIfAbsent(article.leadMediaId(), media::find)
        .filter(MediaItem::usable)
        .orElse(null);
  }

  /**
   * The site's logo (console, Apparence), or null: none chosen, or deleted from the library since.
   */
  public MediaItem getLogo() {
    Long id = site.getBranding().logoId();
    return id == null ? null : read.computeIfAbsent(id, media::find).orElse(null);
  }

  /** The logo's narrowest rendition (320 pixels wide at most): the header's and the icon's. */
  public MediaRendition logoRendition(MediaItem logo) {
    return logo.renditions().get(0);
  }

  /** The type of a rendition's file, from its address ({@code .png} or {@code .jpg}). */
  public String type(MediaRendition rendition) {
    return rendition.path().endsWith(".png") ? "image/png" : "image/jpeg";
  }

  /**
   * The rendition to share on social networks: the narrowest at least 1 200 pixels wide (what Open
   * Graph and Twitter Cards ask for), else the widest there is.
   */
  public MediaRendition sharing(MediaItem item) {
    return item.atLeast(SHARING_WIDTH);
  }

  /** The CSS classes that put a cropped thumbnail's focal point in view (no inline style). */
  public String focalClasses(MediaItem item) {
    if (item.focalX() == null || item.focalY() == null) {
      return "";
    }
    return "fx-" + Math.round(item.focalX() * 10) + " fy-" + Math.round(item.focalY() * 10);
  }
}
