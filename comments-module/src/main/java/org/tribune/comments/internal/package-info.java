/**
 * Internals of the discussion domain: the entities (comment, vote, ban, subscription), their
 * queries, the default {@code CommentService}, {@code ModerationService}, {@code
 * CommentTransferService} and {@code CommentRestoreService} (with the restore's JDBC writer) and
 * the rules they apply (input checks, rendering, imported HTML brought down to text, moderation
 * policy, tokens and address hashes, the settings in force), the schema migrations runner. Mail
 * lives in the sub-package {@code mail}, which knows nothing of this one; what both need of the
 * database (the entity manager's qualifier, failure descriptions, the cluster-wide job lock) is in
 * {@code database}, below both. Only this module may use these packages; ArchUnit checks it, and
 * that they have no cycle.
 */
package org.tribune.comments.internal;
