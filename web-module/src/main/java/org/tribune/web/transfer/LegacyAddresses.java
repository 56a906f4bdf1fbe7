package org.tribune.web.transfer;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribune.articles.api.ArticleKey;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleTransferService;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.TagService;
import org.tribune.web.feed.CommentFeeds;
import org.tribune.web.transfer.ImportLinks.Kind;
import org.tribune.web.transfer.ImportLinks.Link;

/**
 * Keeps an imported WordPress site's addresses alive: each answers a 301 to where the same thing is
 * now. {@code /?p={id}}, {@code /?page_id={id}}, {@code /?cat={id}}, {@code /?tag={slug}}, {@code
 * /?author={id}}, {@code /?paged={n}}, {@code /?s={terms}}, {@code /?m={yyyymm}}; the post's or
 * page's old permalink whatever its structure ({@code /{yyyy}/{mm}/{dd}/{slug}/}, {@code /{slug}/},
 * {@code /{parent}/{page}/}…, found by its path, else by its slug), {@code /category/…/{slug}/},
 * {@code /tag/{slug}/}, {@code /author/{login}/}, each with {@code /page/{n}/}, the feeds ({@code
 * /feed/}, {@code /comments/feed/}, a category's feed), and the archives {@code /{yyyy}/}, {@code
 * /{yyyy}/{mm}/} and {@code /{yyyy}/{mm}/{dd}/} (that day's month). An old comment anchor ({@code
 * #comment-{id}}) never reaches the server: the redirect to an article sets a short cookie, and the
 * article page's script then asks {@code /comments/legacy/{id}} for the comment's new place.
 *
 * <p>Runs before the {@code Router}; looks only at addresses shaped like WordPress ones and only
 * when something was ever imported, so the site's own pages cost nothing more.
 */
