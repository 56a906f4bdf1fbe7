package org.tribune.web.cluster;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change made on another node of the cluster, as much as a cache needs to know of it: either the
 * discussions of some articles (their pages and the listings are stale) or anything else
 * (everything is). Sent between nodes as a short text: {@code *} for everything, or the article ids
 * separated by commas.
 *
 * @param articleIds the articles whose discussions changed; empty for "anything else"
 */
public record SiteChange(Set<Long> articleIds) {
  private static final String EVERYTHING = "*";

  /** More ids than this in one message: it is sent as "everything" instead. */
  static final int MOST_IDS = 1_000;

  public SiteChange {
    articleIds = Collections.unmodifiableSet(new TreeSet<>(articleIds));
  }

  /** Anything readers may see changed. */
  public static SiteChange everything() {
    return new SiteChange(Set.of());
  }

  /** The discussions of these articles changed; nothing else did. */
  public static SiteChange discussions(Set<Long> articleIds) {
    return articleIds.size() > MOST_IDS ? everything() : new SiteChange(articleIds);
  }

  public boolean isEverything() {
    return articleIds.isEmpty();
  }

  /** The text sent to the other nodes. */
  String encoded() {
    if (isEverything()) {
      return EVERYTHING;
    }
    StringBuilder text = new StringBuilder();
    for (Long id : articleIds) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(id);
    }
    return text.toString();
  }

  /**
   * The change a received text stands for. A text this version cannot read (sent by another version
   * of Tribune during a rolling upgrade, say) is taken to mean "everything": forgetting too much is
   * safe, forgetting too little is not.
   */
  static SiteChange decoded(String text) {
    if (text == null || text.isBlank() || EVERYTHING.equals(text)) {
      return everything();
    }
    Set<Long> ids = new TreeSet<>();
    for (String part : text.split(",", -1)) {
      try {
        ids.add(Long.parseLong(part.strip()));
      } catch (NumberFormatException e) {
        return everything();
      }
    }
    return discussions(ids);
  }
}
