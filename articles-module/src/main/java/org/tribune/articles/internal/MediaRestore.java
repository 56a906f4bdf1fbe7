package org.tribune.articles.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRejectedException;

/**
 * What a restore ({@link DefaultArticleRestoreService}) needs of the media library: an item's files
 * made and stored again from its exported original, and the library's copies in memory forgotten.
 * Implemented by the media library ({@code internal.media}), which depends on this package and not
 * the other way round.
 */
public interface MediaRestore {

  /**
   * Checks the original against the item's hash, stores it unchanged and the site's widths made
   * from it, as an upload stores its files.
   *
   * @param original the exported original; left where it is (its owner deletes it)
   * @return the item's row, as an upload of this file described so would have it
   * @throws MediaRejectedException when the file is not the item's, or not an image the library
   *     takes; nothing is stored then
   */
  ArticleTables.MediaRow store(MediaItem item, Path original) throws IOException;

  /** Forgets what the library keeps in memory of its items on this node. */
  void forgetCopies();
}
