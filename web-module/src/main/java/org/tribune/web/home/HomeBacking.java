package org.tribune.web.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.comments.api.CommentService;

/** Backs {@code /index.xhtml}: the latest published articles with their comment counts. */
@Named
@RequestScoped
public class HomeBacking {
  static final int PAGE_SIZE = 20;

  @Inject private ArticleService articles;
  @Inject private CommentService comments;

  private List<ArticleSummary> latest;
  private Map<Long, Long> commentCounts;

  public List<ArticleSummary> getArticles() {
    if (latest == null) {
      latest = articles.latestPublished(PAGE_SIZE);
    }
    return latest;
  }

  /** Approved comments of a listed article; all counts come from one query. */
  public long commentCount(ArticleSummary article) {
    if (commentCounts == null) {
      commentCounts =
          comments.countApproved(getArticles().stream().map(ArticleSummary::id).toList());
    }
    return commentCounts.getOrDefault(article.id(), 0L);
  }
}
