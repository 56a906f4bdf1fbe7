/**
 * Discussions in the console ({@code /admin/comments}, moderators): the queues by status with
 * filters and bulk decisions, staff edits and replies, sanctions on authors (suspended or watched,
 * for a chosen length, with a reason), and a commenter's personal data (export, erasure).
 */
package org.tribune.web.console.comments;
