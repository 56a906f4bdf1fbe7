/**
 * Who may use the console: staff accounts ({@code console_account}, PBKDF2 password hashes), the
 * Jakarta Security form sign-in at {@code /admin/login} with its identity store, the slowing down
 * of password guessing, the first administrator created at first start, and the pages to sign in,
 * sign out and change one's password. Roles are {@link org.tribune.web.console.security.Role}.
 */
package org.tribune.web.console.security;
