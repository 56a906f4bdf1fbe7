/**
 * The provided interface of the article domain: the {@link org.tribune.articles.api.ArticleService}
 * CDI contract, the immutable records it returns, and the events it publishes.
 *
 * <p>Any module may use this package. Nothing here exposes a JPA entity; other modules refer to an
 * article by its id only.
 */
package org.tribune.articles.api;
