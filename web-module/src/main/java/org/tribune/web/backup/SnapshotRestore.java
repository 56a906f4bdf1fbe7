package org.tribune.web.backup;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Restores a snapshot ({@link SnapshotWriter}) into a data folder that has no database yet: the
 * database file and the media folder, nothing else. Everything is checked before anything is put in
 * place — the zip is read whole (each entry's checksum), its manifest must be a Tribune snapshot of
 * an embedded database whose schema versions this build knows — and the files are unpacked in a
 * folder of their own, then moved in, the database last. A refused snapshot leaves the data folder
 * as it was.
 */
public final class SnapshotRestore {
  private static final Logger LOG = Logger.getLogger(SnapshotRestore.class.getName());
  static final String DATABASE_FILE = "tribune.mv.db";

  private SnapshotRestore() {}

  /** Why a snapshot was not restored, in words for the operator. */
  public static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }

    RefusedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What was restored. */
  public record Restored(String created, long articles, long comments, int mediaFiles) {}

  /**
   * Restores {@code snapshot} into {@code dataFolder}. Refused when the folder already holds a
   * database or media, or when the snapshot is not one this build can take.
   */
  public static Restored restore(Path snapshot, Path dataFolder) throws IOException {
    Path data = dataFolder.toAbsolutePath().normalize();
    if (Files.exists(data.resolve(DATABASE_FILE))) {
      throw new RefusedException(
          "The data folder "
              + data
              + " already holds a database: a snapshot is only restored"
              + " into an empty one");
    }
    if (hasFiles(data.resolve("media"))) {
      throw new RefusedException(
          "The data folder "
              + data
              + " already holds media files: a snapshot is only restored"
              + " into an empty one");
    }
    if (!Files.isRegularFile(snapshot)) {
      throw new RefusedException("No snapshot file at " + snapshot);
    }
    JsonObject manifest;
    try (ZipFile zip = new ZipFile(snapshot.toFile())) {
      manifest = manifest(zip);
    } catch (ZipException e) {
      throw new RefusedException(
          snapshot + " is not a whole zip file (truncated or damaged): " + e.getMessage(), e);
    }
    try (InputStream in = Files.newInputStream(snapshot);
        ZipInputStream zip = new ZipInputStream(in)) {
      checkEntries(zip);
    } catch (ZipException | java.io.EOFException e) {
      throw new RefusedException(
          snapshot + " is not a whole zip file (truncated or damaged): " + e.getMessage(), e);
    }
    Files.createDirectories(data);
    Path staging = data.resolve(".restore-" + UUID.randomUUID());
    int media = 0;
    try {
      try (ZipFile zip = new ZipFile(snapshot.toFile())) {
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
          ZipEntry entry = entries.nextElement();
          if (entry.isDirectory() || entry.getName().equals(SnapshotWriter.MANIFEST)) {
            continue;
          }
          Path target = inside(staging, entry.getName());
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(entry);
              OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
          }
          if (entry.getName().startsWith(SnapshotWriter.MEDIA)) {
            media++;
          }
        }
      } catch (ZipException e) {
        throw new RefusedException(snapshot + " could not be read whole: " + e.getMessage(), e);
      }
      Path stagedMedia = staging.resolve("media");
      if (Files.isDirectory(stagedMedia)) {
        Path mediaFolder = data.resolve("media");
        Files.deleteIfExists(mediaFolder); // empty, checked above
        Files.move(stagedMedia, mediaFolder, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(
          staging.resolve("database").resolve(DATABASE_FILE),
          data.resolve(DATABASE_FILE),
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      delete(staging);
    }
    JsonObject counts = manifest.getJsonObject("counts");
    Restored restored =
        new Restored(
            manifest.getString("created", "?"),
            counts == null ? -1 : counts.getJsonNumber("articles").longValue(),
            counts == null ? -1 : counts.getJsonNumber("comments").longValue(),
            media);
    LOG.info(
        () ->
            "Restored the snapshot "
                + snapshot
                + " of "
                + restored.created()
                + " into "
                + data
                + ": "
                + restored.articles()
                + " articles, "
                + restored.comments()
                + " comments, "
                + restored.mediaFiles()
                + " media files");
    return restored;
  }

  /** The manifest, checked: a Tribune snapshot of an embedded database this build can open. */
  static JsonObject manifest(ZipFile zip) throws IOException {
    ZipEntry entry = zip.getEntry(SnapshotWriter.MANIFEST);
    if (entry == null) {
      throw new RefusedException("Not a Tribune snapshot: no " + SnapshotWriter.MANIFEST);
    }
    JsonObject manifest;
    try (InputStream in = zip.getInputStream(entry);
        JsonReader reader = Json.createReader(in)) {
      manifest = reader.readObject();
    } catch (JsonException | ClassCastException e) {
      throw new RefusedException("Not a Tribune snapshot: its manifest is not JSON", e);
    }
    if (!SnapshotWriter.FORMAT.equals(manifest.getString("format", null))) {
      throw new RefusedException("Not a Tribune snapshot: format " + manifest.get("format"));
    }
    if (manifest.getInt("version", 0) > SnapshotWriter.VERSION) {
      throw new RefusedException(
          "The snapshot's format (" + manifest.get("version") + ") is newer than this build's");
    }
    if (!"h2".equals(manifest.getString("database", null))
        || zip.getEntry(SnapshotWriter.DATABASE + DATABASE_FILE) == null) {
      throw new RefusedException(
          "The snapshot holds no embedded database (a site on PostgreSQL is restored with"
              + " pg_restore, its media from the snapshot's media folder)");
    }
    Map<String, Integer> schemas = new LinkedHashMap<>();
    JsonObject recorded = manifest.getJsonObject("schemas");
    if (recorded != null) {
      for (Map.Entry<String, JsonValue> schema : recorded.entrySet()) {
        if (schema.getValue() instanceof JsonNumber number) {
          schemas.put(schema.getKey(), number.intValue());
        }
      }
    }
    String newer = SchemaVersions.newer(schemas);
    if (newer != null) {
      throw new RefusedException(
          "The snapshot comes from a newer version of Tribune: schema "
              + newer
              + ". Restore it with that version or a later one.");
    }
    return manifest;
  }

  /**
   * Reads every entry whole, as a stream (which checks each entry's checksum at its end, where the
   * zip file's own reader does not), and refuses odd names.
   */
  private static void checkEntries(ZipInputStream zip) throws IOException {
    Path root = Path.of("/check").toAbsolutePath();
    byte[] buffer = new byte[64 * 1024];
    for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
      String name = entry.getName();
      if (!name.equals(SnapshotWriter.MANIFEST)
          && !name.startsWith(SnapshotWriter.DATABASE)
          && !name.startsWith(SnapshotWriter.MEDIA)) {
        throw new RefusedException("Unexpected entry in the snapshot: " + name);
      }
      inside(root, name);
      while (zip.read(buffer) >= 0) {
        // read to the end: the checksum is checked there
      }
    }
  }

  /** {@code name} under {@code folder}, refused if it would leave it ("../", absolute). */
  private static Path inside(Path folder, String name) throws RefusedException {
    Path target = folder.resolve(name).normalize();
    if (!target.startsWith(folder) || target.equals(folder)) {
      throw new RefusedException("Unsafe entry name in the snapshot: " + name);
    }
    return target;
  }

  private static boolean hasFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.findAny().isPresent();
    }
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
