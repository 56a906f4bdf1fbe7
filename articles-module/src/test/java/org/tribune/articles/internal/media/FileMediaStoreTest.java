package org.tribune.articles.internal.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder store: atomic writes, keys that cannot leave the folder, and the copies of small files
 * it serves from memory (found out by changing a file behind its back, which nothing else does).
 */
class FileMediaStoreTest {
  private static final String KEY = "derived/abc-320.jpg";

  @TempDir Path folder;
  @TempDir Path work;

  @Test
  void aSmallFileIsServedFromMemoryUntilTheStoreWritesOrDeletesIt() throws IOException {
    FileMediaStore store = new FileMediaStore(folder.resolve("media"), 1 << 20);
    store.put(KEY, file("first", 5000), "image/jpeg");
    assertArrayEquals(bytes("first", 5000), read(store, KEY));

    Files.write(folder.resolve("media").resolve(KEY), bytes("behind", 5000));
    assertArrayEquals(bytes("first", 5000), read(store, KEY), "the copy in memory");
    assertEquals(5000, store.memoryInUse());

    store.put(KEY, file("second", 6000), "image/jpeg");
    assertArrayEquals(bytes("second", 6000), read(store, KEY));
    store.delete(KEY);
    assertTrue(store.open(KEY).isEmpty());
    assertEquals(0, store.memoryInUse());
  }

  @Test
  void largeFilesAndAStoreWithoutMemoryReadTheDiskEachTime() throws IOException {
    int large = FileMediaStore.LARGEST_COPY + 1;
    FileMediaStore store = new FileMediaStore(folder.resolve("media"), 64 << 20);
    store.put(KEY, file("large", large), "image/jpeg");
    read(store, KEY);
    Files.write(folder.resolve("media").resolve(KEY), bytes("changed", large));
    assertArrayEquals(bytes("changed", large), read(store, KEY));

    FileMediaStore none = new FileMediaStore(folder.resolve("other"));
    none.put(KEY, file("small", 100), "image/jpeg");
    read(none, KEY);
    Files.write(folder.resolve("other").resolve(KEY), bytes("changed", 100));
    assertArrayEquals(bytes("changed", 100), read(none, KEY));
    assertEquals(0, none.memoryInUse());
  }

  @Test
  void theCopiesStayWithinTheirBudget() throws IOException {
    FileMediaStore store = new FileMediaStore(folder.resolve("media"), 10_000);
    for (int i = 0; i < 20; i++) {
      String key = "derived/abc-" + (100 + i) + ".jpg";
      store.put(key, file("n" + i, 3000), "image/jpeg");
      assertArrayEquals(bytes("n" + i, 3000), read(store, key));
      assertTrue(store.memoryInUse() <= 10_000, "in use: " + store.memoryInUse());
    }
    assertTrue(store.memoryInUse() > 0);
  }

  @Test
  void aKeyCannotNameAPlaceOutsideTheFolder() throws IOException {
    FileMediaStore store = new FileMediaStore(folder.resolve("media"), 1 << 20);
    assertThrows(IllegalArgumentException.class, () -> store.open("derived/../../etc/passwd"));
    assertThrows(IllegalArgumentException.class, () -> store.open("/etc/passwd"));
  }

  private Path file(String seed, int length) throws IOException {
    return Files.write(Files.createTempFile(work, "upload", ".jpg"), bytes(seed, length));
  }

  private static byte[] bytes(String seed, int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) seed.hashCode());
    System.arraycopy(seed.getBytes(), 0, bytes, 0, Math.min(length, seed.length()));
    return bytes;
  }

  private static byte[] read(FileMediaStore store, String key) throws IOException {
    try (MediaStore.StoredObject object = store.open(key).orElseThrow()) {
      byte[] bytes = object.content().readAllBytes();
      assertEquals(bytes.length, object.length());
      return bytes;
    }
  }
}
