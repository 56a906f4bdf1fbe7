/**
 * The site's snapshots in the console ({@code /admin/backups}): taken every day and on demand,
 * listed, downloaded; the dashboard says when the last one failed.
 */
package org.tribune.web.console.backup;
