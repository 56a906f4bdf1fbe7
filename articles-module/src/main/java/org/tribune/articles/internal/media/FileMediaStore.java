package org.tribune.articles.internal.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The media store of a single node: a folder ({@code <tribune.data.dir>/media}), so that the
 * database and the files are in one folder to back up. A file is written beside its place under a
 * temporary name, forced to the disk, then renamed over its place in one step: after a crash there
 * is the whole former file or the whole new one, never a half.
 *
 * <p>Small files (the renditions pages show: 5 to 100 KB) are kept in memory once read, up to
 * {@code memoryBytes} in all, and served from there without opening the file: the store is the only
 * writer of its folder and forgets a copy when its key is written or deleted. When full, some
 * copies chosen at random make room (a lock-free map: every image request reads it).
 */
public final class FileMediaStore implements MediaStore {
  private static final Pattern KEY = Pattern.compile("[a-z0-9]+(/[a-z0-9][a-z0-9.-]*)*");

  /** Larger files are always read from the disk. */
  static final int LARGEST_COPY = 256 * 1024;

  private final Path root;
  private final long memoryBytes;
  private final ConcurrentHashMap<String, byte[]> copies = new ConcurrentHashMap<>();
  private final AtomicLong copiedBytes = new AtomicLong();

  public FileMediaStore(Path root) throws IOException {
    this(root, 0);
  }

  /**
   * @param memoryBytes how many bytes of small files to keep in memory (0: none)
   */
  public FileMediaStore(Path root, long memoryBytes) throws IOException {
    this.root = Files.createDirectories(root).toRealPath();
    this.memoryBytes = Math.max(0, memoryBytes);
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
      forget(key);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  @Override
  public Optional<StoredObject> open(String key) throws IOException {
    Path path = resolve(key);
    byte[] copy = copies.get(key);
    if (copy != null) {
      return Optional.of(new StoredObject(new ByteArrayInputStream(copy), copy.length));
    }
    SeekableByteChannel channel;
    try {
      channel = Files.newByteChannel(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    long size = channel.size();
    if (size > LARGEST_COPY || size > memoryBytes) {
      return Optional.of(new StoredObject(Channels.newInputStream(channel), size));
    }
    try (channel) {
      ByteBuffer buffer = ByteBuffer.allocate((int) size);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // until the whole file is read
      }
      byte[] bytes =
          buffer.position() == size
              ? buffer.array()
              : Arrays.copyOf(buffer.array(), buffer.position());
      keep(key, bytes);
      return Optional.of(new StoredObject(new ByteArrayInputStream(bytes), bytes.length));
    }
  }

  private void keep(String key, byte[] bytes) {
    if (copies.putIfAbsent(key, bytes) != null) {
      return;
    }
    long total = copiedBytes.addAndGet(bytes.length);
    if (total <= memoryBytes) {
      return;
    }
    for (String other : copies.keySet()) {
      if (copiedBytes.get() <= memoryBytes) {
        break;
      }
      if (!other.equals(key)) {
        forget(other);
      }
    }
  }

  private void forget(String key) {
    byte[] copy = copies.remove(key);
    if (copy != null) {
      copiedBytes.addAndGet(-copy.length);
    }
  }

  /** How many bytes of copies the store keeps now. */
  long memoryInUse() {
    return copiedBytes.get();
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(resolve(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
    forget(key);
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
