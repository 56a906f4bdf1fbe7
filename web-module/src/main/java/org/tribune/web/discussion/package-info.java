/**
 * The discussion under each article, as visitors use it: the threads (rendered in the article page
 * and, for scripts, as a fragment), the comment form and its POST, replies, votes, edits within the
 * window, permalinks, the report form of a comment (« Signaler », {@link
 * org.tribune.web.discussion.ReportPages}), and the cookies a visitor's browser keeps (their nonce,
 * their comments' edit tokens, their name if they agreed, their sort; the page cache learns what
 * they mean from {@link org.tribune.web.discussion.PageCacheCookies}). A report taken is told to
 * whoever keeps account of them (the console's audit log) as {@link
 * org.tribune.web.discussion.CommentReported}. Works without JavaScript; {@code /js/discussion.js}
 * adds the live counter, quoting, replies in place and posting without reload.
 */
package org.tribune.web.discussion;
