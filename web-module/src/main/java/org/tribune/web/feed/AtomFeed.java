package org.tribune.web.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.tribune.articles.api.ArticleContent;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.AuthorRef;
import org.tribune.articles.api.TagRef;
import org.tribune.comments.api.LatestComment;

/**
 * Builds an Atom 1.0 feed (RFC 4287) of articles with their full bodies, using Rome.
 *
 * <p>Entry ids are tag URIs (RFC 4151) made of the site's host, the year of publication and the
 * article's id, never of its slug or title: editing those must not make feed readers show the
 * article a second time. The feed's own id is its address.
 */
final class AtomFeed {
  static final String MEDIA_TYPE = "application/atom+xml";
  private static final String HTML_PAGE = "text/html";

  private final String siteName;
  private final String language;
  private final UnaryOperator<String> absolute;
  private final String host;

  /**
   * @param language the {@code xml:lang} of the feed ({@code fr})
   * @param absolute turns a site path ({@code /articles/x}) into an absolute URL
   */
  AtomFeed(String siteName, String language, UnaryOperator<String> absolute) {
    this.siteName = siteName;
    this.language = language;
    this.absolute = absolute;
    this.host = hostOf(absolute.apply("/"));
  }

  /**
   * The feed of these articles, newest first as given.
   *
   * @param now the feed's {@code updated} when it has no entry
   */
  Feed build(FeedScope scope, List<ArticleContent> articles, Instant now) {
    Feed feed = feed(scope);

    Instant updated = null;
    List<Entry> entries = new ArrayList<>();
    for (ArticleContent article : articles) {
      Instant entryUpdated = updated(article.summary());
      entries.add(entry(article, entryUpdated));
      if (updated == null || entryUpdated.isAfter(updated)) {
        updated = entryUpdated;
      }
    }
    feed.setEntries(entries);
    feed.setUpdated(Date.from(updated == null ? now : updated));
    return feed;
  }

  /**
   * A feed of comments, newest first as given; comments whose article is not in {@code articles}
   * (no longer readable) are left out.
   *
   * @param entryTitle the title of an entry from the author's name and the article's title
   */
  Feed buildComments(
      FeedScope scope,
      List<LatestComment> comments,
      Map<Long, ArticleSummary> articles,
      BinaryOperator<String> entryTitle,
      Instant now) {
    Feed feed = feed(scope);
    Instant updated = null;
    List<Entry> entries = new ArrayList<>();
    for (LatestComment comment : comments) {
      ArticleSummary article = articles.get(comment.articleId());
      if (article == null) {
        continue;
      }
      Instant entryUpdated = comment.editedAt() != null ? comment.editedAt() : comment.createdAt();
      String permalink =
          absolute.apply("/articles/" + article.slug() + "/comments/" + comment.id());
      Entry entry = new Entry();
      entry.setId(
          host == null
              ? permalink
              : "tag:"
                  + host
                  + ","
                  + comment.createdAt().atZone(ZoneOffset.UTC).getYear()
                  + ":comments/"
                  + comment.id());
      entry.setTitleEx(text(entryTitle.apply(comment.authorName(), article.title())));
      entry.setAlternateLinks(list(link("alternate", HTML_PAGE, permalink)));
      entry.setPublished(Date.from(comment.createdAt()));
      entry.setUpdated(Date.from(entryUpdated));
      entry.setAuthors(list(person(comment.authorName(), null)));
      Content body = new Content();
      body.setType(Content.HTML);
      body.setValue(comment.bodyHtml());
      entry.setContents(list(body));
      entries.add(entry);
      if (updated == null || entryUpdated.isAfter(updated)) {
        updated = entryUpdated;
      }
    }
    feed.setEntries(entries);
    feed.setUpdated(Date.from(updated == null ? now : updated));
    return feed;
  }

