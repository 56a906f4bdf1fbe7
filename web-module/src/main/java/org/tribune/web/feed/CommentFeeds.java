package org.tribune.web.feed;

import com.rometools.rome.feed.atom.Feed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.LatestComment;
import org.tribune.web.site.Links;
import org.tribune.web.site.SiteSettings;

/**
 * The Atom feeds of comments: {@value #SITE_FEED}, the latest approved comments of the site (served
 * by {@link CommentFeedServlet}); {@code /articles/{slug}/comments.atom}, those of one article
 * (served by the discussion's servlet, which owns the addresses under {@code /articles/}).
 */
@ApplicationScoped
public class CommentFeeds {
  public static final String SITE_FEED = "/comments.atom";

  /** Entries in a comment feed. */
  static final int SIZE = 30;

  @Inject private ArticleService articles;
  @Inject private CommentService comments;
  @Inject private SiteSettings site;
  @Inject private Links links;

  /** Answers the comment feed of the whole site. */
  public void site(HttpServletRequest request, HttpServletResponse response) throws IOException {
    List<LatestComment> latest = comments.latest(null, SIZE);
    Map<Long, ArticleSummary> titles =
        articles.readableSummaries(latest.stream().map(LatestComment::articleId).toList());
    ResourceBundle messages = site.messages();
    FeedScope scope =
        new FeedScope(
            MessageFormat.format(messages.getString("feed.comments-title"), site.getName()),
            messages.getString("site.tagline"),
            "/",
            SITE_FEED);
    send(request, response, scope, latest, titles);
  }

  /** Answers the comment feed of one readable article. */
  public void article(
      HttpServletRequest request, HttpServletResponse response, ArticleSummary article)
      throws IOException {
    List<LatestComment> latest = comments.latest(article.id(), SIZE);
    FeedScope scope =
        new FeedScope(
            MessageFormat.format(
                site.messages().getString("feed.article-comments-title"), article.title()),
            site.getName(),
            "/articles/" + article.slug(),
            articleFeedPath(article.slug()));
    send(request, response, scope, latest, Map.of(article.id(), article));
  }

  /** The site path of an article's comment feed. */
  public static String articleFeedPath(String slug) {
    return "/articles/" + slug + "/comments.atom";
  }

  private void send(
      HttpServletRequest request,
      HttpServletResponse response,
      FeedScope scope,
      List<LatestComment> latest,
      Map<Long, ArticleSummary> titles)
      throws IOException {
    String entryTitle = site.messages().getString("feed.comment-entry-title");
    AtomFeed atom = new AtomFeed(site.getName(), site.getLanguage(), links::absolute);
    Feed feed =
        atom.buildComments(
            scope,
            latest,
            titles,
            (author, title) -> MessageFormat.format(entryTitle, author, title),
            Instant.now());
    CachedResponse.send(
        request,
        response,
        AtomFeed.MEDIA_TYPE + "; charset=UTF-8",
        AtomFeed.xml(feed).getBytes(StandardCharsets.UTF_8),
        feed.getUpdated().toInstant());
  }
}
