/**
 * The administrators' console under {@code /admin/}: its schema ({@code console_*} tables), its
 * response headers and its layout. Sub-packages hold the console's areas (security and accounts,
 * audit log, dashboard, articles, discussions, settings, transfer…); they use this package, which
 * knows none of them (it tells of its migrated schema by {@link
 * org.tribune.web.console.ConsoleSchemaMigrated}). Nothing outside the console uses it; the domain
 * modules are reached through their {@code api} packages.
 */
package org.tribune.web.console;
