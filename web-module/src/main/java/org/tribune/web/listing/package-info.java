/**
 * The paginated lists of articles: home page, section, tag, author and monthly archive pages. They
 * share one view fragment ({@code /WEB-INF/includes/article-list.xhtml}) and {@link
 * org.tribune.web.listing.ListingBacking}.
 */
package org.tribune.web.listing;
