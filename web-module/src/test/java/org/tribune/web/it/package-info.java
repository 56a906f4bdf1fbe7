/**
 * Integration tests that run the built WAR the way an operator does: on Payara Micro in its own
 * JVM, configured by environment variables only, and look at it over HTTP (HtmlUnit, no JavaScript)
 * and in a real headless Chromium (Selenium). Run by failsafe ({@code *IT}).
 *
 * <p>{@link org.tribune.web.it.TribuneServer} starts and stops one server; {@link
 * org.tribune.web.it.SharedTribune} hands one shared server to every read-only page test of the
 * run. Tests that change how the server is started (a wrong database, a restart) start private
 * ones. {@link org.tribune.web.it.DiscussionServers} hands the discussion tests an open and a
 * moderated server, configured by {@link org.tribune.web.it.TribuneServer#withEnvironment}, and
 * {@link org.tribune.web.it.ConsoleServer} the console tests theirs, whose administrator has a
 * known password; {@link org.tribune.web.it.Console} signs staff in through the console's forms;
 * {@link org.tribune.web.it.Visitor} is one reader without JavaScript with cookies of their own.
 * {@link org.tribune.web.it.Chromium} starts the test browser; it is the one class used outside
 * this package (by {@code persistence.XssIT}).
 */
package org.tribune.web.it;
