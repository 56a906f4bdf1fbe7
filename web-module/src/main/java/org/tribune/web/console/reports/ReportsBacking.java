package org.tribune.web.console.reports;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.comments.api.CharterRule;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.DecisionOutcome;
import org.tribune.comments.api.ReportQueue;
import org.tribune.comments.api.ReportRejectedException;
import org.tribune.comments.api.ReportService;
import org.tribune.comments.api.ReportedComment;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.site.Links;
import org.tribune.web.site.SiteSettings;

/**
 * Backs {@code /admin/reports.xhtml}: the comments whose reports wait for a decision, {@value
 * #PAGE_SIZE} a page ({@code ?page=}), each with its reports, its earlier decisions and a decision
 * form; and the threshold that hides a reported comment pending review (administrators, as the
 * other discussion settings). The page is one form: a decision's problems are shown next to its
 * fields, with what was chosen and typed in every card kept; a decision taken is written to the
 * audit log and the queue is read again in the same view, the other cards' choices kept (sent
 * twice, a decision finds nothing left to decide and changes nothing).
 */
@Named
@ViewScoped
public class ReportsBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int PAGE_SIZE = 10;

  /** Where a decision's problem is shown: next to one of its three fields, or above them. */
  static final String OUTCOME = "outcome";

  static final String RULE = "rule";
  static final String STATEMENT = "statement";
  static final String FORM = "form";

  /** The suspensions a moderator may choose with a removal: for good, or these. */
  static final String FOREVER = "FOREVER";

  static final List<String> SUSPENSIONS = List.of(FOREVER, "PT24H", "P7D", "P30D");

  @Inject private ReportService reports;
  @Inject private ArticleService articles;
  @Inject private Links links;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;
  @Inject private SiteSettings site;

  private String pageParameter;
  private int page = 1;
  private long total;
  private List<ReportCard> cards = List.of();
  private final Map<Long, DecisionDraft> drafts = new HashMap<>();
  private final Map<Long, Map<String, List<String>>> errors = new HashMap<>();
  private String hideAfter;

  /** Reads {@code ?page=} (1 when missing or wrong) and the page of the queue. */
  public void load() {
    page = 1;
    if (pageParameter != null) {
      try {
        page = Math.max(1, Integer.parseInt(pageParameter.strip()));
      } catch (NumberFormatException e) {
        page = 1;
      }
    }
    read();
    if (staff.isAdmin()) {
      hideAfter = Integer.toString(reports.hideAfter());
    }
  }

  private void read() {
    ReportQueue queue = reports.queue(page, PAGE_SIZE);
    if (queue.items().isEmpty() && queue.total() > 0 && page > 1) {
      page = getPages();
      queue = reports.queue(page, PAGE_SIZE);
    }
    total = queue.total();
    Set<Long> articleIds = new HashSet<>();
    queue.items().forEach(item -> articleIds.add(item.articleId()));
    Map<Long, ArticleSummary> readable =
        articleIds.isEmpty() ? Map.of() : articles.readableSummaries(articleIds);
    Instant now = Instant.now();
    List<ReportCard> read = new ArrayList<>();
    for (ReportedComment item : queue.items()) {
      read.add(card(item, readable.get(item.articleId()), now));
      drafts.computeIfAbsent(item.commentId(), id -> new DecisionDraft());
    }
    cards = List.copyOf(read);
  }

  private ReportCard card(ReportedComment item, ArticleSummary article, Instant now) {
    String title;
    String url = null;
    if (article != null) {
      title = article.title();
      url = links.content(article);
      if (item.comment() != null && item.comment().status() == CommentStatus.APPROVED) {
        url += "#comment-" + item.commentId();
      }
    } else {
      title = articles.find(item.articleId()).map(ArticleSummary::title).orElse(null);
      if (title == null) {
        title = "#" + item.articleId();
      }
    }
    String waiting =
        item.firstOpenAt() == null ? null : duration(Duration.between(item.firstOpenAt(), now));
    return new ReportCard(item, title, url, waiting);
  }

  // ----- the decision -----

  /**
   * Decides on a comment's open reports with what its form holds; stays on the page with the
   * problems shown next to the fields when the service refuses it.
   */
  public String decide(long commentId) {
    if (!staff.isModerator() || staff.getEmail() == null) {
      messages.error("error.forbidden.text");
      return null;
    }
    DecisionDraft draft = drafts.get(commentId);
    if (draft == null) {
      messages.error("reports.gone");
      return null;
    }
    errors.remove(commentId);
    if (draft.getOutcome() == null) {
      error(commentId, OUTCOME, messages.get("reports.decide.outcome-required"));
      messages.error("reports.decide.refused", commentId);
      return null;
    }
    String statement = draft.getStatement() == null ? "" : draft.getStatement();
    boolean suspends = draft.getOutcome() == DecisionOutcome.REMOVE_AND_SUSPEND;
    Duration suspension = suspends ? suspension(draft.getSuspension()) : null;
    try {
      reports.decide(
          commentId, draft.getOutcome(), draft.getRule(), statement, staff.getEmail(), suspension);
    } catch (ReportRejectedException e) {
      for (ReportRejectedException.Reason reason : e.reasons()) {
        error(commentId, place(reason.field()), site.messages().getString(reason.messageKey()));
      }
      messages.error("reports.decide.refused", commentId);
      return null;
    }
    staff.audit(
        AuditAction.REPORT_DECIDED,
        "comment " + commentId,
        draft.getOutcome()
            + " "
            + draft.getRule()
            + (suspends ? " " + (suspension == null ? FOREVER : draft.getSuspension()) : ""));
    messages.info(
        "reports.decided",
        commentId,
        site.messages().getString("reports.outcome." + draft.getOutcome()),
        site.messages().getString("reports.rule." + draft.getRule()));
    drafts.remove(commentId);
    // The same view, read again: what was typed in the other cards stays (drafts by comment).
    read();
    return null;
  }

  /** A suspension chosen in the form: {@code null} for good (or anything not offered). */
  static Duration suspension(String chosen) {
    return chosen == null || chosen.equals(FOREVER) || !SUSPENSIONS.contains(chosen)
        ? null
        : Duration.parse(chosen);
  }

  private static String place(ReportRejectedException.Field field) {
    return switch (field) {
      case RULE -> RULE;
      case STATEMENT -> STATEMENT;
      default -> FORM;
    };
  }

  private void error(long commentId, String place, String text) {
    errors
        .computeIfAbsent(commentId, id -> new HashMap<>())
        .computeIfAbsent(place, p -> new ArrayList<>())
        .add(text);
  }

  /** The problems of a comment's decision at one place ({@code outcome}, {@code rule}…). */
  public List<String> errors(long commentId, String place) {
    return errors.getOrDefault(commentId, Map.of()).getOrDefault(place, List.of());
  }

  public boolean hasErrors(long commentId, String place) {
    return !errors(commentId, place).isEmpty();
  }

  // ----- the threshold -----

  /** Saves the number of open reports that hides a comment (administrators only), 1–100. */
  public void saveHideAfter() {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    int value;
    try {
      value = Integer.parseInt(hideAfter == null ? "" : hideAfter.strip());
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (value < 1 || value > 100) {
      FacesContext.getCurrentInstance()
          .addMessage(
              "threshold:hide-after",
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR, messages.get("reports.threshold.range"), null));
      return;
    }
    int before = reports.hideAfter();
    reports.updateHideAfter(value);
    staff.audit(AuditAction.REPORT_SETTINGS_CHANGED, "reports.hide-after", before + " -> " + value);
    messages.info("reports.threshold.saved", value);
    hideAfter = Integer.toString(value);
  }

  // ----- what the page shows -----

  public List<ReportCard> getCards() {
    return cards;
  }

  /** Each shown comment's decision form. */
  public Map<Long, DecisionDraft> getDrafts() {
    return drafts;
  }

  public long getTotal() {
    return total;
  }

  public int getPage() {
    return page;
  }

  public int getPages() {
    return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public DecisionOutcome[] getOutcomes() {
    return DecisionOutcome.values();
  }

  public List<String> getSuspensions() {
    return SUSPENSIONS;
  }

  public CharterRule[] getRules() {
    return CharterRule.values();
  }

  /** The threshold now, for everyone's information. */
  public int getCurrentHideAfter() {
    return reports.hideAfter();
  }

  /** The decision button's accessible name, which names its comment. */
  public String decideLabel(long commentId) {
    return messages.format("reports.decide.submit.label", commentId);
  }

  public String duration(Duration duration) {
    return Durations.format(duration, messages.bundle(), site.getLocale());
  }

  public String getHideAfter() {
    return hideAfter;
  }

  public void setHideAfter(String hideAfter) {
    this.hideAfter = hideAfter;
  }

  public String getPageParameter() {
    return pageParameter;
  }

  public void setPageParameter(String pageParameter) {
    this.pageParameter = pageParameter;
  }
}
