package org.tribune.web.site;

import java.util.List;

/**
 * An item of a menu as a page renders it.
 *
 * @param href where it leads, ready for {@code href}
 * @param label its text
 * @param children its sub-items (none for a sub-item)
 */
public record MenuLink(String href, String label, List<MenuLink> children) {
  public MenuLink {
    children = List.copyOf(children);
  }
}
