package org.tribune.comments.api;

import java.util.List;

/**
 * One page of a moderation queue, newest first.
 *
 * @param number the page asked for (from 1); past the end, {@code items} is empty
 * @param total how many comments the filter matches in all, for the pager
 */
public record ModerationPage(List<ModeratedComment> items, int number, int size, long total) {
  public ModerationPage {
    items = List.copyOf(items);
  }

  /** Pages needed for {@code total} (at least one, even when empty). */
  public int pageCount() {
    int perPage = Math.max(1, size);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (total + perPage - 1) / perPage));
  }
}
