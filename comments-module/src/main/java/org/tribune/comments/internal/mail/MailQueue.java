package org.tribune.comments.internal.mail;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.comments.internal.database.CommentsDatabase;
import org.tribune.comments.internal.database.DatabaseProblems;
import org.tribune.comments.internal.database.OncePerCluster;

/**
 * The module's outgoing mails, kept in {@code comments_mail} until the SMTP server took them.
 *
 * <ul>
 *   <li>{@link #enqueue} writes them in the transaction that decides them: a rolled back comment
 *       sends nothing, a committed one loses none of its mails, whatever happens to the node or the
 *       mail server next;
 *   <li>once that transaction commits, this node tries to send them at once;
 *   <li>every {@code tribune.mail.retry-seconds} one node of the cluster ({@link OncePerCluster})
 *       tries again the mails that failed, waiting twice as long after each failure (up to an
 *       hour); a mail still refused a day after it was written is given up, and logged; sent and
 *       given-up mails are deleted after 30 days.
 * </ul>
 *
 * A node takes a mail for two minutes before sending it: two nodes never send one mail together. A
 * node that dies between the SMTP server's answer and writing it down sends that mail again once
 * its claim ends: a mail may come twice, never not at all.
 */
@ApplicationScoped
public class MailQueue {
  private static final Logger LOG = Logger.getLogger(MailQueue.class.getName());

  /** Mails sent per round; the next round takes the rest. */
  static final int BATCH = 50;

  /** The longest wait between two tries of a mail. */
  static final long MOST_DELAY_SECONDS = 3_600;

  private static final String INSERT =
      "INSERT INTO comments_mail (recipient, subject, body, unsubscribe_url) VALUES (?1, ?2, ?3, ?4)";
  private static final String WAITING =
      " sent_at IS NULL AND failed_at IS NULL"
          + " AND (claimed_until IS NULL OR claimed_until < CURRENT_TIMESTAMP)";
  private static final String DUE =
      "SELECT id FROM comments_mail WHERE"
          + WAITING
          + " AND next_attempt_at <= CURRENT_TIMESTAMP ORDER BY next_attempt_at, id"
          + " FETCH FIRST "
          + BATCH
          + " ROWS ONLY";
  private static final String CLAIM =
      "UPDATE comments_mail SET claimed_until = CURRENT_TIMESTAMP + INTERVAL '2' MINUTE"
          + " WHERE id = ? AND"
          + WAITING;
  private static final String READ =
      "SELECT recipient, subject, body, unsubscribe_url FROM comments_mail WHERE id = ?";
  private static final String SENT =
      "UPDATE comments_mail SET sent_at = CURRENT_TIMESTAMP, claimed_until = NULL,"
          + " attempts = attempts + 1, last_error = NULL WHERE id = ?";
  private static final String FAILED =
      "UPDATE comments_mail SET attempts = attempts + 1, last_error = ?, claimed_until = NULL,"
          + " next_attempt_at = CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND,"
          + " failed_at = CASE WHEN created_at < CURRENT_TIMESTAMP - INTERVAL '1' DAY"
          + " THEN CURRENT_TIMESTAMP ELSE NULL END"
          + " WHERE id = ?";
  private static final String ATTEMPTS =
      "SELECT attempts, failed_at FROM comments_mail WHERE id = ?";
  private static final String PURGE =
      "DELETE FROM comments_mail WHERE sent_at < CURRENT_TIMESTAMP - INTERVAL '30' DAY"
          + " OR failed_at < CURRENT_TIMESTAMP - INTERVAL '30' DAY";

  /** Fired inside the transaction that queued mails; after it commits, they are sent. */
  record Queued(int count) {}

  @Inject
  @ConfigProperty(name = "tribune.mail.retry-seconds", defaultValue = "30")
  int retrySeconds;

  @Inject @CommentsDatabase private EntityManager em;
  @Inject private CommentMails mails;
  @Inject private OncePerCluster cluster;
  @Inject private Event<Queued> queued;

  @Resource(lookup = "java:app/jdbc/tribune")
  private DataSource dataSource;

  @Resource private ManagedExecutorService executor;
  @Resource private ManagedScheduledExecutorService timer;

  private volatile Mailer mailer;
  private ScheduledFuture<?> task;
  private volatile String lastFailure;

