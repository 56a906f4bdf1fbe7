package org.tribune.comments.internal.mail;

/**
 * A plain-text mail the module sends.
 *
 * @param unsubscribeUrl the address ending the subscription it comes from, or {@code null}
 */
record OutgoingMail(String to, String subject, String text, String unsubscribeUrl) {}
