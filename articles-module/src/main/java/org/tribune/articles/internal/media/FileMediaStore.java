package org.tribune.articles.internal.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The media store of a single node: a folder ({@code <tribune.data.dir>/media}), so that the
 * database and the files are in one folder to back up. A file is written beside its place under a
 * temporary name, forced to the disk, then renamed over its place in one step: after a crash there
 * is the whole former file or the whole new one, never a half.
 */
public final class FileMediaStore implements MediaStore {
  private static final Pattern KEY = Pattern.compile("[a-z0-9]+(/[a-z0-9][a-z0-9.-]*)*");

  private final Path root;

  public FileMediaStore(Path root) throws IOException {
    this.root = Files.createDirectories(root).toRealPath();
  }

  @Override
  public void put(String key, Path file, String contentType) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
    try {
      Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  @Override
  public Optional<StoredObject> open(String key) throws IOException {
    Path path = resolve(key);
    try {
      InputStream in = Files.newInputStream(path);
      return Optional.of(new StoredObject(in, Files.size(path)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(resolve(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  /** The file of a key: keys are checked, and can only name something under the root. */
  private Path resolve(String key) {
    if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
      throw new IllegalArgumentException("Not a media key: " + key);
    }
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("Not a media key: " + key);
    }
    return path;
  }

  @Override
  public String toString() {
    return "folder " + root;
  }
}
