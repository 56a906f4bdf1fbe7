/**
 * The front page's featured articles ("À la une"): {@code FrontPageService} on the table {@code
 * articles_featured} (migration V12).
 */
package org.tribune.articles.internal.frontpage;
