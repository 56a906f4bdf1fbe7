/**
 * What the comments module's packages share about its database, below both {@code internal} and
 * {@code internal.mail}: the qualifier of the module's entity manager ({@link
 * org.tribune.comments.internal.database.CommentsDatabase}, produced by {@code
 * internal.CommentsPersistence}), the one line an operator reads when the database fails ({@link
 * org.tribune.comments.internal.database.DatabaseProblems}), and the lock that runs a periodic job
 * on one node of a cluster ({@link org.tribune.comments.internal.database.OncePerCluster}, {@code
 * comments_job_lock}). Knows neither of them. Only this module may use this package.
 */
package org.tribune.comments.internal.database;
