package org.tribune.comments.internal.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends plain-text mails over SMTP with Jakarta Mail (the server provides the implementation). A
 * plain class, tested against an SMTP server of the tests. Connections time out after a few
 * seconds, so an unreachable server only delays the mail thread.
 */
final class Mailer {
  private static final String TIMEOUT_MILLIS = "10000";

  private final MailSettings settings;
  private final Session session;

  Mailer(MailSettings settings) {
    this.settings = settings;
    Properties properties = new Properties();
    properties.setProperty("mail.transport.protocol", "smtp");
    properties.setProperty("mail.smtp.host", settings.host());
    properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    properties.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticated()));
    properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
    properties.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
    properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
    properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
    properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    this.session = Session.getInstance(properties);
  }

  void send(OutgoingMail mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from(), true));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setText(mail.text(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    message.setHeader("Auto-Submitted", "auto-generated");
    if (mail.unsubscribeUrl() != null && mail.unsubscribeUrl().startsWith("http")) {
      message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
    }
    message.saveChanges();
    if (settings.authenticated()) {
      Transport.send(message, settings.username(), settings.password());
    } else {
      Transport.send(message);
    }
  }
}
