package org.tribune.web.discussion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.CommentView;
import org.tribune.comments.api.NewReport;
import org.tribune.comments.api.ReportReceipt;
import org.tribune.comments.api.ReportRejectedException;
import org.tribune.comments.api.ReportRejectedException.Reason;
import org.tribune.comments.api.ReportService;
import org.tribune.comments.api.Submission;
import org.tribune.web.cache.PageCacheFilter;
import org.tribune.web.config.TrustedProxies;
import org.tribune.web.site.Links;
import org.tribune.web.site.SiteSettings;

/**
 * The report form of a comment (« Signaler »), {@code …/comments/{id}/report}, for {@link
 * DiscussionServlet}: {@code GET} shows the comment and the form ({@code ?sent}: the
 * acknowledgement), {@code POST} hands the report to {@link ReportService} and answers {@code 303}
 * to the acknowledgement, or shows the form again with everything typed and each message by its
 * field: 404 for a comment that is not published (held, removed, hidden), 409 for a second report
 * of the same reader, 429 past the rate limit, 403 without this visitor's form token, 400 for the
 * rest. Each page is this visitor's own (a form token made for them): never kept by any cache, and
 * never indexed.
 */
@ApplicationScoped
public class ReportPages {
  /** The last step of the form's address, {@code …/comments/{id}/report}. */
  static final String ACTION = "report";

  /** The acknowledgement's parameter; {@value #SENT_WITH_MAIL} when an e-mail address was given. */
  static final String SENT = "sent";

  static final String SENT_WITH_MAIL = "mail";

  private static final String VIEW = "/WEB-INF/views/report.xhtml";

  @Inject private CommentService comments;
  @Inject private ReportService reports;
  @Inject private TrustedProxies proxies;
  @Inject private SiteSettings site;
  @Inject private Links links;
  @Inject private Event<CommentReported> reported;

  /** The form, or with {@code ?sent} the acknowledgement. */
  void show(
      HttpServletRequest request,
      HttpServletResponse response,
      ArticleSummary article,
      long commentId)
      throws IOException, ServletException {
    String sent = request.getParameter(SENT);
    if (sent != null) {
      request.setAttribute(ReportBacking.SENT, SENT_WITH_MAIL.equals(sent));
      render(request, response, article, commentId, null, HttpServletResponse.SC_OK);
      return;
    }
    Optional<CommentView> comment = reportable(article, commentId);
    if (comment.isEmpty()) {
      refuse(
          request,
          response,
          article,
          commentId,
          new ReportRejectedException(Reason.COMMENT_NOT_FOUND));
      return;
    }
    render(request, response, article, commentId, comment.get(), HttpServletResponse.SC_OK);
  }

  /** Takes a report: {@code 303} to the acknowledgement, or the form again with the messages. */
  void send(
      HttpServletRequest request,
      HttpServletResponse response,
      ArticleSummary article,
      long commentId)
      throws IOException, ServletException {
    ReportForm form = ReportForm.from(request);
    request.setAttribute(ReportBacking.FORM, form);
    String token = request.getParameter("form-token");
    Optional<Duration> age =
        comments.formAge(article.id(), VisitorCookies.sentVisitor(request).orElse(null), token);
    if (age.isEmpty()) {
      // Forged by another site, or sent from a page whose token is another visitor's or too old:
      // nothing is taken; the form comes back with a token of this visitor's.
      Optional<CommentView> comment = reportable(article, commentId);
      if (comment.isEmpty()) {
        refuse(
            request,
            response,
            article,
            commentId,
            new ReportRejectedException(Reason.COMMENT_NOT_FOUND));
        return;
      }
      String message =
          token == null || token.isEmpty()
              ? "discussion.error.confirm"
              : "discussion.error.expired";
      request.setAttribute(
          ReportBacking.ERRORS, FormErrors.general(site.messages().getString(message)));
      render(
          request, response, article, commentId, comment.get(), HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    NewReport report = form.toReport(article.id(), commentId);
    String honeypot = request.getParameter("url");
    Submission submission =
        new Submission(
            proxies.clientAddress(request),
            DiscussionServlet.userAgent(request),
            age.get(),
            honeypot != null && !honeypot.isEmpty());
    ReportReceipt receipt;
    try {
      receipt = reports.report(report, submission);
    } catch (ReportRejectedException refused) {
      refuse(request, response, article, commentId, refused);
      return;
    }
    if (receipt.reportId() != 0) {
      // A robot's report (the honeypot) is answered alike but kept nowhere, the audit log included.
      reported.fire(new CommentReported(commentId, report.reason(), receipt.hidden()));
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location",
        address(article, commentId)
            + "?"
            + SENT
            + (form.email().isBlank() ? "" : "=" + SENT_WITH_MAIL));
  }

  /** The form again with the messages; without the comment when it is no longer published. */
  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      ArticleSummary article,
      long commentId,
      ReportRejectedException refused)
      throws IOException, ServletException {
    request.setAttribute(ReportBacking.ERRORS, FormErrors.of(refused, site.messages()));
    CommentView comment =
        refused.reasons().contains(Reason.COMMENT_NOT_FOUND)
            ? null
            : reportable(article, commentId).orElse(null);
    render(request, response, article, commentId, comment, status(refused));
  }

  /** The address of a comment's report form. */
  String address(ArticleSummary article, long commentId) {
    return links.article(article.slug()) + "/comments/" + commentId + "/" + ACTION;
  }

  /** The comment if a reader may report it: published, under this article. */
  private Optional<CommentView> reportable(ArticleSummary article, long commentId) {
    return comments
        .find(commentId)
        .filter(c -> c.articleId() == article.id() && c.status() == CommentStatus.APPROVED);
  }

  private void render(
      HttpServletRequest request,
      HttpServletResponse response,
      ArticleSummary article,
      long commentId,
      CommentView comment,
      int status)
      throws IOException, ServletException {
    request.setAttribute(ReportBacking.ARTICLE, article);
    request.setAttribute(ReportBacking.COMMENT_ID, commentId);
    request.setAttribute(ReportBacking.ADDRESS, address(article, commentId));
    if (comment != null) {
      request.setAttribute(ReportBacking.COMMENT, comment);
      request.setAttribute(
          ReportBacking.TOKEN,
          comments.formToken(article.id(), VisitorCookies.visitor(request, response)));
    }
    // A page of this visitor's (their token, what they typed): no cache keeps it.
    PageCacheFilter.personal(request);
    response.setHeader("Cache-Control", "no-store");
    response.setStatus(status);
    request.getRequestDispatcher(VIEW).forward(request, response);
  }

  static int status(ReportRejectedException refused) {
    List<Reason> reasons = refused.reasons();
    if (reasons.contains(Reason.COMMENT_NOT_FOUND)) {
      return HttpServletResponse.SC_NOT_FOUND;
    }
    if (reasons.contains(Reason.RATE_LIMITED)) {
      return 429;
    }
    if (reasons.contains(Reason.ALREADY_REPORTED)) {
      return HttpServletResponse.SC_CONFLICT;
    }
    return HttpServletResponse.SC_BAD_REQUEST;
  }
}
