/**
 * Site-wide settings and helpers for the pages: language, time zone, name, the message bundle and
 * date formatting in the site's locale ("30 octobre 2017 à 10 h 06").
 */
package org.tribune.web.site;
