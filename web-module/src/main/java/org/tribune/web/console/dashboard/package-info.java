/**
 * The console's dashboard, {@code /admin/dashboard}: articles by status, comments waiting, comments
 * per day and the most discussed articles, latest activity.
 */
package org.tribune.web.console.dashboard;
