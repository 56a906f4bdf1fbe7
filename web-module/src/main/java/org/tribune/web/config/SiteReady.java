package org.tribune.web.config;

/**
 * Fired once per node, the first time every module's schema is migrated and the site may serve
 * pages: what needs the whole database at start (drafting the legal pages) observes it.
 */
public record SiteReady() {}
