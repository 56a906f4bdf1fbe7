/**
 * The search page {@code /search?q=…}: {@link org.tribune.web.search.SearchBacking} asks the
 * articles module for matching articles (through {@code ArticleService.search} only) and shows them
 * with the list fragment of {@code org.tribune.web.listing}; {@link
 * org.tribune.web.search.Highlighter} marks the matched words, folding them exactly as the search
 * index does ({@code SearchTerms}). Nothing outside the web module's views uses this package.
 */
package org.tribune.web.search;
