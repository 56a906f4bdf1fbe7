package org.tribune.web.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the discussion tests their servers: two at most per run, shared by every test class that
 * declares this extension ({@link DiscussionIT}, {@link DiscussionBrowserIT}), each started when a
 * test first asks for it and stopped when the run ends (like {@link SharedTribune}).
 *
 * <ul>
 *   <li>A plain {@link TribuneServer} parameter: the <b>open</b> server. Every comment is published
 *       at once ({@code approve-all}), a form may be sent at once ({@code min-form-seconds 0}),
 *       three threads a page so that paging shows with a handful of comments, and a rate limit no
 *       test reaches, and the page's script polls the discussion's state every {@link
 *       #POLL_SECONDS} seconds. Its mail goes to a {@link Mailbox} (GreenMail in this JVM, a
 *       parameter of that type), and its first administrator has {@link
 *       ConsoleServer#ADMIN_PASSWORD}, so that a test may read the audit log.
 *   <li>A {@link Moderated @Moderated TribuneServer} parameter: the <b>moderated</b> server. The
 *       default policy ({@code first-time}: a new e-mail address is held), a rate limit of two
 *       comments a minute, an edit window of three seconds, and discussions that close one day
 *       after publication, which closes the demo articles older than 24 hours. Forms may still be
 *       sent at once: a held comment is then held because of the moderation, not taken for spam.
 * </ul>
 *
 * Tests on these servers share their articles and counters, so each test looks only at the comments
 * it wrote itself, and each class says which demo articles it writes under.
 */
final class DiscussionServers implements ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(DiscussionServers.class);

  /** Edit window of the moderated server, as the server is told it. */
  static final String MODERATED_EDIT_WINDOW = "PT3S";

  /** Comments an address may post a minute on the moderated server. */
  static final int MODERATED_RATE_LIMIT = 2;

  /**
   * Seconds between the polls of a discussion's state by the page's script on the open server (20
   * by default): a browser test sees a new comment announced in a few seconds.
   */
  static final int POLL_SECONDS = 2;

  /** Threads a page on both servers. */
  static final int THREADS_PER_PAGE = 3;

  /** Marks a {@link TribuneServer} parameter that must be the moderated server. */
  @Target(ElementType.PARAMETER)
  @Retention(RetentionPolicy.RUNTIME)
  @interface Moderated {}

  private enum Kind {
    OPEN,
    MODERATED
  }

  /** Where the open server's mail to the staff goes. */
  static final String STAFF_MAIL = "moderation@tribune.test";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TribuneServer.class || type == Mailbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    boolean mailbox = parameter.getParameter().getType() == Mailbox.class;
    Kind kind = !mailbox && parameter.isAnnotated(Moderated.class) ? Kind.MODERATED : Kind.OPEN;
    // The open server's mailbox, before the server that sends to it (and closed after it).
    Mailbox mail =
        kind == Kind.OPEN
            ? store.getOrComputeIfAbsent(Mailbox.class, k -> Mailbox.start(), Mailbox.class)
            : null;
    if (mailbox) {
      return mail;
    }
    return store.getOrComputeIfAbsent(kind, k -> start(k, mail), TribuneServer.class);
  }

  private static TribuneServer start(Kind kind, Mailbox mail) {
    String threads = Integer.toString(THREADS_PER_PAGE);
    return switch (kind) {
      case OPEN ->
          TribuneServer.onTestDatabase("discussion-open")
              .withEnvironment("TRIBUNE_MAIL_HOST", "127.0.0.1")
              .withEnvironment("TRIBUNE_MAIL_PORT", Integer.toString(mail.port()))
              .withEnvironment("TRIBUNE_MAIL_STARTTLS", "false")
              .withEnvironment("TRIBUNE_MAIL_FROM", "tribune@tribune.test")
              .withEnvironment("TRIBUNE_MAIL_STAFF", STAFF_MAIL)
              .withEnvironment("TRIBUNE_MAIL_RETRY_SECONDS", "1")
              .withEnvironment("TRIBUNE_ADMIN_PASSWORD", ConsoleServer.ADMIN_PASSWORD)
              .withEnvironment("TRIBUNE_COMMENTS_MODERATION", "approve-all")
              .withEnvironment("TRIBUNE_COMMENTS_MIN_FORM_SECONDS", "0")
              .withEnvironment("TRIBUNE_COMMENTS_THREADS_PER_PAGE", threads)
              .withEnvironment("TRIBUNE_COMMENTS_RATE_LIMIT", "1000")
              .withEnvironment("TRIBUNE_DISCUSSION_POLL_SECONDS", Integer.toString(POLL_SECONDS))
              .start();
      case MODERATED ->
          TribuneServer.onTestDatabase("discussion-moderated")
              .withEnvironment("TRIBUNE_COMMENTS_MODERATION", "first-time")
              .withEnvironment("TRIBUNE_COMMENTS_MIN_FORM_SECONDS", "0")
              .withEnvironment("TRIBUNE_COMMENTS_THREADS_PER_PAGE", threads)
              .withEnvironment(
                  "TRIBUNE_COMMENTS_RATE_LIMIT", Integer.toString(MODERATED_RATE_LIMIT))
              .withEnvironment("TRIBUNE_COMMENTS_EDIT_WINDOW", MODERATED_EDIT_WINDOW)
              .withEnvironment("TRIBUNE_COMMENTS_CLOSE_AFTER_DAYS", "1")
              .start();
    };
  }
}
