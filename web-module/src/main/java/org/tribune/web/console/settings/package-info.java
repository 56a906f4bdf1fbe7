/**
 * The console's settings page, {@code /admin/settings} (administrators). What it saves goes to
 * {@link org.tribune.web.site.StoredSettings} ({@code console_setting}), whose values win over
 * MicroProfile Config's defaults.
 */
package org.tribune.web.console.settings;
