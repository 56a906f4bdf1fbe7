package org.tribune.web.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.FrontPageService;
import org.tribune.articles.api.Section;
import org.tribune.articles.api.SectionService;
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
  private List<SectionBlock> sectionBlocks = List.of();

  @Inject private SectionService sectionService;

  /** A section the console puts on the home page, with its latest articles. */
  public record SectionBlock(Section section, List<ArticleSummary> articles) {}

  public void load() {
    if (show("/", n -> articles.latest(n, PAGE_SIZE))) {
      if (getPage().number() == 1) {
        featured = frontPage.featured(FEATURED);
        sectionBlocks = sectionBlocks(HomeLayout.of(site));
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

  /**
   * The sections chosen in the console, in their order, each with its latest articles (its
   * sub-sections' included) but those already « À la une »; a section deleted since, or with no
   * article, is left out. Two statements a section, on page 1 only.
   */
  private List<SectionBlock> sectionBlocks(HomeLayout layout) {
    if (layout.sections().isEmpty()) {
      return List.of();
    }
    Map<String, Section> bySlug = new HashMap<>();
    for (Section top : sectionService.topSections()) {
      bySlug.put(top.slug(), top);
    }
    Set<Long> shown = new HashSet<>();
    featured.forEach(f -> shown.add(f.id()));
    List<SectionBlock> blocks = new ArrayList<>();
    for (String slug : layout.sections()) {
      Section section = bySlug.get(slug);
      if (section == null) {
        section = sectionService.findBySlug(slug).orElse(null);
      }
      if (section == null) {
        continue;
      }
      List<ArticleSummary> latest =
          articles.inSection(section.id(), 1, layout.perSection() + shown.size()).items().stream()
              .filter(a -> !shown.contains(a.id()))
              .limit(layout.perSection())
              .toList();
      if (!latest.isEmpty()) {
        blocks.add(new SectionBlock(section, latest));
      }
    }
    return blocks;
  }

  /** The sections the console puts after « À la une » (page 1 only). */
  public List<SectionBlock> getSectionBlocks() {
    return sectionBlocks;
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
