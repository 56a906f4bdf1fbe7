/**
 * Snapshots of the site (its embedded database, its media folder and a manifest, in one zip), taken
 * on schedule or from the console, and their restore into an empty data folder on first start.
 */
package org.tribune.web.backup;