@WebFilter(filterName = "LegacyAddresses")
public class LegacyAddresses extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** Set for a few seconds on a redirect to an article, read (and cleared) by its script. */
  public static final String COOKIE = "tribune-legacy";

  static final String LEGACY_COMMENTS = "/comments/legacy/";

  /** A WordPress id: a post's, a category's, an author's. */
  static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

  private static final Pattern MONTH = Pattern.compile("/(\\d{4})/(\\d{2})(?:/\\d{2})?/?");
  private static final Pattern YEAR = Pattern.compile("/(\\d{4})/?");
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})(\\d{2})\\d{0,8}");
  private static final Pattern DATED = Pattern.compile("/\\d{4}/\\d{2}(?:/\\d{2})?/([^/]+)/?");
  private static final Pattern TAXONOMY = Pattern.compile("/(category|tag|author)/(.+?)/?");
  private static final int LONGEST = ImportLinks.PATH_LENGTH;

  @Inject private ImportLinks links;
  @Inject private ArticleTransferService articles;
  @Inject private SectionService sections;
  @Inject private TagService tags;
  @Inject private AuthorService authors;
  @Inject private ImportedSites imported;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")
        || path.length() > LONGEST
        || !looksLegacy(path, request.getQueryString())
        || !imported.any()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> target;
    try {
      target = target(path, request.getQueryString());
    } catch (IllegalArgumentException e) {
      target = Optional.empty();
    }
    if (target.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String location = request.getContextPath() + target.get();
    if (target.get().startsWith("/articles/")) {
      Cookie cookie = new Cookie(COOKIE, "1");
      cookie.setPath(request.getContextPath() + target.get());
      cookie.setMaxAge(30);
      response.addCookie(cookie);
    }
    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
    response.setHeader("Location", location);
    response.setHeader("Cache-Control", "public, max-age=3600");
  }

  private static boolean looksLegacy(String path, String query) {
    if (path.equals("/")) {
      return query != null
          && (query.contains("p=")
              || query.contains("page_id=")
              || query.contains("feed=")
              || query.contains("cat=")
              || query.contains("tag=")
              || query.contains("author=")
              || query.contains("paged=")
              || query.contains("s=")
              || query.contains("m="));
    }
    if (path.startsWith("/admin")
        || path.startsWith("/api/")
        || path.startsWith("/jakarta.faces")) {
      return false;
    }
    return path.endsWith("/")
        || path.equals("/feed")
        || path.startsWith("/category/")
        || path.startsWith("/tag/")
        || path.startsWith("/author/")
        || MONTH.matcher(path).matches()
        || DATED.matcher(decode(path)).matches();
  }

  /** Where an old address is now: a site path, or empty (it then goes on to a 404). */
  Optional<String> target(String rawPath, String query) {
    if (rawPath.equals("/")) {
      return fromQuery(query);
    }
    String path = normalisePath(rawPath);
    List<String> segments = new ArrayList<>(Arrays.asList(path.substring(1).split("/")));
    boolean feed = false;
    if (!segments.isEmpty() && segments.get(segments.size() - 1).equals("feed")) {
      segments.remove(segments.size() - 1);
      feed = true;
    } else if (segments.size() >= 2 && segments.get(segments.size() - 2).equals("feed")) {
      segments.remove(segments.size() - 1);
      segments.remove(segments.size() - 1);
      feed = true;
    }
    if (feed) {
      return feed(segments);
    }
    // A listing's further page: /page/2/, /category/culture/page/3/.
    if (segments.size() >= 2
        && segments.get(segments.size() - 2).equals("page")
        && segments.get(segments.size() - 1).matches("[1-9]\\d{0,5}")) {
      int pageNumber = Integer.parseInt(segments.remove(segments.size() - 1));
      segments.remove(segments.size() - 1);
      Optional<String> listing =
          segments.isEmpty() ? Optional.of("/") : listing("/" + String.join("/", segments) + "/");
      return listing.map(l -> pageNumber > 1 ? l + "?page=" + pageNumber : l);
    }
    Optional<Link> byPath = links.findByPath(path);
    if (byPath.isPresent()) {
      return article(byPath.get().targetId());
    }
    // Strip what WordPress adds after a permalink: comment pages, AMP, embeds, trackback.
    while (segments.size() > 1) {
      String last = segments.get(segments.size() - 1);
      if (last.matches("comment-page-\\d+|amp|embed|trackback|attachment")) {
        segments.remove(segments.size() - 1);
        continue;
      }
      break;
    }
    String joined = "/" + String.join("/", segments) + "/";
    if (!joined.equals(path)) {
      Optional<Link> stripped = links.findByPath(joined);
      if (stripped.isPresent()) {
        return article(stripped.get().targetId());
      }
    }
    if (TAXONOMY.matcher(joined).matches()
        || MONTH.matcher(joined).matches()
        || YEAR.matcher(joined).matches()) {
      return listing(joined);
    }
    String slug = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    if (slug.isEmpty()) {
      return Optional.empty();
    }
    Optional<Link> bySlug = links.findBySlug(Kind.POST, slug);
    if (bySlug.isEmpty()) {
      bySlug = links.findBySlug(Kind.PAGE, slug);
    }
    return bySlug.flatMap(l -> article(l.targetId()));
  }

  /**
   * The list an old listing's address (ending with a slash) shows now: a category, tag or author, a
   * year, month or day (its month). Empty when it is none of them.
   */
  private Optional<String> listing(String path) {
    Matcher taxonomy = TAXONOMY.matcher(path);
    if (taxonomy.matches()) {
      String[] parts = taxonomy.group(2).split("/");
      String slug = parts[parts.length - 1];
      return switch (taxonomy.group(1)) {
        case "category" -> section(slug, false);
        case "tag" ->
            links
                .findBySlug(Kind.TAG, slug)
                .flatMap(l -> tags.find(l.targetId()))
                .map(t -> "/tags/" + t.slug());
        default ->
            links
                .findBySlug(Kind.AUTHOR, slug)
                .flatMap(l -> authors.find(l.targetId()))
                .map(a -> "/authors/" + a.slug());
      };
    }
    Matcher month = MONTH.matcher(path);
    if (month.matches()) {
      return archive(month.group(1), month.group(2));
    }
    Matcher year = YEAR.matcher(path);
    if (year.matches()) {
      return archive(year.group(1), null);
    }
    return Optional.empty();
  }

  private static Optional<String> archive(String year, String month) {
    if (month == null) {
      return Optional.of("/archives/" + year);
    }
    int m = Integer.parseInt(month);
    return m >= 1 && m <= 12 ? Optional.of("/archives/" + year + "/" + month) : Optional.empty();
  }

  private Optional<String> fromQuery(String query) {
    if (query == null) {
      return Optional.empty();
    }
    String p = parameter(query, "p");
    if (p != null && NUMBER.matcher(p).matches()) {
      Optional<Link> post = links.findAnySource(Kind.POST, p);
      if (post.isEmpty()) {
        post = links.findAnySource(Kind.PAGE, p);
      }
      return post.flatMap(l -> article(l.targetId()));
    }
    String page = parameter(query, "page_id");
    if (page != null && NUMBER.matcher(page).matches()) {
      return links.findAnySource(Kind.PAGE, page).flatMap(l -> article(l.targetId()));
    }
    String feed = parameter(query, "feed");
    if (feed != null) {
      return Optional.of(feed.startsWith("comments") ? CommentFeeds.SITE_FEED : "/feed.atom");
    }
    String cat = parameter(query, "cat");
    if (cat != null && NUMBER.matcher(cat).matches()) {
      return links
          .findAnySource(Kind.TERM_ID, cat)
          .flatMap(l -> sections.all().stream().filter(s -> s.id() == l.targetId()).findFirst())
          .map(s -> "/sections/" + s.slug());
    }
    String tag = parameter(query, "tag");
    if (tag != null && !tag.isBlank()) {
      return links
          .findBySlug(Kind.TAG, tag.strip())
          .flatMap(l -> tags.find(l.targetId()))
          .map(t -> "/tags/" + t.slug());
    }
    String author = parameter(query, "author");
    if (author != null && NUMBER.matcher(author).matches()) {
      return links
          .findAnySource(Kind.USER_ID, author)
          .flatMap(l -> authors.find(l.targetId()))
          .map(a -> "/authors/" + a.slug());
    }
    String m = parameter(query, "m");
    if (m != null) {
      Matcher yearMonth = YEAR_MONTH.matcher(m);
      if (yearMonth.matches()) {
        return archive(yearMonth.group(1), yearMonth.group(2));
      }
      return m.matches("\\d{4}") ? archive(m, null) : Optional.empty();
    }
    String terms = parameter(query, "s");
    if (terms != null) {
      return Optional.of(
          terms.isBlank()
              ? "/search"
              : "/search?q=" + java.net.URLEncoder.encode(terms.strip(), StandardCharsets.UTF_8));
    }
    String paged = parameter(query, "paged");
    if (paged != null && paged.matches("[1-9]\\d{0,5}")) {
      return Optional.of(paged.equals("1") ? "/" : "/?page=" + paged);
    }
    return Optional.empty();
  }

  private Optional<String> feed(List<String> segments) {
    if (segments.isEmpty()) {
      return Optional.of("/feed.atom");
    }
    if (segments.size() == 1 && segments.get(0).equals("comments")) {
      return Optional.of(CommentFeeds.SITE_FEED);
    }
    if (segments.get(0).equals("category") && segments.size() >= 2) {
      return section(segments.get(segments.size() - 1), true);
    }
    Optional<Link> post = links.findByPath("/" + String.join("/", segments) + "/");
    if (post.isEmpty()) {
      post = links.findBySlug(Kind.POST, segments.get(segments.size() - 1));
    }
    return post.flatMap(l -> articles.key(l.targetId()))
        .filter(LegacyAddresses::readable)
        .map(key -> "/articles/" + key.slug() + "/comments.atom");
  }

  private Optional<String> section(String slug, boolean feed) {
    return links
        .findBySlug(Kind.SECTION, slug)
        .flatMap(link -> sections.all().stream().filter(s -> s.id() == link.targetId()).findFirst())
        .map(s -> "/sections/" + s.slug() + (feed ? "/feed.atom" : ""));
  }

  private Optional<String> article(long id) {
    return articles.key(id).filter(LegacyAddresses::readable).map(ArticleKey::sitePath);
  }

  private static boolean readable(ArticleKey key) {
    return key.status() == ArticleStatus.PUBLISHED || key.status() == ArticleStatus.ARCHIVED;
  }

  /** A query's parameter, decoded as forms encode them ({@code +} a space), or null. */
  private static String parameter(String query, String name) {
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        try {
          return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return pair.substring(equals + 1);
        }
      }
    }
    return null;
  }

  /**
   * An address path as the import stores it: percent-decoded (UTF-8), lower case, ending with a
   * slash, so that {@code /2017/10/%C3%A9t%C3%A9} and {@code /2017/10/été/} are the same.
   */
  static String normalisePath(String rawPath) {
    String path = decode(rawPath).toLowerCase(java.util.Locale.ROOT);
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    return path.endsWith("/") ? path : path + "/";
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
