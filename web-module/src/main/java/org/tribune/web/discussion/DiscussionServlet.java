package org.tribune.web.discussion;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.comments.api.CommentRejectedException;
import org.tribune.comments.api.CommentRejectedException.Reason;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.CommentView;
import org.tribune.comments.api.DiscussionState;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.OwnComments;
import org.tribune.comments.api.PostResult;
import org.tribune.comments.api.Submission;
import org.tribune.comments.api.VoteResult;
import org.tribune.web.cache.PageCacheFilter;
import org.tribune.web.config.TrustedProxies;
import org.tribune.web.feed.CommentFeeds;
import org.tribune.web.site.Links;
import org.tribune.web.site.Router;
import org.tribune.web.site.SiteSettings;

/**
 * The discussion's own addresses under {@code /articles/{slug}/comments}:
 *
 * <ul>
 *   <li>{@code POST …/comments}: a new comment or reply;
 *   <li>{@code POST …/comments/{id}/vote|edit|delete}: a vote (up, down or none: withdrawn), an
 *       edit or a deletion of one's own;
 *   <li>{@code GET|POST …/comments/{id}/report}: the report form of a comment (« Signaler »), and
 *       with {@code ?sent} its acknowledgement (see {@link ReportPages});
 *   <li>{@code GET …/comments/{id}}: a permalink, redirected to the page holding the comment;
 *   <li>{@code GET …/comments?sort=&cpage=}: a page of threads alone, for the script;
 *   <li>{@code GET …/comments/token}: a form token, for the script, on a page that holds none;
 *   <li>{@code GET …/comments/votes}: the visitor's votes on the article's comments, for the
 *       script;
 *   <li>{@code GET …/comments/state}: the discussion's approved count and newest comment, the same
 *       for every reader and kept by the page cache, which the script polls to announce new
 *       comments;
 *   <li>{@code GET …/comments.atom}: the article's comment feed.
 * </ul>
 *
 * Every POST carries the form token of the page it came from, bound to the visitor's cookie: a
 * request forged by another site has neither and is refused. Without a script, a POST ends in a
 * redirect to the comment ({@code 303}), or in the article page again with the messages and
 * everything typed; a script asking for {@code application/json} gets JSON instead.
 */
@WebServlet(name = "Discussion", urlPatterns = "/articles/*")
public class DiscussionServlet extends HttpServlet {
  /**
   * One factory for the class: {@code Json.createObjectBuilder()} looks the JSON provider up on
   * each call (a service loader scan, a tenth of an article page's rendering).
   */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private static final long serialVersionUID = 1L;

  private static final Pattern PATH =
      Pattern.compile(
          "/([a-z0-9]+(?:-[a-z0-9]+)*)/comments"
              + "(?:/(\\d{1,18})(?:/(vote|edit|delete|report))?|(\\.atom)"
              + "|/(token|votes|state|preview))?");

  private static final int LONGEST_PATH = 400;
  private static final int USER_AGENT_LENGTH = 500;

  @Inject private transient ArticleService articles;
  @Inject private transient CommentService comments;
  @Inject private transient TrustedProxies proxies;
  @Inject private transient SiteSettings site;
  @Inject private transient Links links;

  @Inject private transient CommentFeeds feeds;
  @Inject private transient ReportPages reports;

