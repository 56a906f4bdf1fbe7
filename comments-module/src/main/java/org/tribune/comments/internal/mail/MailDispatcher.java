package org.tribune.comments.internal.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the mails a transaction decided, once it has committed, on the server's managed executor:
 * never in the request that caused them, never when the transaction rolled back. A mail that cannot
 * be sent is logged and dropped; the comment it is about is already stored.
 */
@ApplicationScoped
public class MailDispatcher {
  private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());

  @Resource private ManagedExecutorService executor;
  @Inject private CommentMails mails;

  private volatile Mailer mailer;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingMail.Batch batch) {
    MailSettings settings = mails.settings();
    if (!settings.enabled() || batch.mails().isEmpty()) {
      return;
    }
    try {
      executor.execute(() -> send(settings, batch));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.WARNING, "Mail not sent: no thread to send it ({0})", e.getMessage());
    }
  }

  private void send(MailSettings settings, OutgoingMail.Batch batch) {
    Mailer current = mailer;
    if (current == null) {
      current = new Mailer(settings);
      mailer = current;
    }
    for (OutgoingMail mail : batch.mails()) {
      try {
        current.send(mail);
      } catch (Exception e) {
        LOG.log(
            Level.WARNING,
            "Mail \"{0}\" not sent to {1}:{2}: {3}",
            new Object[] {mail.subject(), settings.host(), settings.port(), e.toString()});
      }
    }
  }
}
