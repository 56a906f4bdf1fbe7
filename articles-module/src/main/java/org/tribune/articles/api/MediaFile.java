package org.tribune.articles.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file of the media library being read: the caller copies it out and closes it.
 *
 * @param etag a strong entity tag (quoted), from the content's hash
 */
public record MediaFile(InputStream content, long length, String contentType, String etag)
    implements AutoCloseable {
  @Override
  public void close() throws IOException {
    content.close();
  }
}
