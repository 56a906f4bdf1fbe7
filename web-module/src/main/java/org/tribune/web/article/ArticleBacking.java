package org.tribune.web.article;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.ArticleView;
import org.tribune.articles.api.AuthorRef;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRendition;
import org.tribune.articles.api.TagRef;
import org.tribune.web.cache.PageCacheFilter;
import org.tribune.web.discussion.DiscussionBacking;
import org.tribune.web.media.Images;
import org.tribune.web.site.Links;
import org.tribune.web.site.PageMeta;
import org.tribune.web.site.Requests;
import org.tribune.web.site.SiteSettings;

/**
 * Backs {@code /articles/{slug}} and the pages at the root ({@code /a-propos/equipe}). A former
 * slug or path answers 301 to the current address, and a page asked for at {@code /articles/{slug}}
 * (where its discussion's addresses are) answers 301 to its path; drafts, content scheduled for
 * later and unknown addresses answer 404.
 */
@Named
@RequestScoped
public class ArticleBacking {
  /**
   * One factory for the class: {@code Json.createObjectBuilder()} looks the JSON provider up on
   * each call (a service loader scan, a tenth of an article page's rendering).
   */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  @Inject private ArticleService articles;
  @Inject private DiscussionBacking discussion;
  @Inject private PageMeta meta;
  @Inject private SiteSettings site;
  @Inject private Links links;
  @Inject private Images images;

  private ArticleView view;

  public void load() {
    String path = Requests.routeParameter("path");
    String slug = Requests.routeParameter("slug");
    Optional<ArticleView> found =
        path != null ? articles.findReadablePage(path) : articles.findReadable(slug);
    if (found.isEmpty()) {
      Optional<String> current =
          path != null
              ? articles.currentPagePath(path).map(p -> "/" + p)
              : articles.currentSlug(slug).map(s -> "/articles/" + s);
      if (current.isPresent()) {
        Requests.movedPermanently(current.get() + Requests.query());
      } else {
        Requests.fail(HttpServletResponse.SC_NOT_FOUND);
      }
      return;
    }
    view = found.get();
    ArticleSummary article = view.summary();
    if (path == null && article.isPage()) {
      // The discussion's addresses name a page by its slug; the page itself lives at its path.
      Requests.movedPermanently(Links.sitePath(article) + Requests.query());
      return;
    }
    meta.setTitle(article.title() + " – " + site.getName());
    meta.setDescription(article.standfirst().isEmpty() ? article.title() : article.standfirst());
    meta.setCanonicalPath(Links.sitePath(article));
    meta.setType(article.isPage() ? "website" : "article");
    MediaItem lead = images.lead(article);
    if (lead != null) {
      MediaRendition sharing = images.sharing(lead);
      meta.setImage(links.absolute(sharing.path()), lead.alt(), sharing.width(), sharing.height());
    } else {
      meta.setImage(article.leadImageUrl(), article.leadImageAlt());
    }
    meta.setJsonLd(jsonLd());
    if (isDiscussionShown()) {
      discussion.load(article);
    } else {
      // A page without discussion changes with the site's content only, never with comments.
      PageCacheFilter.articlePage(
          (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(),
          article.id());
    }
  }

  /** Whether the page shows the byline: always on an article, when turned on for a page. */
  public boolean isBylineShown() {
    return !view.isPage() || (view.page().showByline() && !view.summary().authors().isEmpty());
  }

  /** Whether the page shows its publication date: always on an article. */
  public boolean isDateShown() {
    return !view.isPage() || view.page().showDate();
  }

  /** Whether the page shows the share links: always on an article. */
  public boolean isShareShown() {
    return !view.isPage() || view.page().showShare();
  }

  /**
   * Whether the page shows a discussion: always on an article (closed or open), on a page while it
   * takes comments.
   */
  public boolean isDiscussionShown() {
    return !view.isPage() || view.summary().commentsOpen();
  }

  public ArticleView getView() {
    return view;
  }

  public ArticleSummary getArticle() {
    return view.summary();
  }

  /** Whether the article was changed after it was published. */
  public boolean isUpdated() {
    ArticleSummary article = view.summary();
    return article.updatedAt().isAfter(article.publishedAt().plusSeconds(60));
  }

  public String getPermalink() {
    return links.absolute(Links.sitePath(view.summary()));
  }

  public String getShareX() {
    return "https://x.com/intent/post?url="
        + links.encode(getPermalink())
        + "&text="
        + links.encode(view.summary().title());
  }

  public String getShareFacebook() {
    return "https://www.facebook.com/sharer/sharer.php?u=" + links.encode(getPermalink());
  }

  public String getShareLinkedIn() {
    return "https://www.linkedin.com/sharing/share-offsite/?url=" + links.encode(getPermalink());
  }

  /** Mastodon has no central server: the reader picks an instance on our own page. */
  public String getShareMastodon() {
    return links.path(
        "/share/mastodon?text=" + links.encode(view.summary().title() + " " + getPermalink()));
  }

  public String getShareEmail() {
    return "mailto:?subject="
        + links.encode(view.summary().title()).replace("+", "%20")
        + "&body="
        + links.encode(getPermalink()).replace("+", "%20");
  }

  private String jsonLd() {
    ArticleSummary article = view.summary();
    JsonArrayBuilder authors = JSON.createArrayBuilder();
    for (AuthorRef author : article.authors()) {
      authors.add(
          JSON.createObjectBuilder()
              .add("@type", "Person")
              .add("name", author.name())
              .add("url", links.absolute("/authors/" + author.slug())));
    }
    JsonObjectBuilder publisher =
        JSON.createObjectBuilder()
            .add("@type", "Organization")
            .add("name", site.getName())
            .add("url", links.absolute("/"));
    MediaItem logo = images.getLogo();
    if (logo != null) {
      MediaRendition mark = images.logoRendition(logo);
      publisher.add(
          "logo",
          JSON.createObjectBuilder()
              .add("@type", "ImageObject")
              .add("url", links.absolute(mark.path()))
              .add("width", mark.width())
              .add("height", mark.height()));
    }
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("@context", "https://schema.org")
            .add("@type", article.isPage() ? "WebPage" : "NewsArticle")
            .add("headline", article.title())
            .add("description", article.standfirst())
            .add("inLanguage", site.getLocale().toLanguageTag())
            .add("mainEntityOfPage", getPermalink())
            .add("url", getPermalink())
            .add("datePublished", site.iso(article.publishedAt()))
            .add("dateModified", site.iso(article.updatedAt()))
            .add("publisher", publisher);
    if (isBylineShown()) {
      json.add("author", authors);
    }
    if (article.section() != null) {
      json.add("articleSection", article.section().name());
    }
    if (!view.tags().isEmpty()) {
      json.add("keywords", String.join(", ", view.tags().stream().map(TagRef::name).toList()));
    }
    MediaItem lead = images.lead(article);
    if (lead != null) {
      json.add("image", links.absolute(images.sharing(lead).path()));
    } else if (article.leadImageUrl() != null) {
      json.add("image", article.leadImageUrl());
    }
    return json.build().toString();
  }
}
