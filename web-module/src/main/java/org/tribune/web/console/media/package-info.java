/**
 * The console's media library ({@code /admin/media}, "Médiathèque"): uploads (a plain multipart
 * form, or one file per request from the page's script with its progress), the grid and list of
 * images with search and paging, and one image's page (description, focal point, uses, new file,
 * deletion). Authors upload and describe their own images; editors and administrators every one,
 * and only they delete.
 */
package org.tribune.web.console.media;
