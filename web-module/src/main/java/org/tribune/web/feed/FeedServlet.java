package org.tribune.web.feed;

import com.rometools.rome.feed.atom.Feed;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribune.articles.api.ArticleContent;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.Section;
import org.tribune.articles.api.SectionService;
import org.tribune.web.site.Links;
import org.tribune.web.site.SiteSettings;

/**
 * The Atom feeds: {@code /feed.atom} for the whole site, {@code /sections/{slug}/feed.atom} for a
 * section and its sub-sections. The section pages themselves ({@code /sections/{slug}}) never reach
 * this servlet: the {@link org.tribune.web.site.Router} forwards them to their view first, so
 * anything else under {@code /sections/} is answered 404 here.
 */
@WebServlet(
    name = "Feeds",
    urlPatterns = {FeedServlet.SITE_FEED, "/sections/*"})
public class FeedServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String SITE_FEED = "/feed.atom";

  /** Entries in a feed: the newest listed articles. */
  static final int SIZE = 20;

  private static final Pattern SECTION_FEED =
      Pattern.compile("/([a-z0-9]+(?:-[a-z0-9]+)*)/feed\\.atom");

  @Inject private transient ArticleService articles;
  @Inject private transient SectionService sections;
  @Inject private transient SiteSettings site;
  @Inject private transient Links links;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    FeedScope scope;
    Long sectionId;
    if (SITE_FEED.equals(request.getServletPath())) {
      scope =
          new FeedScope(site.getName(), site.messages().getString("site.tagline"), "/", SITE_FEED);
      sectionId = null;
    } else {
      Section section = section(request.getPathInfo());
      if (section == null) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      scope =
          new FeedScope(
              title(site.messages(), section.name(), site.getName()),
              section.description().isBlank()
                  ? site.messages().getString("site.tagline")
                  : section.description(),
              "/sections/" + section.slug(),
              feedPath(section.slug()));
      sectionId = section.id();
    }
    List<ArticleContent> items = articles.feed(sectionId, SIZE);
    AtomFeed atom = new AtomFeed(site.getName(), site.getLanguage(), links::absolute);
    Feed feed = atom.build(scope, items, Instant.now());
    CachedResponse.send(
        request,
        response,
        AtomFeed.MEDIA_TYPE + "; charset=UTF-8",
        AtomFeed.xml(feed).getBytes(StandardCharsets.UTF_8),
        feed.getUpdated().toInstant());
  }

  /** The site path of a section's feed. */
  public static String feedPath(String sectionSlug) {
    return "/sections/" + sectionSlug + SITE_FEED;
  }

  /** The title of a section's feed, as its page names it too: "Culture – Tribune". */
  public static String title(ResourceBundle messages, String sectionName, String siteName) {
    return MessageFormat.format(messages.getString("feed.section-title"), sectionName, siteName);
  }

  private Section section(String pathInfo) {
    Matcher matcher = SECTION_FEED.matcher(pathInfo == null ? "" : pathInfo);
    return matcher.matches() ? sections.findBySlug(matcher.group(1)).orElse(null) : null;
  }
}
