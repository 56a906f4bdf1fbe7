/**
 * Staff accounts in the console: {@code /admin/accounts} (administrators create accounts, change
 * roles, disable them, set passwords) and {@code /admin/password} (everyone changes their own).
 */
package org.tribune.web.console.accounts;
