package org.tribune.comments.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailerTest {
  private GreenMail smtp;
  private int port;

  @BeforeEach
  void startSmtp() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  private MailSettings settings() {
    return new MailSettings("127.0.0.1", port, "", "", "Tribune <noreply@tribune.test>", false);
  }

  @Test
  void sendsAPlainTextUtf8MailWithAnUnsubscribeHeader() throws Exception {
    new Mailer(settings())
        .send(
            new OutgoingMail(
                "lea@example.org",
                "Réponse à « votre » commentaire – Tribune",
                "Bonjour Léa,\n\nUne réponse 😀.",
                "https://tribune.test/comments/subscriptions/cancel?token=abc"));

    assertTrue(smtp.waitForIncomingEmail(5_000, 1));
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertEquals("Réponse à « votre » commentaire – Tribune", received.getSubject());
    assertEquals("lea@example.org", received.getAllRecipients()[0].toString());
    assertTrue(received.getFrom()[0].toString().contains("noreply@tribune.test"));
    assertTrue(GreenMailUtil.getBody(received).length() > 0);
    assertEquals(
        "Bonjour Léa,\n\nUne réponse 😀.", ((String) received.getContent()).replace("\r\n", "\n"));
    assertEquals(
        "<https://tribune.test/comments/subscriptions/cancel?token=abc>",
        received.getHeader("List-Unsubscribe")[0]);
    assertEquals("auto-generated", received.getHeader("Auto-Submitted")[0]);
  }

  @Test
  void anUnreachableServerFailsTheSendNotTheCaller() throws Exception {
    smtp.stop();
    Mailer mailer = new Mailer(settings());
    assertThrows(
        MessagingException.class,
        () -> mailer.send(new OutgoingMail("lea@example.org", "Objet", "Texte", null)));
  }

  @Test
  void withoutAHostMailIsOff() {
    assertFalse(MailSettings.DISABLED.enabled());
    assertFalse(new MailSettings(" ", 25, "", "", "a@b.fr", true).enabled());
    assertTrue(settings().enabled());
  }

  @Test
  void textsAreFrenchUnlessTheSiteIsEnglishAndEveryOneFormats() {
    ResourceBundle french = CommentMails.bundle("fr-FR");
    ResourceBundle english = CommentMails.bundle("en-GB");
    ResourceBundle other = CommentMails.bundle("de-DE");
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ENGLISH);
      assertTrue(CommentMails.bundle("fr").getString("reply.subject").startsWith("Nouvelle"));
    } finally {
      Locale.setDefault(before);
    }
    assertTrue(french.getString("reply.subject").startsWith("Nouvelle réponse"));
    assertTrue(english.getString("reply.subject").startsWith("New reply"));
    assertEquals(french.getString("reply.subject"), other.getString("reply.subject"));
    for (ResourceBundle bundle : new ResourceBundle[] {french, english}) {
      assertEquals(
          Collections.list(french.getKeys()).stream().sorted().toList(),
          Collections.list(bundle.getKeys()).stream().sorted().toList());
      for (String key : Collections.list(bundle.getKeys())) {
        // A number where a text formats or chooses by number ({0,choice,…}), else a word.
        MessageFormat format = new MessageFormat(bundle.getString(key));
        java.text.Format[] formats = format.getFormatsByArgumentIndex();
        Object[] arguments = new Object[formats.length];
        for (int i = 0; i < formats.length; i++) {
          arguments[i] = formats[i] instanceof java.text.NumberFormat ? 2 : "A" + i;
        }
        String text = format.format(arguments);
        assertFalse(text.contains("'"), key + ": a quote MessageFormat would eat: " + text);
        assertFalse(text.contains("{"), key + ": " + text);
      }
    }
  }
}
