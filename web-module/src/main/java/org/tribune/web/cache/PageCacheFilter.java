package org.tribune.web.cache;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.tribune.web.site.HttpCaching;
import org.tribune.web.site.SiteAddresses;

/**
 * Serves the public pages to anonymous visitors from {@link PageCache}, and keeps the pages it
 * renders for them. Mapped in {@code web.xml} first of all, so that a kept page costs no more than
 * a key, a lookup and a write of its compressed bytes.
 *
 * <p>Kept: {@code GET} and {@code HEAD} of the home page, articles (and their discussion pages),
 * sections, tags, authors and archives, answered 200 with HTML. The key is the address and the
 * parameters that change the page ({@code page}, {@code cpage}, {@code sort}, and the order the
 * visitor's cookie remembers); campaign tags of shared links ({@code utm_*}, {@code fbclid}…) are
 * ignored; any other parameter means a page that is not kept (the no-script reply and edit forms,
 * an imported site's old addresses such as {@code /?p=12}, which {@code LegacyAddresses} answers
 * further down the chain). The scheme, host and port are part of the key, as pages may hold links
 * built from them. Never kept: anyone with a session (the console's staff), visitors with comments
 * of their own still editable or waiting for moderation, or whose name we remember (their pages
 * differ), the no-script reply and edit forms, and any page that set a session. A kept page is the
 * same for every reader, byte for byte: it holds no form token and sets no cookie ({@code
 * discussion.VisitorCookies.ownPage}). Which cookies are personal, and which one holds the order,
 * the discussion tells through {@link CookieRules}.
 *
 * <p>Answers carry a strong {@code ETag}, answered 304 when the client has the page, and {@code
 * Vary: Accept-Encoding}. {@code Cache-Control} is {@code public, max-age=0, s-maxage=N} ({@code
 * tribune.cache.shared-seconds}): a browser asks again each time, a shared cache in front (nginx, a
 * CDN) may answer for N seconds and then revalidate with the tag. A page whose order comes from the
 * visitor's sort cookie, or that sets it, is {@code private, no-cache}.
 *
 * <p>A discussion's state ({@code /articles/{slug}/comments/state}, the JSON the page's script
 * polls to announce new comments) is kept the same way — invalidated with its article's discussion,
 * served stale while one request reads it again — but under its address alone: it is the same for
 * every visitor whatever their cookies or parameters, so that polling readers never reach the
 * database more than once per change, and its {@code Cache-Control} lets browsers and shared caches
 * keep it {@code tribune.cache.state-seconds}.
 */
