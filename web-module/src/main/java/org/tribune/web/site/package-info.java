/**
 * Site-wide settings and helpers for the pages: language, time zone, name, the message bundle and
 * date formatting in the site's locale ("30 octobre 2017 à 10 h 06"); the values the console saves
 * ({@link org.tribune.web.site.StoredSettings}, {@code console_setting}), which win over
 * MicroProfile Config's defaults and which the site, the legal pages and the console read; and the
 * site's addresses: the public routes to their views ({@link org.tribune.web.site.Router}), the
 * first segments no page may take ({@link org.tribune.web.site.SiteAddresses}) and the links pages
 * print ({@link org.tribune.web.site.Links}).
 */
package org.tribune.web.site;
