/**
 * The provided interface of the article domain: the CDI contracts ({@link
 * org.tribune.articles.api.ArticleService} for writing and public reading, {@link
 * org.tribune.articles.api.EditorialService} for the console, {@link
 * org.tribune.articles.api.DemoContentService} for the demo content, {@link
 * org.tribune.articles.api.ArticleTransferService} for importers and exporters, {@link
 * org.tribune.articles.api.ArticleRestoreService} for a site restored from its export, and the
 * section, tag and author services), the immutable records they return, their exceptions, and the
 * events they publish.
 *
 * <p>Any module may use this package. Nothing here exposes a JPA entity; other modules refer to an
 * article by its id only.
 */
package org.tribune.articles.api;
