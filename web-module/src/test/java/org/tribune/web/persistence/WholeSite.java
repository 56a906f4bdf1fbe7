package org.tribune.web.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.FrontPageService;
import org.tribune.articles.api.MediaDescription;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaService;
import org.tribune.articles.api.PageOptions;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.TagService;
import org.tribune.comments.api.CharterRule;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.DecisionOutcome;
import org.tribune.comments.api.DiscussionRules;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.api.ModerationService;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.NewReport;
import org.tribune.comments.api.PostResult;
import org.tribune.comments.api.ReportReason;
import org.tribune.comments.api.ReportService;
import org.tribune.comments.api.Submission;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.audit.AuditLog;
import org.tribune.web.console.security.Accounts;
import org.tribune.web.console.security.Role;
import org.tribune.web.site.MenuItem;
import org.tribune.web.site.Menus;
import org.tribune.web.site.SiteMenu;
import org.tribune.web.site.StoredSettings;
import org.tribune.web.transfer.ImportLinks;

/**
 * Makes, through the services, a site that uses every feature a restore must bring back: a tree of
 * sections, tags and authors renamed (their former slugs), an article with several revisions and a
 * former slug, a lead image from the media library with its description, pages under a page, the
 * front page, a discussion with replies, votes, a confirmed and an unconfirmed subscription, an
 * edited comment, a comment its author deleted under a reply (its tombstone), a staff reply, bans,
 * a featured comment, discussion rules of an article and a section, reports (one decided, one
 * open), settings of the console, menus, an account, an audit entry and the old address of an
 * imported post. Deployed with the tests only.
 */
@ApplicationScoped
public class WholeSite {
  private static final Duration HUMAN = Duration.ofSeconds(30);

  @Inject ArticleService articles;
  @Inject AuthorService authors;
  @Inject SectionService sections;
  @Inject TagService tags;
  @Inject MediaService media;
  @Inject FrontPageService frontPage;
  @Inject CommentService comments;
  @Inject ModerationService moderation;
  @Inject ReportService reports;
  @Inject StoredSettings settings;
  @Inject Menus menus;
  @Inject Accounts accounts;
  @Inject AuditLog audit;
  @Inject ImportLinks links;

  @Resource(lookup = "java:app/jdbc/tribune")
  DataSource dataSource;

  /** What was made, for the checks after a restore. */
  public record Made(long articleId, long pageId, long commentId, long mediaId, String word) {}

  public Made build() throws IOException, SQLException {
    String w = UUID.randomUUID().toString().substring(0, 8);
    long author = authors.create("Inès Roussel " + w, "Correspondante à Lyon.");
    authors.update(author, "Inès Roussel-Dupré " + w, "Correspondante à Lyon depuis 2019.");
    long culture = sections.create("Culture " + w, "Expositions et concerts.", null);
    long museums = sections.create("Musées " + w, "", culture);
    sections.rename(museums, "Musées et patrimoine " + w, "musees-patrimoine-" + w, "");
    long tag = tags.findOrCreate("Lumière " + w, "");
    tags.rename(tag, "Fête des lumières " + w, "fete-des-lumieres-" + w, "");

    MediaItem image = media.upload(png(), "fete-" + w + ".png", "redaction@tribune.test");
    media.describe(
        image.id(),
        new MediaDescription(
            "La place Bellecour illuminée",
            "La place, le 8 décembre.",
            "Photo\u00a0: L. M.",
            0.3,
            0.6));

    ArticleDraft draft =
        new ArticleDraft(
            "Les lumières reviennent sur la place " + w,
            "lumieres-place-" + w,
            "Quatre nuits de projections.",
            BodyFormat.MARKDOWN,
            "La fête commence **jeudi** soir.\n\n> Un rendez-vous attendu.",
            List.of(author),
            museums,
            List.of(tag),
            null,
            null,
            true,
            image.id());
    long article = articles.create(draft);
    articles.publish(article, Instant.now().minus(1, ChronoUnit.HOURS));
    articles.update(article, draft.withSlug("fete-lumieres-" + w));
    articles.update(
        article,
        new ArticleDraft(
            "Les lumières reviennent sur la place Bellecour " + w,
            "fete-lumieres-" + w,
            "Quatre nuits de projections, du 5 au 8 décembre.",
            BodyFormat.MARKDOWN,
            "La fête commence **jeudi** soir, place Bellecour.",
            List.of(author),
            museums,
            List.of(tag),
            null,
            null,
            true,
            image.id()));
    frontPage.feature(
        article, 2, Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));

    long parent =
        articles.create(
            new ArticleDraft(
                "À propos " + w,
                "a-propos-" + w,
                "",
                BodyFormat.MARKDOWN,
                "Qui nous sommes.",
                List.of(),
                null,
                List.of(),
                null,
                null,
                false,
                null,
                PageOptions.atRoot()));
    articles.publish(parent, Instant.now().minus(1, ChronoUnit.HOURS));
    long page =
        articles.create(
            new ArticleDraft(
                "L’équipe " + w,
                "equipe-" + w,
                "",
                BodyFormat.MARKDOWN,
                "La rédaction.",
                List.of(author),
                null,
                List.of(),
                null,
                null,
                false,
                null,
                new PageOptions(parent, true, false, true)));
    articles.publish(page, Instant.now().minus(1, ChronoUnit.HOURS));

