package org.tribune.web.discussion;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.comments.api.CommentNode;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.CommentView;
import org.tribune.comments.api.Discussion;
import org.tribune.comments.api.DiscussionState;
import org.tribune.comments.api.OwnComments;
import org.tribune.web.cache.PageCacheFilter;
import org.tribune.web.site.Links;
import org.tribune.web.site.Requests;
import org.tribune.web.site.SiteSettings;

/**
 * Backs the discussion under an article ({@code /WEB-INF/includes/discussion.xhtml}): the page of
 * threads in the visitor's order, the form (with what they typed when a POST was refused, or what
 * they asked us to remember), its token, and the no-script reply and edit forms ({@code ?replyto=},
 * {@code ?edit=}).
 */
@Named
@RequestScoped
public class DiscussionBacking {
  /** Request attribute: the {@link CommentForm} of a refused POST. */
  static final String FORM = "tribune.discussion.form";

  /** Request attribute: the {@link FormErrors} of a refused POST. */
  static final String ERRORS = "tribune.discussion.errors";

  /** Request attribute: the id of the comment whose edit was refused, and its text. */
  static final String EDITING = "tribune.discussion.editing";

  static final String EDIT_BODY = "tribune.discussion.edit-body";

  @Inject private CommentService comments;
  @Inject private ArticleService articles;
  @Inject private Links links;
  @Inject private SiteSettings site;

  /**
   * How often the page's script asks whether new comments came ({@code …/comments/state}); 0: it
   * does not. The same for every reader, so the page stays the same bytes for all.
   */
  @Inject
  @ConfigProperty(name = "tribune.discussion.poll-seconds", defaultValue = "20")
  int pollSeconds;

  private Integer maxLength;

  private ArticleSummary article;
  private Discussion discussion;
  private DiscussionState state;
  private List<ThreadRow> rows;
  private CommentForm form;
  private FormErrors errors;
  private String formToken;
  private Long replyTo;
  private Long editing;
  private String editBody;

