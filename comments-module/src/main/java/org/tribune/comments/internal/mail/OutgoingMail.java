package org.tribune.comments.internal.mail;

import java.util.List;

/**
 * A plain-text mail the module sends.
 *
 * @param unsubscribeUrl the address ending the subscription it comes from, or {@code null}
 */
record OutgoingMail(String to, String subject, String text, String unsubscribeUrl) {

  /**
   * Mails to send once the transaction that decided them has committed. Fired inside it; observed
   * by {@link MailDispatcher} after it succeeds, so a rolled back comment sends nothing.
   */
  record Batch(List<OutgoingMail> mails) {
    Batch {
      mails = List.copyOf(mails);
    }
  }
}
