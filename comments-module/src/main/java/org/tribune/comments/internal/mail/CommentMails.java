package org.tribune.comments.internal.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.comments.api.CharterRule;
import org.tribune.comments.api.DecisionOutcome;
import org.tribune.comments.api.IllicitCategory;
import org.tribune.comments.api.ReportReason;

/**
 * Writes the module's mails, inside the transaction that causes them, into the {@link MailQueue},
 * which sends them once it commits (and again later when the mail server failed): the confirmation
 * of a reply subscription, the news of an approved reply to each confirmed subscriber of the parent
 * comment (but its own author), and a note to the staff for each held comment. Texts come from the
 * bundle {@code org.tribune.comments.internal.mail.mail}: French, or English when {@code
 * tribune.site.locale} is English. Links are built on {@code tribune.site.url}.
 */
@ApplicationScoped
public class CommentMails {
  static final String BUNDLE = "org.tribune.comments.internal.mail.mail";
  static final String CONFIRM_PATH = "/comments/subscriptions/confirm?token=";
  static final String CANCEL_PATH = "/comments/subscriptions/cancel?token=";

  /** The console's page of a reported comment. */
  static final String REPORTS_PATH = "/admin/reports?comment=";

  private static final Logger LOG = Logger.getLogger(CommentMails.class.getName());
  private static final int QUOTED_LENGTH = 2_000;

