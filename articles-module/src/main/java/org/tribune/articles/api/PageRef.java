package org.tribune.articles.api;

import java.io.Serializable;

/**
 * A page as menus, the editor's parent list and the footer name it.
 *
 * @param path its address from the site's root, without the leading slash ({@code a-propos/equipe})
 * @param parentId its parent page, or {@code null}
 * @param readable whether a visitor may read it now
 */
public record PageRef(
    long id, String title, String path, Long parentId, ArticleStatus status, boolean readable)
    implements Serializable {

  /** How deep the page sits: 0 at the root. */
  public int depth() {
    int depth = 0;
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      depth++;
    }
    return depth;
  }
}
