package org.tribune.web.console.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.EditorialService;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.DailyCount;
import org.tribune.comments.api.DiscussedArticle;
import org.tribune.comments.api.ModeratedComment;
import org.tribune.comments.api.ModerationService;
import org.tribune.web.console.ArticleTitles;
import org.tribune.web.console.audit.AuditEntry;
import org.tribune.web.console.audit.AuditFilter;
import org.tribune.web.console.audit.AuditLog;
import org.tribune.web.console.backup.Snapshots;
import org.tribune.web.console.security.Staff;
import org.tribune.web.legal.LegalPages;
import org.tribune.web.site.SiteSettings;

/**
 * Backs {@code /admin/dashboard.xhtml}: articles by status, comments waiting, comments per day over
 * the last {@value #DAYS} days and the most discussed articles over the same days, the latest
 * comments and (for administrators) the latest audit entries. Each figure is read once per request.
 */
@Named
@RequestScoped
public class DashboardBacking {
  static final int DAYS = 30;
  static final int TOP = 10;
  static final int LATEST = 8;

  @Inject private EditorialService editorial;
  @Inject private ArticleTitles articleTitles;
  @Inject private ModerationService moderation;
  @Inject private AuditLog audit;
  @Inject private Staff staff;
  @Inject private SiteSettings site;
  @Inject private LegalPages legal;

  @Inject private Snapshots snapshots;

  private Boolean legalPublished;

  /** When the last snapshot failed (in the site's words), or null when it did not. */
  public String getBackupFailure() {
    return snapshots
        .last()
        .filter(Snapshots.Attempt::failed)
        .map(attempt -> site.dateTime(attempt.at()))
        .orElse(null);
  }

  /** Whether the <em>Mentions légales</em> are published (the dashboard warns until they are). */
  public boolean isLegalPublished() {
    if (legalPublished == null) {
      legalPublished = legal.mentionsPublished();
    }
    return legalPublished;
  }

  private Map<ArticleStatus, Long> articleCounts;
  private Map<CommentStatus, Long> commentCounts;
  private List<DailyCount> perDay;
  private List<Discussed> discussed;
  private List<ModeratedComment> latestComments;
  private List<AuditEntry> latestActivity;
  private final Map<Long, String> titles = new HashMap<>();

  /** An article and its number of approved comments over the period. */
  public record Discussed(long articleId, String title, long comments) {}

  public Map<ArticleStatus, Long> getArticleCounts() {
    if (articleCounts == null) {
      articleCounts = editorial.countByStatus(false);
    }
    return articleCounts;
  }

  public ArticleStatus[] getArticleStatuses() {
    return ArticleStatus.values();
  }

  public Map<CommentStatus, Long> getCommentCounts() {
    if (commentCounts == null) {
      commentCounts = moderation.countByStatus();
    }
    return commentCounts;
  }

  public long commentCount(CommentStatus status) {
    return getCommentCounts().getOrDefault(status, 0L);
  }

  public long getWaiting() {
    return getCommentCounts().getOrDefault(CommentStatus.PENDING, 0L);
  }

  public List<DailyCount> getPerDay() {
    if (perDay == null) {
      perDay = moderation.commentsPerDay(site.getZone(), DAYS);
    }
    return perDay;
  }

  public long getPerDayTotal() {
    return getPerDay().stream().mapToLong(DailyCount::count).sum();
  }

  /** The Chart.js configuration of the comments-per-day chart. */
  public String getPerDayChart() {
    DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", site.getLocale());
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder values = Json.createArrayBuilder();
    for (DailyCount day : getPerDay()) {
      labels.add(label.format(day.day()));
      values.add(day.count());
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "comments")
                                .add("data", values)
                                .add("backgroundColor", "#1e3a5f"))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("display", false)))
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }

  public List<Discussed> getMostDiscussed() {
    if (discussed == null) {
      List<DiscussedArticle> top = moderation.mostDiscussed(DAYS, TOP);
      Set<Long> ids = new HashSet<>();
      top.forEach(d -> ids.add(d.articleId()));
      remember(ids);
      discussed = new ArrayList<>();
      for (DiscussedArticle d : top) {
        discussed.add(new Discussed(d.articleId(), title(d.articleId()), d.comments()));
      }
    }
    return discussed;
  }

  public List<ModeratedComment> getLatestComments() {
    if (latestComments == null) {
      latestComments = moderation.recent(LATEST);
      Set<Long> ids = new HashSet<>();
      latestComments.forEach(c -> ids.add(c.articleId()));
      remember(ids);
    }
    return latestComments;
  }

  public List<AuditEntry> getLatestActivity() {
    if (latestActivity == null) {
      latestActivity = staff.isAdmin() ? audit.find(AuditFilter.none(), 0, LATEST) : List.of();
    }
    return latestActivity;
  }

  public String title(long articleId) {
    return titles.getOrDefault(articleId, "#" + articleId);
  }

  private void remember(Set<Long> ids) {
    ids.removeAll(titles.keySet());
    titles.putAll(articleTitles.of(ids));
  }
}