  /**
   * What an address names: an article's discussion, a comment and an action on it, the feed, or one
   * of the discussion's own resources ({@code special}: token, votes, state or preview).
   */
  private record Target(
      ArticleSummary article, Long commentId, String action, boolean feed, String special) {
    boolean token() {
      return "token".equals(special);
    }

    boolean votes() {
      return "votes".equals(special);
    }

    boolean state() {
      return "state".equals(special);
    }

    boolean preview() {
      return "preview".equals(special);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Target target = target(request);
    if (target != null && ReportPages.ACTION.equals(target.action())) {
      reports.show(request, response, target.article(), target.commentId());
      return;
    }
    if (target == null || target.action() != null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (target.feed()) {
      feeds.article(request, response, target.article());
      return;
    }
    if (target.preview()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (target.token()) {
      token(request, response, target.article());
      return;
    }
    if (target.votes()) {
      votes(request, response, target.article());
      return;
    }
    if (target.state()) {
      state(request, response, target.article());
      return;
    }
    if (target.commentId() == null) {
      request.setAttribute(Router.PARAMETERS, Map.of("slug", target.article().slug()));
      request.getRequestDispatcher("/WEB-INF/views/discussion.xhtml").forward(request, response);
      return;
    }
    CommentSort sort = VisitorCookies.sort(request).orElseGet(comments::defaultSort);
    OptionalInt page =
        comments.pageOf(
            target.article().id(), target.commentId(), sort, VisitorCookies.own(request));
    if (page.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.sendRedirect(
        anchor(target.article(), placed(sort), page.getAsInt(), target.commentId()));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    // Normally set already (config.RequestLimits, which may have read the fields).
    if (request.getCharacterEncoding() == null) {
      request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }
    Target target = target(request);
    if (target != null && target.preview()) {
      preview(request, response);
      return;
    }
    if (target == null
        || target.feed()
        || target.special() != null
        || (target.commentId() == null) != (target.action() == null)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (ReportPages.ACTION.equals(target.action())) {
      // Its own page, its own refusals (the token's included): see ReportPages.
      reports.send(request, response, target.article(), target.commentId());
      return;
    }
    String nonce = VisitorCookies.sentVisitor(request).orElse(null);
    Optional<Duration> age =
        comments.formAge(target.article().id(), nonce, request.getParameter("form-token"));
    if (target.action() == null) {
      post(request, response, target.article(), age);
      return;
    }
    if (age.isEmpty()) {
      refuseExpired(request, response, target);
      return;
    }
    switch (target.action()) {
      case "vote" -> vote(request, response, target, nonce, age.get());
      case "edit" -> edit(request, response, target);
      default -> delete(request, response, target);
    }
  }

  private void post(
      HttpServletRequest request,
      HttpServletResponse response,
      ArticleSummary article,
      Optional<Duration> age)
      throws IOException, ServletException {
    CommentForm form = CommentForm.from(request);
    Target target = new Target(article, null, null, false, null);
    if (age.isEmpty()) {
      request.setAttribute(DiscussionBacking.FORM, form);
      refuseExpired(request, response, target);
      return;
    }
    NewComment comment =
        new NewComment(
            article.id(),
            form.parentId(),
            form.name(),
            form.email(),
            form.website(),
            form.body(),
            form.subscribe(),
            form.quotedIds());
    String honeypot = request.getParameter("url");
    Submission submission =
        new Submission(
            proxies.clientAddress(request),
            userAgent(request),
            age.get(),
            honeypot != null && !honeypot.isEmpty());
    PostResult posted;
    try {
      posted = comments.post(comment, submission);
    } catch (CommentRejectedException refused) {
      request.setAttribute(DiscussionBacking.FORM, form);
      refuse(request, response, target, status(refused), FormErrors.of(refused, site.messages()));
      return;
    }
    VisitorCookies.addOwn(request, response, posted.commentId(), posted.editToken());
    if (form.remember()) {
      VisitorCookies.remember(
          request,
          response,
          new VisitorCookies.Commenter(
              form.name().strip(), form.email().strip(), form.website().strip()));
    } else {
      VisitorCookies.forget(request, response);
    }
    Map<Long, String> own = new HashMap<>(VisitorCookies.own(request).tokens());
    own.put(posted.commentId(), posted.editToken());
    CommentSort sort = requestedSort(request);
    int page =
        comments.pageOf(article.id(), posted.commentId(), sort, new OwnComments(own)).orElse(1);
    if (wantsJson(request)) {
      json(
          response,
          HttpServletResponse.SC_CREATED,
          JSON.createObjectBuilder()
              .add("ok", true)
              .add("id", posted.commentId())
              .add("held", posted.status() != CommentStatus.APPROVED)
              .add("anchor", "comment-" + posted.commentId())
              .add("fragment", fragment(article, placed(sort), page))
              .build());
      return;
    }
    redirectSeeOther(response, anchor(article, placed(sort), page, posted.commentId()));
  }

  private void vote(
      HttpServletRequest request,
      HttpServletResponse response,
      Target target,
      String nonce,
      Duration age)
      throws IOException, ServletException {
    String direction = request.getParameter("direction");
    Integer delta =
        switch (String.valueOf(direction)) {
          case "up" -> 1;
          case "down" -> -1;
          case "none" -> 0;
          default -> null;
        };
    if (delta == null) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    VoteResult result;
    try {
      result =
          comments.vote(
              target.article().id(),
              target.commentId(),
              delta,
              nonce,
              new Submission(proxies.clientAddress(request), userAgent(request), age, false));
    } catch (CommentRejectedException refused) {
      refuse(request, response, target, status(refused), FormErrors.of(refused, site.messages()));
      return;
    }
    VisitorCookies.markVoted(request, response);
    if (wantsJson(request)) {
      json(
          response,
          HttpServletResponse.SC_OK,
          JSON.createObjectBuilder()
              .add("ok", true)
              .add("score", result.score())
              .add("counted", result.counted())
              .add("vote", result.vote())
              .build());
      return;
    }
    redirectSeeOther(response, backTo(request, target));
  }

  private void edit(HttpServletRequest request, HttpServletResponse response, Target target)
      throws IOException, ServletException {
    String body = CommentForm.field(request, "body");
    String token = VisitorCookies.own(request).tokens().get(target.commentId());
    if (!belongs(target)) {
      // No such comment under this article: no comment's form to show the message under, so it
      // goes above the page's form (a 404), as for a vote.
      refuse(
          request,
          response,
          target,
          HttpServletResponse.SC_NOT_FOUND,
          FormErrors.of(new CommentRejectedException(Reason.COMMENT_NOT_FOUND), site.messages()));
      return;
    }
    try {
      if (token == null) {
        throw new CommentRejectedException(Reason.EDIT_NOT_ALLOWED);
      }
      comments.edit(target.commentId(), token, body);
    } catch (CommentRejectedException refused) {
      request.setAttribute(DiscussionBacking.EDITING, target.commentId());
      request.setAttribute(DiscussionBacking.EDIT_BODY, body);
      refuse(request, response, target, status(refused), FormErrors.of(refused, site.messages()));
      return;
    }
    if (wantsJson(request)) {
      json(response, HttpServletResponse.SC_OK, JSON.createObjectBuilder().add("ok", true).build());
      return;
    }
    redirectSeeOther(response, backTo(request, target));
  }

  private void delete(HttpServletRequest request, HttpServletResponse response, Target target)
      throws IOException, ServletException {
    String token = VisitorCookies.own(request).tokens().get(target.commentId());
    try {
      if (token == null || !belongs(target)) {
        throw new CommentRejectedException(Reason.EDIT_NOT_ALLOWED);
      }
      comments.deleteOwn(target.commentId(), token);
    } catch (CommentRejectedException refused) {
      refuse(request, response, target, status(refused), FormErrors.of(refused, site.messages()));
      return;
    }
    if (wantsJson(request)) {
      json(response, HttpServletResponse.SC_OK, JSON.createObjectBuilder().add("ok", true).build());
      return;
    }
    redirectSeeOther(response, links.content(target.article()) + "#comments");
  }

  private boolean belongs(Target target) {
    return comments
        .find(target.commentId())
        .map(CommentView::articleId)
        .filter(id -> id == target.article().id())
        .isPresent();
  }

  /**
   * Answers a refused request: JSON for a script; else the article page again, with the messages
   * and what was typed (request attributes read by {@link DiscussionBacking}).
   */
  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      Target target,
      int status,
      FormErrors errors)
      throws IOException, ServletException {
    if (wantsJson(request)) {
      JsonObjectBuilder fields = JSON.createObjectBuilder();
      errors
          .byField()
          .forEach(
              (field, messages) -> {
                JsonArrayBuilder list = JSON.createArrayBuilder();
                messages.forEach(list::add);
                fields.add(field, list);
              });
      json(
          response,
          status,
          JSON.createObjectBuilder().add("ok", false).add("errors", fields).build());
      return;
    }
    request.setAttribute(DiscussionBacking.ERRORS, errors);
    request.setAttribute(Router.PARAMETERS, Map.of("slug", target.article().slug()));
    response.setStatus(status);
    request.getRequestDispatcher("/WEB-INF/views/article.xhtml").forward(request, response);
  }

  /**
   * A form token for this visitor and article, as JSON ({@code {"token": "…"}}), never kept by any
   * cache; gives the visitor their {@code tribune_visitor} cookie if they have none. The script
   * asks for it when the reader comes to the discussion of a page that is the same for every reader
   * (which holds no token). Another site's page cannot read the answer (no CORS), so the token
   * still proves that a POST comes from this site's page, in this visitor's browser.
   */
  private void token(
      HttpServletRequest request, HttpServletResponse response, ArticleSummary article)
      throws IOException {
    String token = comments.formToken(article.id(), VisitorCookies.visitor(request, response));
    json(
        response,
        HttpServletResponse.SC_OK,
        JSON.createObjectBuilder().add("token", token).build());
  }

  /**
   * How a comment's text would look ({@code {"html": "…"}}), for the form's « Aperçu »: the
   * comments module's rendering, the same safe HTML a published comment gets; nothing is stored, so
   * no token is asked. A text over the length limit gets its message ({@code 400}).
   */
  private void preview(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      json(
          response,
          HttpServletResponse.SC_OK,
          JSON.createObjectBuilder()
              .add("html", comments.preview(CommentForm.field(request, "body")))
              .build());
    } catch (CommentRejectedException refused) {
      FormErrors errors = FormErrors.of(refused, site.messages());
      JsonArrayBuilder list = JSON.createArrayBuilder();
      errors.byField().values().forEach(messages -> messages.forEach(list::add));
      json(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          JSON.createObjectBuilder().add("ok", false).add("errors", list).build());
    }
  }

  /**
   * The visitor's votes on this article's comments, as JSON ({@code {"votes": {"12": 1, "15":
   * -1}}}), never kept by any cache: the script presses the buttons of a page that is the same for
   * every reader. Asked only by a browser that voted (its {@value VisitorCookies#VOTED} cookie); a
   * visitor without a nonce has none.
   */
  private void votes(
      HttpServletRequest request, HttpServletResponse response, ArticleSummary article)
      throws IOException {
    JsonObjectBuilder votes = JSON.createObjectBuilder();
    VisitorCookies.sentVisitor(request)
        .map(nonce -> comments.ownVotes(article.id(), nonce))
        .orElse(Map.of())
        .forEach((id, direction) -> votes.add(Long.toString(id), direction));
    json(
        response,
        HttpServletResponse.SC_OK,
        JSON.createObjectBuilder().add("votes", votes).build());
  }

  /**
   * The discussion's state as JSON ({@code {"approved": 203, "newest": 98765}}): the same answer
   * for every reader, whatever their cookies, so that {@link PageCacheFilter} keeps it as it keeps
   * the article's page (invalidated with the discussion, served stale a moment while it is read
   * again) and a shared cache may keep it a few seconds. The script polls it and compares it with
   * what its page shows ({@code data-approved}, {@code data-newest}); a reader-specific question
   * ("anything after my 98 765?") would make every poll a query.
   */
  private void state(
      HttpServletRequest request, HttpServletResponse response, ArticleSummary article)
      throws IOException {
    DiscussionState state = comments.state(article.id());
    PageCacheFilter.articlePage(request, article.id());
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            JSON.createObjectBuilder()
                .add("approved", state.approvedCount())
                .add("newest", state.newestId())
                .build()
                .toString());
  }

  /**
   * Refuses a POST whose form token is missing, forged or another visitor's (403): the page is
   * shown again with everything typed and a token of this visitor's. A form sent without a token
   * comes from a page that is the same for every reader, by a browser without the script: the
   * message asks to send it again, which this page's token then allows.
   */
  private void refuseExpired(
      HttpServletRequest request, HttpServletResponse response, Target target)
      throws IOException, ServletException {
    String token = request.getParameter("form-token");
    String message =
        token == null || token.isEmpty() ? "discussion.error.confirm" : "discussion.error.expired";
    refuse(
        request,
        response,
        target,
        HttpServletResponse.SC_FORBIDDEN,
        FormErrors.general(site.messages().getString(message)));
  }

  private static int status(CommentRejectedException refused) {
    List<Reason> reasons = refused.reasons();
    if (reasons.contains(Reason.RATE_LIMITED)) {
      return 429;
    }
    if (reasons.contains(Reason.ARTICLE_NOT_FOUND) || reasons.contains(Reason.COMMENT_NOT_FOUND)) {
      return HttpServletResponse.SC_NOT_FOUND;
    }
    if (reasons.contains(Reason.CLOSED) || reasons.contains(Reason.EDIT_NOT_ALLOWED)) {
      return HttpServletResponse.SC_FORBIDDEN;
    }
    return HttpServletResponse.SC_BAD_REQUEST;
  }

  /** The article and comment this address names, or {@code null} if it names none. */
  private Target target(HttpServletRequest request) {
    String path = request.getPathInfo();
    if (path == null || path.length() > LONGEST_PATH) {
      return null;
    }
    Matcher matcher = PATH.matcher(path);
    if (!matcher.matches()) {
      return null;
    }
    Optional<ArticleSummary> article = articles.findReadableSummary(matcher.group(1));
    if (article.isEmpty()) {
      return null;
    }
    Long comment = matcher.group(2) == null ? null : Long.valueOf(matcher.group(2));
    return new Target(
        article.get(), comment, matcher.group(3), matcher.group(4) != null, matcher.group(5));
  }

  private String anchor(ArticleSummary article, CommentSort sort, int page, long commentId) {
    return links.content(article)
        + "?sort="
        + sort.parameter()
        + (page > 1 ? "&cpage=" + page : "")
        + "#comment-"
        + commentId;
  }

  private String fragment(ArticleSummary article, CommentSort sort, int page) {
    return links.article(article.slug()) + "/comments?sort=" + sort.parameter() + "&cpage=" + page;
  }

  /**
   * The order in which {@link CommentService#pageOf} placed a comment: the selection's threads are
   * not all of them, so a comment is shown among all threads, newest first.
   */
  private static CommentSort placed(CommentSort sort) {
    return sort == CommentSort.FEATURED ? CommentSort.NEWEST : sort;
  }

  /**
   * The order of the page a form was on: its {@code sort} field, else the visitor's, else the
   * site's.
   */
  private CommentSort requestedSort(HttpServletRequest request) {
    return DiscussionRequests.chosen(request).orElseGet(comments::defaultSort);
  }

  /** Back to the comment, on the page the form was on. */
  private String backTo(HttpServletRequest request, Target target) {
    CommentSort sort = requestedSort(request);
    return anchor(
        target.article(), sort, DiscussionRequests.commentPage(request), target.commentId());
  }

  static String userAgent(HttpServletRequest request) {
    String agent = request.getHeader("User-Agent");
    return agent == null || agent.length() <= USER_AGENT_LENGTH
        ? agent
        : agent.substring(0, USER_AGENT_LENGTH);
  }

  static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.startsWith("application/json");
  }

  private static void redirectSeeOther(HttpServletResponse response, String location) {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", location);
  }

  private static void json(HttpServletResponse response, int status, JsonObject body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(body.toString());
  }
}
