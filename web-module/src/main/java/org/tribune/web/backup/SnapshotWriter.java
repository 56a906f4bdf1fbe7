package org.tribune.web.backup;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Writes one snapshot: a zip holding {@value #MANIFEST} (what it is, when, the schema versions and
 * counts), the embedded database as H2's own online {@code BACKUP TO} made it (consistent while the
 * site takes comments) under {@value #DATABASE}, and the media folder under {@value #MEDIA}.
 *
 * <p>It is written as a hidden {@code .part} file, synced, then renamed: a server killed or a disk
 * filled during a backup leaves no file that looks like a snapshot, only a part file removed at the
 * next start ({@link #removeParts}).
 */
public final class SnapshotWriter {
  public static final String MANIFEST = "manifest.json";
  public static final String DATABASE = "database/";
  public static final String MEDIA = "media/";
  public static final String FORMAT = "tribune-snapshot";
  public static final int VERSION = 1;
  static final String PART = ".part";

  private static final Logger LOG = Logger.getLogger(SnapshotWriter.class.getName());

  private SnapshotWriter() {}

  /** What a snapshot held, for the manifest and the console. */
  public record Contents(
      String database,
      Map<String, Integer> schemas,
      long articles,
      long comments,
      int mediaFiles) {}

  /**
   * Writes {@code target} from the database behind {@code connection} (its file only if it is an
   * embedded H2 one) and the files under {@code mediaFolder} (none if it is null or absent).
   */
  public static Contents write(Connection connection, Path mediaFolder, Path target)
      throws IOException, SQLException {
    return write(connection, mediaFolder, target, "");
  }

  /**
   * As {@link #write(Connection, Path, Path)}, for a database whose user has this password: the
   * manifest's schema versions and counts are read from H2's copy itself (opened read-only), so
   * that they are those of the snapshot, not of the live database a moment later while comments
   * keep coming. If the copy cannot be opened (another password), they are read from the live
   * database right after the copy, and the log says so.
   */
  public static Contents write(
      Connection connection, Path mediaFolder, Path target, String password)
      throws IOException, SQLException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path part = folder.resolve("." + target.getFileName() + PART);
    Path databaseZip = folder.resolve("." + target.getFileName() + ".database" + PART);
    try {
      String product = connection.getMetaData().getDatabaseProductName();
      boolean h2 = "H2".equalsIgnoreCase(product);
      if (h2) {
        try (Statement backup = connection.createStatement()) {
          backup.execute("BACKUP TO '" + databaseZip.toString().replace("'", "''") + "'");
        }
      }
      List<Path> media = mediaFiles(mediaFolder);
      Contents contents = null;
      if (h2) {
        contents =
            counted(databaseZip, connection.getMetaData().getUserName(), password, media.size());
      }
      if (contents == null) {
        contents =
            new Contents(
                h2 ? "h2" : "postgresql",
                SchemaVersions.of(connection),
                count(connection, "articles_article"),
                count(connection, "comments_comment"),
                media.size());
      }
      try (OutputStream file = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW);
          ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
        zip.putNextEntry(new ZipEntry(MANIFEST));
        writeManifest(contents, zip);
        zip.closeEntry();
        if (h2) {
          copyDatabase(databaseZip, zip);
        }
        for (Path path : media) {
          String name = MEDIA + mediaFolder.relativize(path).toString().replace('\\', '/');
          zip.putNextEntry(new ZipEntry(name));
          Files.copy(path, zip);
          zip.closeEntry();
        }
      }
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      return contents;
    } finally {
      Files.deleteIfExists(part);
      Files.deleteIfExists(databaseZip);
    }
  }

  /** Removes the part files a backup interrupted (killed, disk full) left in {@code folder}. */
  public static int removeParts(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int removed = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(PART) && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    }
    return removed;
  }

  /** H2's backup zip holds the database file at its top: it goes under {@value #DATABASE}. */
  private static void copyDatabase(Path databaseZip, ZipOutputStream zip) throws IOException {
    try (InputStream in = Files.newInputStream(databaseZip);
        ZipInputStream entries = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      boolean found = false;
      for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (entry.isDirectory() || name.contains("/") || !name.endsWith(".mv.db")) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(DATABASE + name));
        entries.transferTo(zip);
        zip.closeEntry();
        found = true;
      }
      if (!found) {
        throw new IOException("H2's backup holds no database file");
      }
    }
  }

  private static List<Path> mediaFiles(Path mediaFolder) throws IOException {
    if (mediaFolder == null || !Files.isDirectory(mediaFolder)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(mediaFolder)) {
      walk.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    return files;
  }

  /** What H2's copy holds, read from the copy; {@code null} if it cannot be opened. */
  private static Contents counted(Path databaseZip, String user, String password, int mediaFiles)
      throws IOException {
    String database;
    try (ZipFile zip = new ZipFile(databaseZip.toFile())) {
      database =
          zip.stream()
              .map(ZipEntry::getName)
              .filter(name -> !name.contains("/") && name.endsWith(".mv.db"))
              .map(name -> name.substring(0, name.length() - ".mv.db".length()))
              .findFirst()
              .orElseThrow(() -> new IOException("H2's backup holds no database file"));
    }
    JdbcDataSource copy = new JdbcDataSource();
    copy.setURL("jdbc:h2:zip:" + databaseZip.toAbsolutePath() + "!/" + database);
    copy.setUser(user == null ? "" : user);
    copy.setPassword(password == null ? "" : password);
    try (Connection connection = copy.getConnection()) {
      return new Contents(
          "h2",
          SchemaVersions.of(connection),
          count(connection, "articles_article"),
          count(connection, "comments_comment"),
          mediaFiles);
    } catch (SQLException e) {
      LOG.warning(
          () ->
              "Could not open the database copy to count what it holds ("
                  + e.getMessage()
                  + "); the manifest's counts are the live database's, right after the copy");
      return null;
    }
  }

  private static long count(Connection connection, String table) {
    try (Statement query = connection.createStatement();
        ResultSet result = query.executeQuery("SELECT COUNT(*) FROM " + table)) {
      return result.next() ? result.getLong(1) : 0;
    } catch (SQLException e) {
      return -1;
    }
  }

  private static void writeManifest(Contents contents, OutputStream zip) throws IOException {
    Writer out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    JsonGenerator json = Json.createGenerator(out);
    json.writeStartObject();
    json.write("format", FORMAT);
    json.write("version", VERSION);
    json.write("created", Instant.now().toString());
    json.write("database", contents.database());
    json.writeStartObject("schemas");
    contents.schemas().forEach(json::write);
    json.writeEnd();
    json.writeStartObject("counts");
    json.write("articles", contents.articles());
    json.write("comments", contents.comments());
    json.write("mediaFiles", contents.mediaFiles());
    json.writeEnd();
    json.writeEnd();
    json.flush();
    out.flush();
  }
}
