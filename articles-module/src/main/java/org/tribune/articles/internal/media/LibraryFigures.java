package org.tribune.articles.internal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.internal.ArticlesDatabase;
import org.tribune.articles.internal.MediaFigures;

/**
 * The library's images for the body renderer, read with {@code em.find}: from the shared cache
 * ({@link LibraryImage} is cacheable), or, inside a transaction that changed the item, as that
 * transaction sees it (a deleted item is not found; a described one has its new caption).
 */
@ApplicationScoped
@Transactional
public class LibraryFigures implements MediaFigures {
  @Inject @ArticlesDatabase EntityManager em;

  @Override
  public Optional<Figure> figure(long id) {
    LibraryImage image = em.find(LibraryImage.class, id);
    if (image == null || !em.contains(image)) {
      // Removed in this very transaction (a forced delete renders its articles again).
      return Optional.empty();
    }
    MediaItem item = image.toRecord();
    if (!item.usable()) {
      return Optional.empty();
    }
    return Optional.of(
        new Figure(
            item.atLeast(960).path(),
            item.srcset(),
            item.largest().width(),
            item.largest().height(),
            item.alt(),
            item.caption(),
            item.credit()));
  }
}
