package org.tribune.comments.internal.mail;

/** A reply subscription as mails need it: where to write, and the token of its links. */
public record Subscriber(String email, String token) {}
