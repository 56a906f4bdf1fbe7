/**
 * In-container tests (Arquillian on Payara Micro) of the domain services and their persistence, run
 * against the built WAR on H2, or on PostgreSQL when {@code TRIBUNE_TEST_DB_URL} is set.
 *
 * <p>The whole package is deployed with each test class, so it also holds what those deployments
 * need and the WAR never has: {@link org.tribune.web.persistence.XssSeeding}, which writes the
 * articles of {@code XssIT}, and {@link org.tribune.web.persistence.StatementCounter} with {@link
 * org.tribune.web.persistence.CountedRequests}, which record the SQL of a page for {@code
 * ListQueriesIT} and {@code ArticleTransferIT}; {@link org.tribune.web.persistence.PublishedEvents}
 * and {@link org.tribune.web.persistence.ChangedEvents} count the events articles fire.
 */
package org.tribune.web.persistence;
