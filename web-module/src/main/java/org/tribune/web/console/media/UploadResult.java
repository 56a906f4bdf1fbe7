package org.tribune.web.console.media;

import java.io.Serializable;
import org.tribune.articles.api.MediaItem;

/**
 * What became of one uploaded file: taken ({@code id} set) or refused, with the sentence saying so
 * in the console's language.
 */
public record UploadResult(Long id, String name, String message) implements Serializable {
  static UploadResult taken(MediaItem item, String message) {
    return new UploadResult(item.id(), item.originalName(), message);
  }

  static UploadResult refused(String name, String message) {
    return new UploadResult(null, name, message);
  }

  public boolean isTaken() {
    return id != null;
  }
}
