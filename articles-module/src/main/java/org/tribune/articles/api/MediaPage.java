package org.tribune.articles.api;

import java.io.Serializable;
import java.util.List;

/** One page of the media library, and how many items match in all. */
public record MediaPage(List<MediaItem> items, long total) implements Serializable {
  public MediaPage {
    items = List.copyOf(items);
  }
}
