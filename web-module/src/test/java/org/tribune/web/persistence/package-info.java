/**
 * In-container tests (Arquillian on Payara Micro) of the domain services and their persistence, run
 * against the built WAR on H2, or on PostgreSQL when {@code TRIBUNE_TEST_DB_URL} is set.
 */
package org.tribune.web.persistence;
