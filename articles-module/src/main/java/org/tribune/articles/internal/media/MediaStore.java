package org.tribune.articles.internal.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the media library's files live: a folder under {@code tribune.data.dir} on one node, an
 * S3-compatible object store when several nodes share the library. Keys are the library's own
 * ({@code originals/3f2a…c9.jpg}, {@code derived/3f2a…c9-640.jpg}): made of lower-case letters,
 * digits, {@code -}, {@code .} and {@code /}, never from a visitor's input.
 */
public interface MediaStore {

  /**
   * Stores the file's bytes under the key, replacing what was there. Atomic: a reader sees the
   * whole former content or the whole new one, never a part, even after a crash.
   */
  void put(String key, Path file, String contentType) throws IOException;

  /** The object stored under the key, or empty. The caller closes the stream. */
  Optional<StoredObject> open(String key) throws IOException;

  /** Whether something is stored under the key. */
  boolean exists(String key) throws IOException;

  /** Forgets the key; nothing happens when it holds nothing. */
  void delete(String key) throws IOException;

  /** An object being read: its bytes and their number. */
  record StoredObject(InputStream content, long length) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      content.close();
    }
  }
}