    PostResult first =
        approved(post(article, null, "Marc", "marc-" + w + "@lecteurs.test", true, "Belle idée."));
    PostResult answer =
        approved(
            post(article, first.commentId(), "Lise", "lise-" + w + "@lecteurs.test", true, "Oui."));
    PostResult gone =
        approved(
            post(
                article,
                null,
                "Paul",
                "paul-" + w + "@lecteurs.test",
                false,
                "Je retire ce que j’ai dit."));
    approved(
        post(
            article,
            gone.commentId(),
            "Nora",
            "nora-" + w + "@lecteurs.test",
            false,
            "Trop tard, Paul."));
    comments.edit(first.commentId(), first.editToken(), "Belle idée, vraiment.");
    comments.vote(article, first.commentId(), 1, "votant-a-" + w, human("10.1.0.1"));
    comments.vote(article, first.commentId(), 1, "votant-b-" + w, human("10.1.0.2"));
    comments.vote(article, answer.commentId(), -1, "votant-a-" + w, human("10.1.0.1"));
    comments.deleteOwn(gone.commentId(), gone.editToken());
    comments.confirmSubscription(subscriptionToken(first.commentId()));
    moderation.replyAsStaff(first.commentId(), "La rédaction", "redaction@tribune.test", "Merci.");
    moderation.feature(first.commentId(), "redaction@tribune.test");
    moderation.setArticleRules(
        article,
        new DiscussionRules(ModerationMode.HOLD_ALL, Instant.parse("2031-01-01T08:30:00.123456Z")));
    moderation.setSectionMode(museums, ModerationMode.APPROVE_ALL);
    moderation.banEmail("indesirable-" + w + "@lecteurs.test");
    comments.banAuthorOf(answer.commentId());
    // A report decided (the reports' text kept), and one still open.
    reports.report(
        new NewReport(
            article,
            answer.commentId(),
            ReportReason.ILLICIT,
            IllicitCategory.INSULT_DEFAMATION,
            "Une attaque contre Marc.",
            "Jeanne",
            "jeanne-" + w + "@lecteurs.test",
            true),
        human("10.1.0.3"));
    reports.decide(
        answer.commentId(),
        DecisionOutcome.KEEP,
        CharterRule.NO_BREACH,
        "Un désaccord, pas une attaque.",
        "moderation@tribune.test");
    reports.report(
        new NewReport(article, first.commentId(), ReportReason.SPAM, null, null, null, null, false),
        human("10.1.0.4"));

    settings.put("restore-test." + w, "une valeur\u00a0: « gardée »", "redaction@tribune.test");
    menus.save(
        SiteMenu.FOOTER,
        List.of(
            new MenuItem(MenuItem.Kind.PAGE, "a-propos-" + w, "À propos", 0),
            new MenuItem(MenuItem.Kind.PAGE, "a-propos-" + w + "/equipe-" + w, "L’équipe", 1),
            new MenuItem(MenuItem.Kind.ADDRESS, "https://example.org/", "Nos partenaires", 0)),
        "redaction@tribune.test");
    accounts.create(
        "secretaire-" + w + "@tribune.test",
        "Secrétaire de rédaction",
        Role.EDITOR,
        "un mot de passe assez long " + w,
        author);
    audit.record(
        "redaction@tribune.test", AuditAction.SETTINGS_CHANGED, "restore-test", w, "0f0f0f0f");
    links.insert(
        List.of(
            new ImportLinks.Link(
                "https://ancien-" + w + ".example",
                ImportLinks.Kind.POST,
                "42",
                article,
                "/2019/12/lumieres/",
                "lumieres",
                Instant.parse("2019-12-08T20:00:00Z"),
                1)));
    return new Made(article, page, first.commentId(), image.id(), w);
  }

  private PostResult post(
      long article, Long parent, String name, String email, boolean subscribe, String body) {
    return comments.post(
        new NewComment(article, parent, name, email, null, body, subscribe),
        human("10.0." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250)));
  }

  /** Approved, as a moderator would: replies go only to approved comments. */
  private PostResult approved(PostResult posted) {
    if (posted.status() != CommentStatus.APPROVED) {
      comments.moderate(posted.commentId(), CommentStatus.APPROVED);
    }
    return posted;
  }

  private static Submission human(String address) {
    return new Submission(address, "Mozilla/5.0 (test)", HUMAN, false);
  }

  private String subscriptionToken(long commentId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT token FROM comments_subscription WHERE comment_id = ?")) {
      s.setLong(1, commentId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new IllegalStateException("no subscription to comment " + commentId);
        }
        return r.getString(1);
      }
    }
  }

  /** A 640 × 480 PNG of two bands of colour, with a name of its own. */
  private static Path png() throws IOException {
    BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(20, 40, 90));
    g.fillRect(0, 0, 640, 240);
    g.setColor(new Color((int) (Math.random() * 255), 180, 60));
    g.fillRect(0, 240, 640, 240);
    g.dispose();
    Path file = Files.createTempFile("tribune-whole-site-", ".png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
