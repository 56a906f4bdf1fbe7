/**
 * The media library on the public site: the images' files at addresses naming their content ({@link
 * org.tribune.web.media.MediaServlet}) and the figures pages show them in ({@link
 * org.tribune.web.media.Images}). The console's library is {@code web.console.media}.
 */
package org.tribune.web.media;
