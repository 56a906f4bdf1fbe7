package org.tribune.web.site;

import java.io.Serializable;

/**
 * An item of one of the site's menus, as the console saves it.
 *
 * @param kind what it leads to
 * @param target the section's, tag's or author's slug, the page's id ({@link Kind#PAGE}), the
 *     address ({@link Kind#ADDRESS}), or empty ({@link Kind#HOME}, {@link Kind#ARCHIVES})
 * @param label the text shown
 * @param depth 0, or 1 for a sub-item of the nearest item of depth 0 before it
 */
public record MenuItem(Kind kind, String target, String label, int depth) implements Serializable {
  public static final int LABEL_LENGTH = 100;
  public static final int ADDRESS_LENGTH = 500;

  /** The most items a menu holds. */
  public static final int MOST_ITEMS = 200;

  /** What an item leads to. */
  public enum Kind {
    HOME,
    SECTION,
    TAG,
    AUTHOR,
    ARCHIVES,
    ADDRESS,
    PAGE
  }

  public MenuItem {
    target = target == null ? "" : target;
    label = label == null ? "" : label;
  }

  /** The same item at another depth. */
  public MenuItem atDepth(int newDepth) {
    return new MenuItem(kind, target, label, newDepth);
  }

  /** The same item with another label. */
  public MenuItem labelled(String newLabel) {
    return new MenuItem(kind, target, newLabel, depth);
  }
}
