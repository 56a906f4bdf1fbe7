package org.tribune.articles.api;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param number the page number, from 1
 * @param size the largest number of items on a page
 * @param total the number of items on all pages
 */
public record Page<T>(List<T> items, int number, int size, long total) {

  public Page {
    items = List.copyOf(items);
  }

  public int totalPages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return number > 1;
  }

  public boolean hasNext() {
    return number < totalPages();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** The first item's offset for a page number, refusing numbers that cannot be a page. */
  public static int offset(int number, int size) {
    if (number < 1 || size < 1) {
      throw new IllegalArgumentException("Pages are numbered from 1");
    }
    long offset = (long) (number - 1) * size;
    return offset > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) offset;
  }
}
