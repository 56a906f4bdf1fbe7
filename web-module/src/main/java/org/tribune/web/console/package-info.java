/**
 * The administrators' console under {@code /admin/}: its schema ({@code console_*} tables), its
 * response headers and its layout. Sub-packages hold the console's areas (security and accounts,
 * audit log, dashboard, articles, discussions, settings). Only the web module uses it; the domain
 * modules are reached through their {@code api} packages.
 */
package org.tribune.web.console;
