/**
 * The console's settings page, {@code /admin/settings} (administrators), and the store of values
 * saved there ({@code console_setting}), which win over MicroProfile Config's defaults.
 */
package org.tribune.web.console.settings;
