package org.tribune.web.listing;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.Page;
import org.tribune.comments.api.CommentService;
import org.tribune.web.site.PageMeta;
import org.tribune.web.site.Requests;
import org.tribune.web.site.SiteSettings;

/**
 * What every list page has: one page of articles, their comment counts (one query for the page),
 * and links to the neighbouring pages. Subclasses load their page in their view action.
 */
public abstract class ListingBacking {
  /** Articles per list page. */
  public static final int PAGE_SIZE = 12;

  @Inject protected ArticleService articles;
  @Inject protected PageMeta meta;
  @Inject protected SiteSettings site;
  @Inject private CommentService comments;

  private Page<ArticleSummary> page;
  private Map<Long, Long> commentCounts;
  private String basePath;

  /**
   * Loads the requested page for a list at {@code basePath}; false (and a 400 answer) when the page
   * number is malformed.
   */
  protected boolean show(String basePath, IntFunction<Page<ArticleSummary>> loader) {
    Integer number = Requests.pageNumber();
    if (number == null) {
      return false;
    }
    this.basePath = basePath;
    this.page = loader.apply(number);
    meta.setCanonicalPath(pagePath(number));
    meta.setIndexable(!page.isEmpty());
    return true;
  }

  public Page<ArticleSummary> getPage() {
    return page;
  }

  /** Approved comments of a listed article; all counts of the page come from one query. */
  public long commentCount(ArticleSummary article) {
    if (commentCounts == null) {
      commentCounts =
          comments.countApproved(page.items().stream().map(ArticleSummary::id).toList());
    }
    return commentCounts.getOrDefault(article.id(), 0L);
  }

  /**
   * The site path of page {@code number} of this list; a base path with a query string of its own
   * ({@code /search?q=…}) keeps it.
   */
  public String pagePath(int number) {
    return pagePath(basePath, number);
  }

  static String pagePath(String basePath, int number) {
    if (number <= 1) {
      return basePath;
    }
    return basePath + (basePath.indexOf('?') < 0 ? "?page=" : "&page=") + number;
  }

  /** The page title, with the page number after the first page. */
  protected String titled(String title) {
    int number = page.number();
    return number <= 1
        ? title
        : title
            + " – "
            + java.text.MessageFormat.format(site.messages().getString("list.page-n"), number);
  }

  /** Answers 301 to the current address of a renamed section, tag or author; 404 otherwise. */
  protected static void movedOrNotFound(String prefix, Optional<String> currentSlug) {
    if (currentSlug.isPresent()) {
      Requests.movedPermanently(prefix + currentSlug.get());
    } else {
      Requests.fail(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
