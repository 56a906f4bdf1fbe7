package org.tribune.web.console.articles;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.tribune.articles.api.ArticleFilter;
import org.tribune.articles.api.ArticleOrder;
import org.tribune.articles.api.ArticleRow;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.EditorialService;
import org.tribune.articles.api.PageRef;

/**
 * Backs {@code /admin/pages} (editors and administrators): the page tree, parents before their
 * sub-pages, and the pages in the bin. A site has tens of pages, not thousands: one list, no
 * paging.
 */
@Named
@RequestScoped
public class PagesBacking {
  /** The bin is shown up to this many pages, newest change first. */
  private static final int BIN_SIZE = 100;

  @Inject private ArticleService articles;
  @Inject private EditorialService editorial;

  private List<PageRef> pages;
  private List<ArticleRow> trashed;

  public List<PageRef> getPages() {
    if (pages == null) {
      pages = articles.pages();
    }
    return pages;
  }

  public List<ArticleRow> getTrashed() {
    if (trashed == null) {
      trashed =
          editorial
              .list(
                  ArticleFilter.allPages().withStatus(ArticleStatus.TRASHED),
                  ArticleOrder.UPDATED_DESC,
                  1,
                  BIN_SIZE)
              .items();
    }
    return trashed;
  }
}
