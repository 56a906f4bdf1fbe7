package org.tribune.web.console.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tribune.articles.api.ArticleService;

/** Backs {@code /admin/dashboard.xhtml}. */
@Named
@RequestScoped
public class DashboardBacking {
  @Inject private ArticleService articles;

  public long getArticleCount() {
    return articles.count();
  }
}
