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
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.legal.LegalPages;

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
  @Inject private LegalPages legal;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;

  private List<PageRef> pages;
  private List<ArticleRow> trashed;
  private List<LegalPages.State> legalStates;

  /** The legal pages and their state. */
  public List<LegalPages.State> getLegal() {
    if (legalStates == null) {
      legalStates = legal.states();
    }
    return legalStates;
  }

  /** Whether some legal page was never drafted, or was deleted for good. */
  public boolean isLegalMissing() {
    return getLegal().stream().anyMatch(s -> s.page() == null);
  }

  /** Drafts the legal pages that do not exist (« Créer les pages manquantes »). */
  public void draftLegal() {
    if (!staff.isEditor()) {
      messages.error("error.forbidden.text");
      return;
    }
    int drafted = legal.draftMissing(staff.getEmail());
    if (drafted > 0) {
      staff.audit(AuditAction.LEGAL_PAGES_DRAFTED, null, Integer.toString(drafted));
    }
    messages.info("legal.drafted", drafted);
    pages = null;
    legalStates = null;
  }

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
