/**
 * The cache of rendered public pages for anonymous visitors: {@link
 * org.tribune.web.cache.PageCacheFilter} serves them, compressed once, with validators; {@link
 * org.tribune.web.cache.PageCache} holds them and forgets them when the domain says something
 * readers see has changed. What visitors' cookies mean for a kept page, the discussion tells it
 * through {@link org.tribune.web.cache.CookieRules}: pages use this package, never the reverse.
 */
package org.tribune.web.cache;
