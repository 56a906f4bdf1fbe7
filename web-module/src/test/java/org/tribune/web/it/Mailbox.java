package org.tribune.web.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMTP server in the test JVM (GreenMail) that a {@link TribuneServer} sends its mail to, on a
 * free port. Servers are shared by the tests of a run: each test looks only at mails to addresses
 * of its own.
 */
final class Mailbox implements AutoCloseable {
  private final GreenMail smtp;
  private final int port;

  private Mailbox(int port) {
    this.port = port;
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  static Mailbox start() {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Mailbox(port);
  }

  int port() {
    return port;
  }

  /** The subject and text of every mail to {@code address} received so far. */
  List<String> mailsTo(String address) {
    List<String> found = new ArrayList<>();
    try {
      for (MimeMessage message : smtp.getReceivedMessages()) {
        Address[] recipients = message.getAllRecipients();
        for (Address to : recipients == null ? new Address[0] : recipients) {
          if (to.toString().equalsIgnoreCase(address)) {
            found.add((message.getSubject() + "\n" + message.getContent()).replace("\r\n", "\n"));
          }
        }
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  /** The first mail to {@code address} containing {@code marker}, waiting for it a while. */
  String await(String address, String marker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      for (String mail : mailsTo(address)) {
        if (mail.contains(marker)) {
          return mail;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        "no mail to "
            + address
            + " containing '"
            + marker
            + "' in "
            + timeout
            + "; got "
            + mailsTo(address));
  }

  @Override
  public void close() {
    smtp.stop();
  }
}
