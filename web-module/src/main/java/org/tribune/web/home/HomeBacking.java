package org.tribune.web.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.LatestComment;
import org.tribune.web.listing.ListingBacking;

/** Backs the home page: the latest listed articles, paginated. */
@Named
@RequestScoped
public class HomeBacking extends ListingBacking {

  /** Comments in the "Derniers commentaires" block. */
  static final int LATEST_COMMENTS = 5;

  @Inject private CommentService comments;

  private List<LatestComment> latestComments = List.of();
  private Map<Long, ArticleSummary> commentedArticles = Map.of();

  public void load() {
    if (show("/", n -> articles.latest(n, PAGE_SIZE))) {
      meta.setTitle(titled(site.getName() + " – " + site.messages().getString("site.tagline")));
      meta.setDescription(site.getDescription());
      List<LatestComment> latest = comments.latest(null, LATEST_COMMENTS);
      commentedArticles =
          articles.readableSummaries(latest.stream().map(LatestComment::articleId).toList());
      latestComments =
          latest.stream().filter(c -> commentedArticles.containsKey(c.articleId())).toList();
    }
  }

  /** The newest approved comments of the site, with their articles (one query each). */
  public List<LatestComment> getLatestComments() {
    return latestComments;
  }

  public ArticleSummary commentedArticle(long articleId) {
    return commentedArticles.get(articleId);
  }
}