@WebFilter(filterName = "PageCache")
public class PageCacheFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The public addresses whose pages are kept; each matches one route of the router. */
  private static final Pattern KEPT =
      Pattern.compile(
          "/|/articles/[a-z0-9-]{1,200}(?:/comments)?|/(?:sections|tags|authors)/[a-z0-9-]{1,200}"
              + "|/archives/\\d{4}(?:/\\d{2})?");

  /** A discussion's state: kept for every visitor alike (see {@link #stateKey}). */
  private static final Pattern STATE = Pattern.compile("/articles/[a-z0-9-]{1,200}/comments/state");

  /** Parameters that change a page, in the order they enter the key. */
  private static final List<String> KEY_PARAMETERS = List.of("page", "cpage", "sort");

  /** Parameters that links shared on other sites carry and no page reads: left out of the key. */
  private static final Set<String> TRACKING_PARAMETERS =
      Set.of("fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "ref", "igshid");

  /** Pages rendered for one visitor smaller than this are sent as they are. */
  private static final int SMALLEST_COMPRESSED = 1024;

  /** How long a request waits for another one rendering the page it asks for. */
  private static final int WAIT_SECONDS = 5;

  /** Pages larger than this are sent as rendered, not kept. */
  private static final int LARGEST = 4 * 1024 * 1024;

  /** Request attribute: the article a page belongs to (see {@link #articlePage}). */
  private static final String SCOPE = PageCacheFilter.class.getName() + ".scope";

  /** Request attribute: set by a page that must not be kept. */
  private static final String PERSONAL = PageCacheFilter.class.getName() + ".personal";

  @Inject private transient PageCache cache;
  @Inject private transient SiteAddresses addresses;
  @Inject private transient CookieRules cookieRules;

  /**
   * Called by an article's page and its discussion's pages, which show nothing of the other
   * articles' discussions: a change in another discussion leaves them kept (see {@link PageCache}).
   * A page that does not call it is taken to show something of every article.
   */
  public static void articlePage(HttpServletRequest request, long articleId) {
    request.setAttribute(SCOPE, articleId);
  }

  /**
   * Called by a page that shows this visitor something of their own (a form token made for them):
   * it is not kept.
   */
  public static void personal(HttpServletRequest request) {
    request.setAttribute(PERSONAL, Boolean.TRUE);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String key = cache.enabled() ? key(request) : null;
    if (key == null) {
      if (compressible(request)) {
        renderCompressed(request, response, chain);
      } else {
        chain.doFilter(request, response);
      }
      if (changes(request) && response.getStatus() < HttpServletResponse.SC_BAD_REQUEST) {
        cache.invalidate();
      }
      return;
    }
    CachedPage page = cache.get(key);
    if (page != null) {
      serve(request, response, page);
      return;
    }
    // One request renders a missing or stale page; the others asking for it meanwhile are served
    // the stale page if it is recent enough, or wait for the new one instead of rendering it too
    // (a popular page expiring, the first requests after a change, a live discussion).
    CompletableFuture<CachedPage> mine = new CompletableFuture<>();
    CompletableFuture<CachedPage> other = cache.rendering(key, mine);
    if (other != null) {
      CachedPage stale = cache.stale(key);
      if (stale != null) {
        serve(request, response, stale);
        return;
      }
      // Begun before or while this request arrived: as fresh as a page rendered now would be,
      // but for changes made during its rendering, which the next rendering shows.
      CachedPage awaited = await(other);
      if (awaited != null && cache.servable(awaited)) {
        serve(request, response, awaited);
        return;
      }
      render(key, request, response, chain);
      return;
    }
    CachedPage rendered = null;
    try {
      rendered = render(key, request, response, chain);
    } finally {
      cache.rendered(key, mine, rendered);
    }
  }

  /**
   * Whether a public page that is not kept (rendered for a visitor with comments of their own, for
   * staff, or with a reply form) is sent compressed: a {@code GET} of one of the kept addresses by
   * a client that takes gzip.
   */
  private boolean compressible(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())
        || !HttpCaching.acceptsGzip(request.getHeader("Accept-Encoding"))) {
      return false;
    }
    return keptAddress(path(request));
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** Whether a path is one of the public addresses whose pages are kept (pages' paths too). */
  private boolean keptAddress(String path) {
    return path.length() <= 230 && (KEPT.matcher(path).matches() || addresses.isPagePath(path));
  }

  /** Renders a page that is not kept and sends its HTML gzip-compressed (level 6), once. */
  private static void renderCompressed(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    CapturingResponse capture = new CapturingResponse(response);
    chain.doFilter(request, capture);
    if (capture.diverted()) {
      return;
    }
    byte[] body = capture.body();
    if (htmlPage(response) && body.length >= SMALLEST_COMPRESSED) {
      ByteArrayOutputStream gzip = new ByteArrayOutputStream(body.length / 4);
      try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
        out.write(body);
      }
      response.setHeader("Content-Encoding", "gzip");
      response.addHeader("Vary", "Accept-Encoding");
      body = gzip.toByteArray();
    }
    sendAsIs(response, body);
  }

  /** Whether the response is a page: HTML, answered 200. */
  private static boolean htmlPage(HttpServletResponse response) {
    String contentType = response.getContentType();
    return response.getStatus() == HttpServletResponse.SC_OK
        && contentType != null
        && contentType.startsWith("text/html");
  }

  /** Whether the response is a discussion's state: JSON, answered 200. */
  private static boolean jsonAnswer(HttpServletResponse response) {
    String contentType = response.getContentType();
    return response.getStatus() == HttpServletResponse.SC_OK
        && contentType != null
        && contentType.startsWith("application/json");
  }

  /** Whether the request asks for a discussion's state. */
  private static boolean isState(HttpServletRequest request) {
    return STATE.matcher(path(request)).matches();
  }

  /** Sends a body as it was rendered (or compressed). */
  private static void sendAsIs(HttpServletResponse response, byte[] body) throws IOException {
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The page another request is rendering, or {@code null} if it takes too long or fails. */
  private static CachedPage await(CompletableFuture<CachedPage> rendering) {
    try {
      return rendering.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }

  /** Renders the page for this request, keeps it if it may be kept, and returns what it kept. */
  private CachedPage render(
      String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long version = cache.version();
    long began = System.nanoTime();
    CapturingResponse capture = new CapturingResponse(response);
    chain.doFilter(request, capture);
    if (capture.diverted()) {
      return null;
    }
    byte[] body = capture.body();
    String contentType = response.getContentType();
    boolean state = isState(request);
    boolean keep =
        (state ? jsonAnswer(response) : htmlPage(response))
            && body.length <= LARGEST
            && request.getAttribute(PERSONAL) == null
            && request.getSession(false) == null;
    if (!keep) {
      sendAsIs(response, body);
      return null;
    }
    CachedPage.Builder about = new CachedPage.Builder();
    about.contentType = contentType;
    about.headers = capture.headers();
    about.version = version;
    about.began = began;
    about.scope = (Long) request.getAttribute(SCOPE);
    about.cacheControl = state ? cache.stateCacheControl() : null;
    CachedPage kept = CachedPage.of(body, about);
    cache.put(key, kept);
    send(request, response, kept, shared(request, response));
    return kept;
  }

  /**
   * Whether the request is one of the console's or the administration API's changes (settings,
   * sections, accounts, imports…), which do not all have a domain event of their own: any of them
   * empties the cache. The console's few other POSTs (table pages) cost a render of each page.
   */
  private static boolean changes(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return false;
    }
    String path = path(request);
    return path.startsWith("/admin/") || path.startsWith("/api/admin/");
  }

  /**
   * The key of a page that may be kept for this request, or {@code null}: address, the parameters
   * that change the page, and the order the visitor's cookie remembers.
   */
  String key(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return null;
    }
    String path = path(request);
    if (path.length() <= 250 && STATE.matcher(path).matches()) {
      return stateKey(request, path);
    }
    if (!keptAddress(path)) {
      return null;
    }
    Cookie[] cookies = request.getCookies();
    String sortCookie = "";
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (cookieRules.personal(cookie.getName())) {
          return null;
        }
        if (cookieRules.choiceCookie().equals(cookie.getName())) {
          sortCookie = cookie.getValue();
        }
      }
    }
    // The site's own address is in its pages (canonical and sharing links) when tribune.site.url
    // is not set: a page rendered for one Host header is never served to another.
    StringBuilder key =
        new StringBuilder(request.getScheme())
            .append("://")
            .append(request.getServerName())
            .append(':')
            .append(request.getServerPort())
            .append(path);
    if (request.getQueryString() != null) {
      for (String name : request.getParameterMap().keySet()) {
        if (!KEY_PARAMETERS.contains(name) && !ignored(name)) {
          // Not a page of ours as such: a reply form, or an imported site's old address
          // (/?p=12) that LegacyAddresses answers, further down the chain.
          return null;
        }
      }
      for (String name : KEY_PARAMETERS) {
        String value = request.getParameter(name);
        if (value != null) {
          if (value.length() > 20) {
            return null;
          }
          key.append('&').append(name).append('=').append(value);
        }
      }
    }
    if (request.getParameter("sort") == null && !sortCookie.isEmpty() && sortCookie.length() < 20) {
      key.append("&~sort=").append(sortCookie);
    }
    return key.toString();
  }

  /**
   * The key of a discussion's state: its address alone (with the scheme, host and port, as for a
   * page). Neither cookies nor parameters change it, so none enter the key: a poll with a
   * cache-busting parameter is served the kept state too.
   */
  private static String stateKey(HttpServletRequest request, String path) {
    return request.getScheme()
        + "://"
        + request.getServerName()
        + ':'
        + request.getServerPort()
        + path;
  }

  /** Whether a parameter is one that no page reads (campaign tags on shared links). */
  static boolean ignored(String name) {
    return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
  }

  /** Answers with a kept page. */
  private void serve(HttpServletRequest request, HttpServletResponse response, CachedPage page)
      throws IOException {
    if (page.cacheControl() == null) {
      // A page in the order asked for (?sort=): the next pages too. Not a discussion's state.
      cookieRules.rememberAsked(request, response);
    }
    boolean shared = shared(request, response);
    String asked = request.getHeader("If-None-Match");
    if (asked != null && HttpCaching.ifNoneMatch(asked, page.etag())) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      validators(response, page, shared);
      return;
    }
    response.setContentType(page.contentType());
    for (String[] header : page.headers()) {
      response.addHeader(header[0], header[1]);
    }
    send(request, response, page, shared);
  }

  /**
   * Whether the answer is the same for anyone asking for its address, so that a shared cache may
   * keep it: not when the order of its comments comes from the visitor's sort cookie, nor when it
   * is asked for ({@code ?sort=}, which sets that cookie), nor when anything else set a cookie.
   */
  private boolean shared(HttpServletRequest request, HttpServletResponse response) {
    return !cookieRules.chosen(request)
        && request.getParameter("sort") == null
        && !response.containsHeader("Set-Cookie");
  }

  private void send(
      HttpServletRequest request, HttpServletResponse response, CachedPage page, boolean shared)
      throws IOException {
    validators(response, page, shared);
    boolean gzip = HttpCaching.acceptsGzip(request.getHeader("Accept-Encoding"));
    long length = gzip ? page.gzipLength() : page.textLength();
    if (gzip) {
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentLengthLong(length);
    if ("HEAD".equals(request.getMethod())) {
      return;
    }
    OutputStream out = response.getOutputStream();
    if (gzip) {
      page.writeGzip(out);
    } else {
      page.writeText(out);
    }
  }

  private void validators(HttpServletResponse response, CachedPage page, boolean shared) {
    response.setHeader("ETag", page.etag());
    String cacheControl = page.cacheControl();
    if (cacheControl == null) {
      cacheControl = shared ? cache.cacheControl() : "private, no-cache";
    }
    response.setHeader("Cache-Control", cacheControl);
    response.setHeader("Vary", "Accept-Encoding");
  }
}
