/**
 * Runtime configuration of the WAR: the application data source (switched between the embedded H2
 * file database and PostgreSQL by MicroProfile Config keys alone), the gate that answers 503 while
 * the database is not ready, the filters every request goes through (encoding, size limits,
 * security headers), and who the visitor is behind trusted proxies ({@link
 * org.tribune.web.config.TrustedProxies}, read by the headers, the discussion and the console).
 */
package org.tribune.web.config;
