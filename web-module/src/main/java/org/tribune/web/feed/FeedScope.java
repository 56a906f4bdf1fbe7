package org.tribune.web.feed;

/**
 * What one feed covers: the whole site or one section.
 *
 * @param title the feed's title
 * @param subtitle one line under the title
 * @param pagePath the site path of the HTML page with the same articles ({@code /}, {@code
 *     /sections/culture})
 * @param feedPath the site path of the feed itself
 */
record FeedScope(String title, String subtitle, String pagePath, String feedPath) {}
