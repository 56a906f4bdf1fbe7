/**
 * The search benchmark (see {@code bench/search/README.md}): {@link
 * org.tribune.bench.search.Generate} fills a PostgreSQL database, which the WAR has migrated, with
 * generated French-like articles and their search index rows; {@link
 * org.tribune.bench.search.Measure} times {@code /search} and the home page over HTTP. A tool, not
 * part of the application: nothing depends on it.
 */
package org.tribune.bench.search;
