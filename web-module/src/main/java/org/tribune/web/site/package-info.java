/**
 * Site-wide settings and helpers for the pages: language, time zone, name, the message bundle and
 * date formatting in the site's locale ("30 octobre 2017 à 10 h 06"); the values the console saves
 * ({@link org.tribune.web.site.StoredSettings}, {@code console_setting}), which win over
 * MicroProfile Config's defaults and which the site, the legal pages and the console read.
 */
package org.tribune.web.site;
