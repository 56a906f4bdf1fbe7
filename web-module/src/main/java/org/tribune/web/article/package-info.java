/** The article page ({@code /articles/{slug}}): the article, its sharing links and discussion. */
package org.tribune.web.article;
