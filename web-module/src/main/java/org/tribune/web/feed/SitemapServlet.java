package org.tribune.web.feed;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.Author;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.Section;
import org.tribune.articles.api.SectionRef;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.SitemapEntry;
import org.tribune.web.site.Links;

/**
 * {@code /sitemap.xml}: the home page, section and author pages, and every readable article with
 * the instant it last changed. Only articles have a {@code lastmod}: a list page changes whenever
 * an article is added, which no date here would say truly.
 */
@WebServlet(name = "Sitemap", urlPatterns = SitemapServlet.PATH)
public class SitemapServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String PATH = "/sitemap.xml";

  @Inject private transient ArticleService articles;
  @Inject private transient SectionService sections;
  @Inject private transient AuthorService authors;
  @Inject private transient Links links;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    List<Sitemap.Url> urls = new ArrayList<>();
    urls.add(new Sitemap.Url(links.absolute("/"), null));
    for (Section section : sections.topSections()) {
      urls.add(new Sitemap.Url(links.absolute("/sections/" + section.slug()), null));
      for (SectionRef child : section.children()) {
        urls.add(new Sitemap.Url(links.absolute("/sections/" + child.slug()), null));
      }
    }
    for (Author author : authors.all()) {
      urls.add(new Sitemap.Url(links.absolute("/authors/" + author.slug()), null));
    }
    Instant newest = null;
    for (SitemapEntry article : articles.sitemap()) {
      urls.add(
          new Sitemap.Url(
              links.absolute(
                  article.pagePath() == null
                      ? "/articles/" + article.slug()
                      : "/" + article.pagePath()),
              article.lastModified()));
      if (article.lastModified() != null
          && (newest == null || article.lastModified().isAfter(newest))) {
        newest = article.lastModified();
      }
    }
    CachedResponse.send(
        request, response, Sitemap.MEDIA_TYPE + "; charset=UTF-8", Sitemap.xml(urls), newest);
  }
}
