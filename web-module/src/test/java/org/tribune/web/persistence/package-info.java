/**
 * In-container tests (Arquillian on Payara Micro) of the domain services and their persistence, run
 * against the built WAR on H2, or on PostgreSQL when {@code TRIBUNE_TEST_DB_URL} is set.
 *
 * <p>Each test class deploys the WAR on a Payara Micro of its own (8 s to start on a developer's
 * machine, 15 s on CI, where the classes run twice: on H2 and on PostgreSQL), so the tests are
 * grouped in few classes, each group under a header of its own: {@code PersistenceIT} (the
 * articles' and comments' services, list pages' statements, former slugs over HTTP), {@code
 * CommentsIT} (the discussion and moderation), {@code EditorialIT} (the console's editorial API),
 * {@code TransferServicesIT} (imports and exports of articles and comments), {@code XssIT}
 * (payloads in Chromium; left out of CI's PostgreSQL run) and {@code ReportsConsoleIT} (the
 * console's « Signalements » over HTTP and in Chromium, run as a client like {@code XssIT}: its
 * readers' reports are written through the services, and its tests are the console's, not the
 * service's, which {@code CommentsIT} covers). A new test belongs in one of them rather than in a
 * class of its own.
 *
 * <p>The whole package is deployed with each test class, so it also holds what those deployments
 * need and the WAR never has: {@link org.tribune.web.persistence.XssSeeding}, which writes the
 * articles of {@code XssIT}, {@link org.tribune.web.persistence.ReportSeeding}, which writes the
 * staff accounts, comments and reports of {@code ReportsConsoleIT}, {@link
 * org.tribune.web.persistence.FormerSlugSeeding}, which writes those of {@code PersistenceIT}'s
 * former-slug tests, and {@link org.tribune.web.persistence.StatementCounter} with {@link
 * org.tribune.web.persistence.CountedRequests}, which record the SQL of a page for {@code
 * PersistenceIT}'s list pages' tests and {@code TransferServicesIT}'s home page test; {@link
 * org.tribune.web.persistence.PublishedEvents} and {@link
 * org.tribune.web.persistence.ChangedEvents} count the events articles fire.
 */
package org.tribune.web.persistence;
