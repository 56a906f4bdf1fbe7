/**
 * The media library's implementation: images uploaded by staff, checked and stripped of their
 * metadata, made into the widths the site shows, and kept in a {@link
 * org.tribune.articles.internal.media.MediaStore} (a folder, or an S3-compatible object store).
 * Only this module uses it; everyone else goes through {@code
 * org.tribune.articles.api.MediaService}.
 */
package org.tribune.articles.internal.media;
