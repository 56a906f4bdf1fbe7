/**
 * The comments module's mail: writing the mails (confirmation of a reply subscription, news of a
 * reply, a note to the staff for each held comment) inside the transaction that causes them, and
 * sending them after it commits. Knows comments only through {@link
 * org.tribune.comments.internal.mail.MailedComment} and {@link
 * org.tribune.comments.internal.mail.Subscriber}, and its database through {@code
 * internal.database}. Only this module may use this package.
 */
package org.tribune.comments.internal.mail;
