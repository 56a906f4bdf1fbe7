/**
 * Discussions in the console ({@code /admin/comments}, moderators): the queues by status with
 * filters and bulk decisions, staff edits and replies, bans, and a commenter's personal data
 * (export, erasure).
 */
package org.tribune.web.console.comments;
