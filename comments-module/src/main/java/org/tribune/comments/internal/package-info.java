/**
 * Internals of the discussion domain: the comment entity, the default {@code CommentService}, the
 * schema migrations runner. Only this module may use this package; ArchUnit checks it.
 */
package org.tribune.comments.internal;
