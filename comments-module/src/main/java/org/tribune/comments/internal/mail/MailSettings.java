package org.tribune.comments.internal.mail;

/**
 * How to reach the SMTP server ({@code tribune.mail.*}). Without a host, mail is off: nothing is
 * composed or sent, and nothing fails.
 */
record MailSettings(
    String host, int port, String username, String password, String from, boolean startTls) {

  static final MailSettings DISABLED = new MailSettings("", 587, "", "", "", true);

  boolean enabled() {
    return host != null && !host.isBlank();
  }

  boolean authenticated() {
    return username != null && !username.isBlank();
  }
}
