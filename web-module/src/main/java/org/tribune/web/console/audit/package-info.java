/**
 * The console's audit log ({@code console_audit}): sign-ins, publishing, deletions, moderation,
 * settings and account changes, with who, what and when; and its page, {@code /admin/audit}. Every
 * console action records itself here through {@link org.tribune.web.console.audit.AuditLog}.
 */
package org.tribune.web.console.audit;