  /** Writes mails to send in the current transaction; nothing when mail is off. */
  void enqueue(List<OutgoingMail> outgoing) {
    if (outgoing.isEmpty() || !mails.settings().enabled()) {
      return;
    }
    for (OutgoingMail mail : outgoing) {
      em.createNativeQuery(INSERT)
          .setParameter(1, mail.to())
          .setParameter(2, mail.subject())
          .setParameter(3, mail.text())
          .setParameter(4, mail.unsubscribeUrl())
          .executeUpdate();
    }
    queued.fire(new Queued(outgoing.size()));
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued event) {
    try {
      executor.execute(this::sendDueQuietly);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.WARNING, "Mail kept for later: no thread to send it now ({0})", e.getMessage());
    }
  }

  /** Starts the periodic retries; the module calls it once its schema is migrated. */
  public synchronized void start() {
    if (task == null && mails.settings().enabled()) {
      long period = Math.max(1, retrySeconds);
      task = timer.scheduleWithFixedDelay(this::retry, period, period, TimeUnit.SECONDS);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void retry() {
    try {
      Duration period = Duration.ofSeconds(Math.max(1, retrySeconds));
      cluster.run(
          "comments-mail",
          period,
          Duration.ofMinutes(10),
          () -> {
            sendDue();
            purge();
          });
      lastFailure = null;
    } catch (RuntimeException e) {
      String message = DatabaseProblems.describe(e);
      if (!message.equals(lastFailure)) {
        LOG.log(Level.WARNING, "Mail retries failed, will try again: {0}", message);
      }
      lastFailure = message;
    }
  }

  private void sendDueQuietly() {
    try {
      sendDue();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Mail kept for later: {0}", DatabaseProblems.describe(e));
    }
  }

  /**
   * Sends the mails that are due and that no node is sending, one claimed at a time.
   *
   * @return how many the SMTP server took
   */
  int sendDue() {
    int sent = 0;
    for (long id : due()) {
      if (claim(id)) {
        sent += send(id) ? 1 : 0;
      }
    }
    return sent;
  }

  /** The wait before the next try of a mail that failed {@code attempts} times. */
  static long delaySeconds(int retrySeconds, int attempts) {
    long delay = Math.max(1, retrySeconds);
    for (int i = 1; i < attempts && delay < MOST_DELAY_SECONDS; i++) {
      delay *= 2;
    }
    return Math.min(delay, MOST_DELAY_SECONDS);
  }

  private List<Long> due() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(DUE);
        ResultSet rows = select.executeQuery()) {
      List<Long> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private boolean claim(long id) {
    return update(CLAIM, id) == 1;
  }

  private boolean send(long id) {
    OutgoingMail mail;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement read = connection.prepareStatement(READ)) {
      read.setLong(1, id);
      try (ResultSet row = read.executeQuery()) {
        if (!row.next()) {
          return false;
        }
        mail =
            new OutgoingMail(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    MailSettings settings = mails.settings();
    try {
      Mailer current = mailer;
      if (current == null) {
        current = new Mailer(settings);
        mailer = current;
      }
      current.send(mail);
    } catch (Exception e) {
      failed(id, mail, settings, e);
      return false;
    }
    update(SENT, id);
    return true;
  }

  private void failed(long id, OutgoingMail mail, MailSettings settings, Exception cause) {
    String error = cause.toString();
    try (Connection connection = dataSource.getConnection()) {
      int attempts;
      try (PreparedStatement read = connection.prepareStatement(ATTEMPTS)) {
        read.setLong(1, id);
        try (ResultSet row = read.executeQuery()) {
          attempts = row.next() ? row.getInt(1) + 1 : 1;
        }
      }
      try (PreparedStatement update = connection.prepareStatement(FAILED)) {
        update.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
        update.setLong(2, delaySeconds(retrySeconds, attempts));
        update.setLong(3, id);
        update.executeUpdate();
      }
      boolean givenUp;
      try (PreparedStatement read = connection.prepareStatement(ATTEMPTS)) {
        read.setLong(1, id);
        try (ResultSet row = read.executeQuery()) {
          givenUp = row.next() && row.getTimestamp(2) != null;
        }
      }
      LOG.log(
          givenUp ? Level.SEVERE : Level.WARNING,
          givenUp
              ? "Mail \"{0}\" to {1} given up after {4} tries over a day ({2}:{3}): {5}"
              : "Mail \"{0}\" to {1} not sent ({2}:{3}), try {4}, will try again: {5}",
          new Object[] {
            mail.subject(), mail.to(), settings.host(), settings.port(), attempts, error
          });
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "Mail {0} not sent, and the failure not recorded: {1}",
          new Object[] {id, e.getMessage()});
    }
  }

  private void purge() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(PURGE)) {
      int count = delete.executeUpdate();
      if (count > 0) {
        LOG.fine(() -> count + " old mail(s) deleted");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private int update(String sql, long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setLong(1, id);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
