/**
 * Articles in the console: the list ({@code /admin/articles}) with filters, sorting and lazy
 * paging, and the editor ({@code /admin/articles/edit}) with live preview, status actions,
 * optimistic locking and revisions. Authors see and change only the articles they sign; editors
 * all.
 */
package org.tribune.web.console.articles;
