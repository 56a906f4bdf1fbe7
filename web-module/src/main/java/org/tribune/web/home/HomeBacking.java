package org.tribune.web.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.FrontPageService;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.DiscussedArticle;
import org.tribune.comments.api.LatestComment;
import org.tribune.comments.api.ModerationService;
import org.tribune.web.listing.ListingBacking;

/**
 * Backs the home page: the articles « À la une » (page 1), the latest listed articles, paginated,
 * and beside them (after them on phones) the latest comments and the articles most discussed this
 * week.
 */
@Named
@RequestScoped
public class HomeBacking extends ListingBacking {

  /** Comments in the "Derniers commentaires" block. */
  static final int LATEST_COMMENTS = 5;

  /** Articles in the "Les plus commentés cette semaine" block, and the days it counts. */
  static final int MOST_DISCUSSED = 5;

  static final int DISCUSSED_DAYS = 7;

  @Inject private CommentService comments;
  @Inject private ModerationService discussions;
  @Inject private FrontPageService frontPage;

  /** Articles « À la une » shown at most: the lead story and five more. */
  static final int FEATURED = 6;

  private List<LatestComment> latestComments = List.of();
  private Map<Long, ArticleSummary> commentedArticles = Map.of();
  private List<DiscussedArticle> mostDiscussed = List.of();
  private List<ArticleSummary> featured = List.of();

  public void load() {
    if (show("/", n -> articles.latest(n, PAGE_SIZE))) {
      if (getPage().number() == 1) {
        featured = frontPage.featured(FEATURED);
      }
      String tagline = site.getTagline();
      meta.setTitle(titled(tagline.isEmpty() ? site.getName() : site.getName() + " – " + tagline));
      meta.setDescription(site.getDescription());
      List<LatestComment> latest = comments.latest(null, LATEST_COMMENTS);
      List<DiscussedArticle> discussed = discussions.mostDiscussed(DISCUSSED_DAYS, MOST_DISCUSSED);
      List<Long> ids = new ArrayList<>();
      latest.forEach(c -> ids.add(c.articleId()));
      discussed.forEach(d -> ids.add(d.articleId()));
      commentedArticles = articles.readableSummaries(ids);
      latestComments =
          latest.stream().filter(c -> commentedArticles.containsKey(c.articleId())).toList();
      mostDiscussed =
          discussed.stream().filter(d -> commentedArticles.containsKey(d.articleId())).toList();
    }
  }

  /** The newest approved comments of the site, with their articles (one query each). */
  public List<LatestComment> getLatestComments() {
    return latestComments;
  }

  /** The articles « À la une » (page 1 only): the first is the lead story. */
  public List<ArticleSummary> getFeatured() {
    return featured;
  }

  /** The published articles with the most approved comments of the last seven days. */
  public List<DiscussedArticle> getMostDiscussed() {
    return mostDiscussed;
  }

  public ArticleSummary commentedArticle(long articleId) {
    return commentedArticles.get(articleId);
  }
}
