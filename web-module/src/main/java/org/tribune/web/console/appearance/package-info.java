/**
 * The console's <em>Apparence</em> page, {@code /admin/appearance} (administrators): how the site
 * presents itself (logo, tagline, footer, accent colour), saved with the other settings ({@code
 * console_setting}) and read by {@link org.tribune.web.site.SiteSettings}.
 */
package org.tribune.web.console.appearance;
