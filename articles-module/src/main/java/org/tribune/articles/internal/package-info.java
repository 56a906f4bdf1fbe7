/**
 * Internals of the article domain: JPA entities, the default {@code ArticleService}, the schema
 * migrations runner and demo content. Only this module may use this package; ArchUnit checks it.
 */
package org.tribune.articles.internal;
