package org.tribune.comments.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleSummary;

/**
 * Writes the module's mails, inside the transaction that causes them, and hands them over as an
 * {@link OutgoingMail.Batch} event for {@link MailDispatcher} to send after commit: the
 * confirmation of a reply subscription, the news of an approved reply to each confirmed subscriber
 * of the parent comment (but its own author), and a note to the staff for each held comment. Texts
 * come from the bundle {@code org.tribune.comments.internal.mail}: French, or English when {@code
 * tribune.site.locale} is English. Links are built on {@code tribune.site.url}.
 */
@ApplicationScoped
public class CommentMails {
  static final String BUNDLE = "org.tribune.comments.internal.mail";
  static final String CONFIRM_PATH = "/comments/subscriptions/confirm?token=";
  static final String CANCEL_PATH = "/comments/subscriptions/cancel?token=";
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
  @Inject private Event<OutgoingMail.Batch> outgoing;

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
    staff =
        ModerationPolicy.parseWords(staffSetting.orElse("")).stream()
            .filter(CommentInput::isEmail)
            .toList();
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

  private String defaultFrom() {
    String user = username.map(String::strip).orElse("");
    if (CommentInput.isEmail(user.toLowerCase(Locale.ROOT))) {
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

  /** Asks a new subscriber to confirm. */
  void subscriptionCreated(Subscription subscription, Comment comment) {
    if (!settings.enabled()) {
      return;
    }
    Optional<ArticleSummary> article = articles.find(comment.getArticleId());
    if (article.isEmpty()) {
      return;
    }
    String text =
        format(
            "subscription.text",
            comment.getAuthorName(),
            article.get().title(),
            siteUrl + CONFIRM_PATH + encode(subscription.getToken()));
    send(List.of(mail(subscription, format("subscription.subject", siteName), text)));
  }

  /** Tells the confirmed subscribers of the parent of an approved reply, but its own author. */
  void replyApproved(Comment reply, List<Subscription> subscribers) {
    if (!settings.enabled() || subscribers.isEmpty()) {
      return;
    }
    Optional<ArticleSummary> article = articles.find(reply.getArticleId());
    if (article.isEmpty()) {
      return;
    }
    List<OutgoingMail> mails = new ArrayList<>();
    for (Subscription subscription : subscribers) {
      if (subscription.getEmail().equals(reply.getEmail())) {
        continue;
      }
      String text =
          format(
              "reply.text",
              reply.getAuthorName(),
              article.get().title(),
              quote(reply.getBody()),
              commentLink(article.get(), reply.getId()));
      mails.add(mail(subscription, format("reply.subject", siteName), text));
    }
    send(mails);
  }

  /** Tells the staff that a comment waits for them. */
  void held(Comment comment) {
    if (!settings.enabled() || staff.isEmpty()) {
      return;
    }
    Optional<ArticleSummary> article = articles.find(comment.getArticleId());
    String title = article.map(ArticleSummary::title).orElse("#" + comment.getArticleId());
    String link = article.map(a -> commentLink(a, comment.getId())).orElse(siteUrl + "/");
    String text =
        format(
            "held.text",
            title,
            comment.getAuthorName(),
            String.valueOf(comment.getEmail()),
            comment.getWebsite() == null ? "-" : comment.getWebsite(),
            quote(comment.getBody()),
            link,
            Long.toString(comment.getId()));
    String subject = format("held.subject", siteName, title);
    send(staff.stream().map(to -> new OutgoingMail(to, subject, text, null)).toList());
  }

  private OutgoingMail mail(Subscription subscription, String subject, String text) {
    String cancel = siteUrl + CANCEL_PATH + encode(subscription.getToken());
    return new OutgoingMail(
        subscription.getEmail(), subject, text + format("footer", cancel), cancel);
  }

  private void send(List<OutgoingMail> mails) {
    if (!mails.isEmpty()) {
      outgoing.fire(new OutgoingMail.Batch(mails));
    }
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
