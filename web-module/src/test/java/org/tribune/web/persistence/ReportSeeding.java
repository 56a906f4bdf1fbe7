package org.tribune.web.persistence;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.AuthorService;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.ModeratedComment;
import org.tribune.comments.api.ModerationService;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.NewReport;
import org.tribune.comments.api.ReportReason;
import org.tribune.comments.api.ReportService;
import org.tribune.comments.api.ReportedComment;
import org.tribune.comments.api.Submission;
import org.tribune.web.console.security.Accounts;
import org.tribune.web.console.security.Role;

/**
 * Sets the scene of {@link ReportsConsoleIT} through the services, in-container, as readers and the
 * first start would (the console itself is then driven over HTTP); deployed with the tests only,
 * never in the WAR. Answers {@code name TAB value} lines.
 *
 * <ul>
 *   <li>{@code POST accounts?password=}: an administrator, a moderator and an author;
 *   <li>{@code POST comment?body=&reports=ILLICIT:HATE,SPAM&edited=}: a published article with an
 *       approved comment, reported once per item (each from an address of its own; an illicit
 *       report with a name, an e-mail address, an explanation and the good-faith statement), then
 *       edited when {@code edited} is given;
 *   <li>{@code POST report?comment=&article=&reason=}: one more report of a comment;
 *   <li>{@code GET state?comment=}: the comment's status, its open reports and its decisions;
 *   <li>{@code POST forget-hide-after}: the threshold back to the configuration's.
 * </ul>
 */
@WebServlet("/test-seed/reports/*")
public class ReportSeeding extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The explanation of every seeded illicit report; its markup must stay text. */
  static final String EXPLANATION =
      "Ce texte vise une personne <em>nommément</em>.\nDeuxième ligne.";

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Inject private transient Accounts accounts;
  @Inject private transient ArticleService articles;
  @Inject private transient AuthorService authors;
  @Inject private transient CommentService comments;
  @Inject private transient ModerationService moderation;
  @Inject private transient ReportService reports;

  @Resource(lookup = "java:app/jdbc/tribune")
  private transient DataSource dataSource;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = text(response);
    String run = UUID.randomUUID().toString().substring(0, 8);
    switch (String.valueOf(request.getPathInfo())) {
      case "/accounts" -> {
        String password = request.getParameter("password");
        for (Role role : List.of(Role.ADMIN, Role.MODERATOR, Role.AUTHOR)) {
          String email = role.name().toLowerCase() + "-" + run + "@example.org";
          accounts.create(email, "Compte " + role.name().toLowerCase(), role, password, null);
          out.println(role + "\t" + email);
        }
      }
      case "/comment" -> {
        long author = authors.create("Auteur des signalements " + run, "");
        long article =
            articles.create(
                ArticleDraft.markdown(
                    "Le marché du samedi change de place " + run,
                    "Il s’installe sur le quai.",
                    "Les étals seront plus nombreux.",
                    author));
        articles.publish(article, Instant.now().minusSeconds(60));
        long comment =
            comments
                .post(
                    new NewComment(
                        article,
                        null,
                        "Lecteur " + run,
                        "lecteur-" + run + "@example.org",
                        null,
                        request.getParameter("body"),
                        false),
                    submission())
                .commentId();
        moderation.moderate(List.of(comment), CommentStatus.APPROVED);
        String list = request.getParameter("reports");
        for (String item : list == null || list.isBlank() ? new String[0] : list.split(",")) {
          report(article, comment, item);
        }
        String edited = request.getParameter("edited");
        if (edited != null) {
          moderation.editBody(comment, edited);
        }
        out.println("comment\t" + comment);
        out.println("article\t" + article);
        out.println("slug\t" + articles.find(article).orElseThrow().slug());
      }
      case "/report" ->
          out.println(
              "report\t"
                  + report(
                      Long.parseLong(request.getParameter("article")),
                      Long.parseLong(request.getParameter("comment")),
                      request.getParameter("reason")));
      case "/forget-hide-after" -> {
        try (Connection connection = dataSource.getConnection();
            Statement sql = connection.createStatement()) {
          sql.executeUpdate("DELETE FROM comments_setting WHERE name = 'reports-hide-after'");
        } catch (SQLException e) {
          throw new IOException(e);
        }
        out.println("hide-after\t" + reports.hideAfter());
      }
      default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"/state".equals(request.getPathInfo())) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    long id = Long.parseLong(request.getParameter("comment"));
    PrintWriter out = text(response);
    out.println(
        "status\t"
            + moderation.find(id).map(ModeratedComment::status).map(Enum::name).orElse("DELETED"));
    ReportedComment reported = reports.find(id).orElseThrow();
    out.println("open\t" + reported.openReports());
    out.println("decisions\t" + reported.decisions().size());
    out.println("hide-after\t" + reports.hideAfter());
  }

  /** One report: {@code ILLICIT:HATE} (with everything the law asks), {@code SPAM}… */
  private long report(long article, long comment, String item) {
    String[] parts = item.strip().split(":");
    ReportReason reason = ReportReason.valueOf(parts[0]);
    boolean illicit = reason == ReportReason.ILLICIT;
    String serial = Integer.toString(ADDRESSES.incrementAndGet());
    return reports
        .report(
            new NewReport(
                article,
                comment,
                reason,
                illicit ? IllicitCategory.valueOf(parts.length > 1 ? parts[1] : "OTHER") : null,
                illicit || reason == ReportReason.OTHER ? EXPLANATION : null,
                illicit ? "Claire Signaleuse " + serial : null,
                illicit ? "signaleuse-" + serial + "@example.org" : null,
                illicit),
            submission())
        .reportId();
  }

  /** A reader's form, sent from an address no other seeded form used. */
  private static Submission submission() {
    int n = ADDRESSES.incrementAndGet();
    return new Submission(
        "10.77." + (n >> 8 & 0xff) + "." + (n & 0xff),
        "ReportSeeding",
        Duration.ofMinutes(1),
        false);
  }

  private static PrintWriter text(HttpServletResponse response) throws IOException {
    response.setContentType("text/plain");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    return response.getWriter();
  }
}
