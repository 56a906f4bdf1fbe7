package org.tribune.web.discussion;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.comments.api.CommentView;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.ReportReason;
import org.tribune.comments.api.ReportService;
import org.tribune.web.site.Links;
import org.tribune.web.site.PageMeta;
import org.tribune.web.site.SiteSettings;

/**
 * Backs {@code /WEB-INF/views/report.xhtml}, rendered by {@link ReportPages} with the request
 * attributes below: the comment reported (none when it cannot be reported), the form as typed and
 * its messages, this visitor's form token, or the acknowledgement.
 */
@Named
@RequestScoped
public class ReportBacking {
  static final String ARTICLE = "tribune.report.article";
  static final String COMMENT_ID = "tribune.report.comment-id";

  /** The {@link CommentView} reported; absent when it is not published (no form then). */
  static final String COMMENT = "tribune.report.comment";

  /** The address of the form. */
  static final String ADDRESS = "tribune.report.address";

  static final String FORM = "tribune.report.form";
  static final String ERRORS = "tribune.report.errors";
  static final String TOKEN = "tribune.report.token";

  /** Set on the acknowledgement: whether the reader gave an e-mail address. */
  static final String SENT = "tribune.report.sent";

  /** The fields of the form that messages may name, in form order, with their input's id. */
  private static final Map<String, String> FIELD_IDS =
      orderedMap(
          "reason", "report-reason-" + ReportReason.values()[0].name(),
          "category", "report-category",
          "explanation", "report-explanation",
          "name", "report-name",
          "email", "report-email",
          "good_faith", "report-good-faith");

  /** A message of the summary above the form, with the field it sends the reader to. */
  public record Problem(String target, String message) {}

  @Inject private PageMeta meta;
  @Inject private SiteSettings site;
  @Inject private Links links;

  private ArticleSummary article;
  private long commentId;
  private CommentView comment;
  private String address;
  private ReportForm form;
  private FormErrors errors;
  private String token;
  private Boolean sent;

  public void load() {
    Map<String, Object> attributes =
        FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
    article = (ArticleSummary) attributes.get(ARTICLE);
    commentId = (Long) attributes.get(COMMENT_ID);
    comment = (CommentView) attributes.get(COMMENT);
    address = (String) attributes.get(ADDRESS);
    form = attributes.get(FORM) instanceof ReportForm typed ? typed : ReportForm.empty();
    errors = attributes.get(ERRORS) instanceof FormErrors e ? e : FormErrors.NONE;
    token = (String) attributes.get(TOKEN);
    sent = (Boolean) attributes.get(SENT);
    String title = site.messages().getString(sent == null ? "report.title" : "report.sent.title");
    meta.setTitle(title + " – " + site.getName());
    meta.setIndexable(false);
    meta.setCanonicalPath(
        "/articles/" + article.slug() + "/comments/" + commentId + "/" + ReportPages.ACTION);
  }

  public ArticleSummary getArticle() {
    return article;
  }

  /** The comment reported, or {@code null} when it cannot be (no longer published). */
  public CommentView getComment() {
    return comment;
  }

  /** Where the form is sent. */
  public String getAction() {
    return address;
  }

  /** Back to the comment under its article (its permalink finds its page of threads). */
  public String getBack() {
    return comment == null
        ? links.content(article) + "#comments"
        : links.article(article.slug()) + "/comments/" + commentId;
  }

  public ReportForm getForm() {
    return form;
  }

  public FormErrors getErrors() {
    return errors;
  }

  /** Field messages by field name ({@code reason}, {@code category}, {@code good_faith}…). */
  public Map<String, List<String>> getFieldErrors() {
    return errors.byField();
  }

  /**
   * Every field message, in form order, each with the address of its field: the summary above the
   * form, so that a reader who lands at the top learns what to correct and reaches it in one step.
   */
  public List<Problem> getProblems() {
    List<Problem> problems = new ArrayList<>();
    FIELD_IDS.forEach(
        (field, id) ->
            errors.byField().getOrDefault(field, List.of()).stream()
                .map(message -> new Problem("#" + id, message))
                .forEach(problems::add));
    return problems;
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  public String getToken() {
    return token;
  }

  /** Whether this is the acknowledgement of a report sent. */
  public boolean isSent() {
    return sent != null;
  }

  /** Whether the reader of the acknowledgement gave an e-mail address. */
  public boolean isSentWithMail() {
    return Boolean.TRUE.equals(sent);
  }

  public List<ReportReason> getReasons() {
    return List.of(ReportReason.values());
  }

  public List<IllicitCategory> getCategories() {
    return List.of(IllicitCategory.values());
  }

  public int getExplanationLength() {
    return ReportService.EXPLANATION_LENGTH;
  }
}
