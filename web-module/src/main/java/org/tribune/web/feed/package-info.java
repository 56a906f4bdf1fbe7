/**
 * The site's machine-readable addresses: Atom feeds of the whole site and of each section, the
 * sitemap and {@code robots.txt}. Plain servlets, not Faces views: they answer XML or text, with
 * caching headers and conditional requests. They read the articles module through its API only;
 * nothing else uses this package, except section pages naming their feed.
 */
package org.tribune.web.feed;