  @Inject
  @ConfigProperty(name = "tribune.mail.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "tribune.mail.port", defaultValue = "587")
  int port;

  @Inject
  @ConfigProperty(name = "tribune.mail.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "tribune.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "tribune.mail.from")
  Optional<String> from;

  @Inject
  @ConfigProperty(name = "tribune.mail.starttls", defaultValue = "true")
  boolean startTls;

  @Inject
  @ConfigProperty(name = "tribune.mail.staff")
  Optional<String> staffSetting;

  @Inject
  @ConfigProperty(name = "tribune.site.url")
  Optional<String> siteUrlSetting;

  @Inject
  @ConfigProperty(name = "tribune.site.name", defaultValue = "Tribune")
  String siteName;

  @Inject
  @ConfigProperty(name = "tribune.site.locale", defaultValue = "fr-FR")
  String siteLocale;

  @Inject private ArticleService articles;
  @Inject private MailQueue queue;

  private MailSettings settings;
  private List<String> staff;
  private String siteUrl;
  private ResourceBundle texts;

  @PostConstruct
  void init() {
    siteUrl = siteUrlSetting.map(String::strip).orElse("").replaceAll("/+$", "");
    String hostName = host.map(String::strip).orElse("");
    settings =
        new MailSettings(
            hostName,
            port,
            username.map(String::strip).orElse(""),
            password.orElse(""),
            from.map(String::strip).filter(f -> !f.isEmpty()).orElseGet(this::defaultFrom),
            startTls);
    staff = addresses("tribune.mail.staff", staffSetting.orElse(""));
    texts = bundle(siteLocale);
    if (settings.enabled() && siteUrl.isEmpty()) {
      LOG.warning(
          "tribune.site.url is not set: the links in the comment mails will lack the site's"
              + " address");
    }
  }

  /** French unless the site speaks English; never the server's default language. */
  static ResourceBundle bundle(String localeTag) {
    Locale locale = Locale.forLanguageTag(localeTag == null ? "" : localeTag.strip());
    Locale chosen = locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.ROOT;
    return ResourceBundle.getBundle(
        BUNDLE,
        chosen,
        CommentMails.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The addresses of a comma-separated setting; a wrong one is logged and left out. */
  static List<String> addresses(String key, String setting) {
    List<String> addresses = new ArrayList<>();
    for (String address : setting.split(",")) {
      if (address.isBlank()) {
        continue;
      }
      try {
        addresses.add(new InternetAddress(address.strip(), true).getAddress());
      } catch (AddressException e) {
        LOG.warning(() -> key + ": '" + address.strip() + "' is not an e-mail address; left out");
      }
    }
    return List.copyOf(addresses);
  }

  private static boolean isAddress(String text) {
    try {
      new InternetAddress(text, true);
      return true;
    } catch (AddressException e) {
      return false;
    }
  }

  private String defaultFrom() {
    String user = username.map(String::strip).orElse("");
    if (user.contains("@") && isAddress(user)) {
      return user;
    }
    String siteHost = null;
    try {
      siteHost = siteUrlSetting.map(u -> URI.create(u.strip()).getHost()).orElse(null);
    } catch (IllegalArgumentException e) {
      // the web module reports a bad site address
    }
    return "noreply@" + (siteHost == null ? "localhost" : siteHost);
  }

  MailSettings settings() {
    return settings;
  }

  /** Asks the author of a comment who wants to hear of replies to confirm. */
  public void subscriptionCreated(MailedComment comment, Subscriber subscriber) {
    if (!settings.enabled()) {
      return;
    }
    Optional<ArticleSummary> article = articles.find(comment.articleId());
    if (article.isEmpty()) {
      return;
    }
    String text =
        format(
            "subscription.text",
            comment.authorName(),
            article.get().title(),
            siteUrl + CONFIRM_PATH + encode(subscriber.token()));
    send(List.of(mail(subscriber, format("subscription.subject", siteName), text)));
  }

  /** Tells the confirmed subscribers of the parent of an approved reply, but its own author. */
  public void replyApproved(MailedComment reply, List<Subscriber> subscribers) {
    tell(reply, subscribers, "reply");
  }

  /** Tells the confirmed subscribers of a quoted comment that an approved comment quotes it. */
  public void quoted(MailedComment quoting, List<Subscriber> subscribers) {
    tell(quoting, subscribers, "quoted");
  }

  /**
   * Tells subscribers of a comment ({@code <kind>.subject}, {@code <kind>.text}), but its own
   * author.
   */
  private void tell(MailedComment comment, List<Subscriber> subscribers, String kind) {
    if (!settings.enabled() || subscribers.isEmpty()) {
      return;
    }
    Optional<ArticleSummary> article = articles.find(comment.articleId());
    if (article.isEmpty()) {
      return;
    }
    List<OutgoingMail> mails = new ArrayList<>();
    for (Subscriber subscriber : subscribers) {
      if (subscriber.email().equals(comment.email())) {
        continue;
      }
      String text =
          format(
              kind + ".text",
              comment.authorName(),
              article.get().title(),
              quote(comment.body()),
              commentLink(article.get(), comment.id()));
      mails.add(mail(subscriber, format(kind + ".subject", siteName), text));
    }
    send(mails);
  }

  /** Tells the staff that a comment waits for them. */
  public void held(MailedComment comment) {
    if (!settings.enabled() || staff.isEmpty()) {
      return;
    }
    Optional<ArticleSummary> article = articles.find(comment.articleId());
    String title = article.map(ArticleSummary::title).orElse("#" + comment.articleId());
    String link = article.map(a -> commentLink(a, comment.id())).orElse(siteUrl + "/");
    String text =
        format(
            "held.text",
            title,
            comment.authorName(),
            String.valueOf(comment.email()),
            comment.website() == null ? "-" : comment.website(),
            quote(comment.body()),
            link,
            Long.toString(comment.id()));
    String subject = format("held.subject", siteName, title);
    send(staff.stream().map(to -> new OutgoingMail(to, subject, text, null)).toList());
  }

  /**
   * Acknowledges a report to the reporter who gave an e-mail address.
   *
   * @param reporterName may be {@code null}
   */
  public void reportReceived(
      String reporterEmail, String reporterName, MailedComment comment, ReportReason reason) {
    if (!settings.enabled() || reporterEmail == null) {
      return;
    }
    Optional<ArticleSummary> article = articles.find(comment.articleId());
    String title = article.map(ArticleSummary::title).orElse("#" + comment.articleId());
    String link = article.map(a -> commentLink(a, comment.id())).orElse(siteUrl + "/");
    String text =
        format(
            "report.received.text",
            reporterName == null ? "" : " " + reporterName,
            title,
            comment.authorName(),
            texts.getString("reason." + reason.name()),
            link);
    send(
        List.of(
            new OutgoingMail(
                reporterEmail, format("report.received.subject", siteName), text, null)));
  }

  /**
   * Tells the staff of a report at once: of every illicit-content report, and of a report that hid
   * its comment.
   *
   * @param reporter the reporter's name and address as given (may be {@code null}: anonymous)
   * @param openReports the comment's open reports, this one included
   */
  public void reportToStaff(
      MailedComment comment,
      ReportReason reason,
      IllicitCategory category,
      String explanation,
      String reporter,
      int openReports,
      boolean hidden) {
    if (!settings.enabled() || staff.isEmpty()) {
      return;
    }
    Optional<ArticleSummary> article = articles.find(comment.articleId());
    String title = article.map(ArticleSummary::title).orElse("#" + comment.articleId());
    String motive =
        texts.getString("reason." + reason.name())
            + (category == null ? "" : " – " + texts.getString("category." + category.name()));
    String text =
        format(
            "report.staff.text",
            title,
            comment.authorName(),
            motive,
            explanation == null ? "-" : quote(explanation),
            reporter == null ? texts.getString("anonymous") : reporter,
            quote(comment.body()),
            siteUrl + REPORTS_PATH + comment.id(),
            openReports,
            hidden ? 1 : 0);
    String subject = format("report.staff.subject", siteName, title);
    send(staff.stream().map(to -> new OutgoingMail(to, subject, text, null)).toList());
  }

  /**
   * Sends the statement of reasons of a decision to the comment's author (when {@code authorEmail}
   * is set) and to each reporter address (a reporter who is also the author gets one mail).
   *
   * @param charter the charter's address, if published
   */
  public void decisionTaken(
      MailedComment comment,
      String authorEmail,
      Collection<String> reporterEmails,
      DecisionOutcome outcome,
      CharterRule rule,
      String statement,
      Duration suspension,
      Optional<String> charter) {
    if (!settings.enabled()) {
      return;
    }
    String title =
        articles
            .find(comment.articleId())
            .map(ArticleSummary::title)
            .orElse("#" + comment.articleId());
    String decided =
        outcome == DecisionOutcome.REMOVE_AND_SUSPEND
            ? format("decision.outcome.REMOVE_AND_SUSPEND", days(suspension))
            : texts.getString("decision.outcome." + outcome.name());
    String applied = texts.getString("rule." + rule.name());
    String reasons = statement == null ? "" : format("decision.statement", statement);
    String charterLine = charter.map(c -> format("decision.charter", c)).orElse("");
    String subject = format("decision.subject", siteName);
    List<OutgoingMail> mails = new ArrayList<>();
    if (authorEmail != null) {
      mails.add(
          new OutgoingMail(
              authorEmail,
              subject,
              format("decision.author.text", title, decided, applied, reasons, charterLine),
              null));
    }
    String reporterText =
        format(
            "decision.reporter.text",
            title,
            comment.authorName(),
            decided,
            applied,
            reasons,
            charterLine);
    reporterEmails.stream()
        .distinct()
        .filter(to -> !to.equals(authorEmail))
        .forEach(to -> mails.add(new OutgoingMail(to, subject, reporterText, null)));
    send(mails);
  }

  /**
   * Tells a suspended author for how long, and why.
   *
   * @param duration {@code null}: for good
   * @param reason may be {@code null}
   */
  public void suspended(String email, Duration duration, String reason) {
    if (!settings.enabled()) {
      return;
    }
    String text =
        format(
            "suspended.text",
            days(duration),
            reason == null ? "" : format("suspended.reason", reason));
    send(List.of(new OutgoingMail(email, format("suspended.subject", siteName), text, null)));
  }

  /** Whole days of a sanction, at least 1; 0 for good. */
  static long days(Duration duration) {
    return duration == null ? 0 : Math.max(1, (duration.toHours() + 12) / 24);
  }

  private OutgoingMail mail(Subscriber subscriber, String subject, String text) {
    String cancel = siteUrl + CANCEL_PATH + encode(subscriber.token());
    return new OutgoingMail(subscriber.email(), subject, text + format("footer", cancel), cancel);
  }

  private void send(List<OutgoingMail> mails) {
    queue.enqueue(mails);
  }

  private String commentLink(ArticleSummary article, long commentId) {
    return siteUrl + "/articles/" + article.slug() + "#comment-" + commentId;
  }

  private String format(String key, Object... arguments) {
    return new MessageFormat(texts.getString(key), texts.getLocale()).format(arguments);
  }

  private static String quote(String body) {
    String text = body.length() <= QUOTED_LENGTH ? body : body.substring(0, QUOTED_LENGTH) + " […]";
    return "> " + text.replace("\n", "\n> ");
  }

  private static String encode(String token) {
    return URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
