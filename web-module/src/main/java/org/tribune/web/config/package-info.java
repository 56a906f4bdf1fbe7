/**
 * Runtime configuration of the WAR: the application data source (switched between the embedded H2
 * file database and PostgreSQL by MicroProfile Config keys alone) and the gate that answers 503
 * while the database is not ready.
 */
package org.tribune.web.config;
