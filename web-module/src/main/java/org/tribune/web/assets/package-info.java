/**
 * The public pages' static files (style sheet, script, icon) addressed by their content: {@code
 * /css/site.css} is also served as {@code /assets/site.3f2a1c9b0d.css}, an address whose bytes
 * never change, so browsers and proxies keep it a year without asking again. {@link AssetCatalogue}
 * reads the files once and keeps each with its gzip twin; {@link Assets} gives the templates the
 * current addresses ({@code #{assets.path('/css/site.css')}}); {@link AssetServlet} serves both
 * addresses. Used by the public templates and the database gate; the console's files are Faces
 * resources.
 */
package org.tribune.web.assets;