  /** A feed without entries: its id, title, links, language and stand-in author. */
  private Feed feed(FeedScope scope) {
    Feed feed = new Feed("atom_1.0");
    feed.setEncoding(StandardCharsets.UTF_8.name());
    feed.setLanguage(language);
    feed.setId(absolute.apply(scope.feedPath()));
    feed.setTitleEx(text(scope.title()));
    if (!isBlank(scope.subtitle())) {
      feed.setSubtitle(text(scope.subtitle()));
    }
    feed.setAlternateLinks(list(link("alternate", HTML_PAGE, absolute.apply(scope.pagePath()))));
    feed.setOtherLinks(list(link("self", MEDIA_TYPE, feed.getId())));
    // Entries name their own authors; this one only stands for an entry that would have none.
    feed.setAuthors(list(person(siteName, absolute.apply("/"))));
    return feed;
  }

  /**
   * The feed as an XML document, text kept exactly as given (a {@code <pre>} keeps its spaces),
   * with the feed's language as {@code xml:lang}, which Rome does not write for Atom.
   */
  static String xml(Feed feed) {
    try {
      Document document = new WireFeedOutput().outputJDom(feed);
      if (feed.getLanguage() != null) {
        document.getRootElement().setAttribute("lang", feed.getLanguage(), Namespace.XML_NAMESPACE);
      }
      return new XMLOutputter(Format.getRawFormat().setEncoding(StandardCharsets.UTF_8.name()))
          .outputString(document);
    } catch (FeedException e) {
      throw new IllegalStateException("Rome cannot write this Atom feed", e);
    }
  }

  /** The tag URI of an article: {@code tag:example.org,2026:articles/42}. */
  String entryId(ArticleSummary article) {
    Instant published = article.publishedAt() != null ? article.publishedAt() : updated(article);
    int year = published.atZone(ZoneOffset.UTC).getYear();
    return host == null
        ? absolute.apply("/articles/" + article.slug())
        : "tag:" + host + "," + year + ":articles/" + article.id();
  }

  private Entry entry(ArticleContent content, Instant updated) {
    ArticleSummary article = content.summary();
    String permalink = absolute.apply("/articles/" + article.slug());
    Entry entry = new Entry();
    // Relative links in the body then resolve as they do on the article's page.
    entry.setXmlBase(permalink);
    entry.setId(entryId(article));
    entry.setTitleEx(text(article.title()));
    entry.setAlternateLinks(list(link("alternate", HTML_PAGE, permalink)));
    if (article.publishedAt() != null) {
      entry.setPublished(Date.from(article.publishedAt()));
    }
    entry.setUpdated(Date.from(updated));
    List<SyndPerson> authors = new ArrayList<>();
    for (AuthorRef author : article.authors()) {
      authors.add(person(author.name(), absolute.apply("/authors/" + author.slug())));
    }
    entry.setAuthors(authors);
    List<Category> categories = new ArrayList<>();
    if (article.section() != null) {
      categories.add(category(article.section().name(), absolute.apply("/sections/")));
    }
    for (TagRef tag : content.tags()) {
      categories.add(category(tag.name(), absolute.apply("/tags/")));
    }
    entry.setCategories(categories);
    if (!isBlank(article.standfirst())) {
      entry.setSummary(text(article.standfirst()));
    }
    Content body = new Content();
    body.setType(Content.HTML);
    body.setValue(content.bodyHtml());
    entry.setContents(list(body));
    return entry;
  }

  /**
   * When readers should consider the entry changed: its last edit, or its publication when that
   * came later (an article scheduled after its last edit).
   */
  private static Instant updated(ArticleSummary article) {
    Instant edited = article.updatedAt();
    Instant published = article.publishedAt();
    if (edited == null) {
      return published;
    }
    return published != null && published.isAfter(edited) ? published : edited;
  }

  /** The host name of the site's address, or {@code null} when it has none a tag URI accepts. */
  static String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null || host.startsWith("[") ? null : host.toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Content text(String value) {
    Content content = new Content();
    content.setType(Content.TEXT);
    content.setValue(value);
    return content;
  }

  private static Link link(String rel, String type, String href) {
    Link link = new Link();
    link.setRel(rel);
    link.setType(type);
    link.setHref(href);
    return link;
  }

  private static Person person(String name, String uri) {
    Person person = new Person();
    person.setName(name);
    person.setUri(uri);
    return person;
  }

  private static Category category(String term, String scheme) {
    Category category = new Category();
    category.setTerm(term);
    category.setScheme(scheme);
    return category;
  }

  private static <T> List<T> list(T item) {
    List<T> list = new ArrayList<>();
    list.add(item);
    return list;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
