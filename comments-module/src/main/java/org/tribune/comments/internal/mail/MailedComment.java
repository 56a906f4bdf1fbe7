package org.tribune.comments.internal.mail;

/**
 * What a mail says about a comment: the mail package knows comments only through this, never their
 * entity.
 *
 * @param email the author's address (never shown to readers; staff mails show it)
 * @param website {@code null} when none
 */
public record MailedComment(
    long id, long articleId, String authorName, String email, String website, String body) {}