  /**
   * Loads the discussion alone, for {@code /WEB-INF/views/discussion.xhtml} (the script's "more
   * comments" and refresh after posting); 404 for an article that is not readable.
   */
  public void loadFragment() {
    String slug = Requests.routeParameter("slug");
    var found =
        slug == null ? Optional.<ArticleSummary>empty() : articles.findReadableSummary(slug);
    if (found.isEmpty()) {
      Requests.fail(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    load(found.get(), false);
  }

  /** Loads the page of the discussion the request asks for, under its article. */
  public void load(ArticleSummary article) {
    load(article, true);
  }

  private void load(ArticleSummary article, boolean whole) {
    this.article = article;
    // What the page shows, for the script's announcement of new comments: read before the
    // threads, so that a comment approved between the two is announced (and found on the page
    // when the reader asks for it) rather than counted as shown and never announced.
    state = whole ? comments.state(article.id()) : null;
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    CommentSort sort = DiscussionRequests.sort(request, response, comments);
    OwnComments own = VisitorCookies.own(request);
    discussion =
        comments.discussion(article.id(), sort, DiscussionRequests.commentPage(request), own);
    rows = ThreadRow.flatten(discussion.threads());
    if (VisitorCookies.ownPage(request)) {
      formToken = comments.formToken(article.id(), VisitorCookies.visitor(request, response));
      PageCacheFilter.personal(request);
    } else {
      // The same page for every reader: the script fetches a token (getTokenAddress()).
      formToken = "";
    }
    PageCacheFilter.articlePage(request, article.id());
    Object refused = request.getAttribute(FORM);
    if (refused instanceof CommentForm kept) {
      form = kept;
    } else {
      form =
          VisitorCookies.commenter(request)
              .map(c -> new CommentForm("", c.name(), c.email(), c.website(), "", false, true))
              .orElse(CommentForm.empty());
    }
    errors = request.getAttribute(ERRORS) instanceof FormErrors e ? e : FormErrors.NONE;
    replyTo = visibleId(request.getParameter("replyto"));
    if (replyTo == null && refused instanceof CommentForm) {
      // A refused reply opens again under its comment, if that is on this page; else (the
      // comment is gone, or was never on this article) the main form shows the messages and text.
      replyTo = visibleId(form.parent().strip());
    }
    editing =
        request.getAttribute(EDITING) instanceof Long id
            ? id
            : visibleId(request.getParameter("edit"));
    if (editing != null) {
      editBody =
          request.getAttribute(EDIT_BODY) instanceof String body
              ? body
              : rows.stream()
                  .map(ThreadRow::node)
                  .filter(n -> n.id() == editing && !n.removed() && n.comment().own())
                  .map(n -> n.comment().body())
                  .findFirst()
                  .orElse(null);
      if (editBody == null) {
        editing = null;
      }
    }
  }

  private Long visibleId(String parameter) {
    if (parameter == null
        || parameter.length() > 18
        || !parameter.chars().allMatch(c -> c >= '0' && c <= '9')
        || parameter.isEmpty()) {
      return null;
    }
    long id = Long.parseLong(parameter);
    return rows.stream().anyMatch(r -> r.node().id() == id && !r.node().removed()) ? id : null;
  }

  /** Whether the viewer may still edit or delete this comment of theirs. */
  public boolean editable(CommentView comment) {
    return comment.own()
        && comment.editableUntil() != null
        && Instant.now().isBefore(comment.editableUntil());
  }

  public ArticleSummary getArticle() {
    return article;
  }

  public Discussion getDiscussion() {
    return discussion;
  }

  /**
   * The discussion's approved count and newest comment when the page was read (the article page
   * only): the script compares the state it polls with them.
   */
  public DiscussionState getState() {
    return state;
  }

  /** Seconds between the script's polls of the discussion's state; 0: none. */
  public int getPollSeconds() {
    return Math.max(0, pollSeconds);
  }

  /** Where the script polls the discussion's state. */
  public String getStateAddress() {
    return getBase() + "/state";
  }

  public List<ThreadRow> getRows() {
    return rows;
  }

  public CommentForm getForm() {
    return form;
  }

  public FormErrors getErrors() {
    return errors;
  }

  /** This visitor's form token, or empty on a page that is the same for every reader. */
  public String getFormToken() {
    return formToken;
  }

  /** Where the script asks for a form token when the page holds none. */
  public String getTokenAddress() {
    return getBase() + "/token";
  }

  public Long getReplyTo() {
    return replyTo;
  }

  public Long getEditing() {
    return editing;
  }

  public String getEditBody() {
    return editBody;
  }

  /** The longest comment, as the console or the configuration set it (read once per request). */
  public int getMaxLength() {
    if (maxLength == null) {
      maxLength = comments.maxLength();
    }
    return maxLength;
  }

  /** The counter as the page first shows it, e.g. "0 / 10 000". */
  public String getCounter() {
    NumberFormat numbers = NumberFormat.getIntegerInstance(site.getLocale());
    return numbers.format(form.body().codePointCount(0, form.body().length()))
        + " / "
        + numbers.format(getMaxLength());
  }

  public String getNumberLocale() {
    return site.getLocale().toLanguageTag();
  }

  /** The base path of the discussion's own addresses. */
  public String getBase() {
    return links.article(article.slug()) + "/comments";
  }

  /** The article page in another order, back at the discussion. */
  public String sortLink(String sort) {
    return links.content(article) + "?sort=" + sort + "#comments";
  }

  /** Another page of threads, in the same order. */
  public String pageLink(int page) {
    return links.content(article)
        + "?sort="
        + discussion.sort().parameter()
        + (page > 1 ? "&cpage=" + page : "")
        + "#comments";
  }

  /** The script's address for the next page of threads. */
  public String getNextFragment() {
    return getBase()
        + "?sort="
        + discussion.sort().parameter()
        + "&cpage="
        + (discussion.page() + 1);
  }

  /** The no-script link that opens the reply form under a comment. */
  public String replyLink(long id) {
    return links.content(article)
        + "?sort="
        + discussion.sort().parameter()
        + (discussion.page() > 1 ? "&cpage=" + discussion.page() : "")
        + "&replyto="
        + id
        + "#reply-"
        + id;
  }

  /** The no-script link that opens the edit form of one's own comment. */
  public String editLink(long id) {
    return links.content(article)
        + "?sort="
        + discussion.sort().parameter()
        + (discussion.page() > 1 ? "&cpage=" + discussion.page() : "")
        + "&edit="
        + id
        + "#comment-"
        + id;
  }

  public String permalink(long id) {
    return getBase() + "/" + id;
  }

  /** Field errors by field name ({@code name, email, website, body}) for the view. */
  public Map<String, List<String>> getFieldErrors() {
    return errors.byField();
  }

  /** The node of the comment being answered without a script, for its author's name. */
  public CommentNode getReplyNode() {
    return replyTo == null
        ? null
        : rows.stream()
            .map(ThreadRow::node)
            .filter(n -> n.id() == replyTo)
            .findFirst()
            .orElse(null);
  }
}
