package org.tribune.web.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribune.web.config.TribuneDataSource;

/**
 * A snapshot of an embedded database and its media folder, and its restore into an empty data
 * folder; every refusal leaves the folder as it was.
 */
class SnapshotTest {
  @TempDir Path dir;
  private Path site;
  private Path snapshot;
  private byte[] photo;

  @BeforeEach
  void aSiteWithCommentsAndMedia() throws Exception {
    site = dir.resolve("site");
    photo = new byte[200_000];
    new Random(7).nextBytes(photo);
    Files.createDirectories(site.resolve("media/ab/cd"));
    Files.write(site.resolve("media/ab/cd/photo.jpg"), photo);
    Files.writeString(site.resolve("media/credits.txt"), "Photo : Mairie de Lannion");
    try (Connection connection = source(site).getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "CREATE TABLE \"articles_schema_history\"(\"version\" VARCHAR(50), \"success\" BOOLEAN)");
      sql.execute("INSERT INTO \"articles_schema_history\" VALUES (NULL, TRUE), ('12', TRUE)");
      sql.execute("INSERT INTO \"articles_schema_history\" VALUES ('13', FALSE)");
      sql.execute("CREATE TABLE articles_article(id BIGINT PRIMARY KEY, title VARCHAR(200))");
      sql.execute("INSERT INTO articles_article VALUES (1, 'Le pont de la Bouillie rouvre')");
      sql.execute("CREATE TABLE comments_comment(id BIGINT PRIMARY KEY, body VARCHAR(4000))");
      for (int i = 1; i <= 300; i++) {
        sql.execute("INSERT INTO comments_comment VALUES (" + i + ", 'Commentaire " + i + "')");
      }
      snapshot = dir.resolve("backups/tribune-20261207-033000.zip");
      SnapshotWriter.Contents contents =
          SnapshotWriter.write(connection, site.resolve("media"), snapshot);
      assertEquals("h2", contents.database());
      assertEquals(1, contents.articles());
      assertEquals(300, contents.comments());
      assertEquals(2, contents.mediaFiles());
      assertEquals(12, contents.schemas().get("articles_schema_history"));
    }
    try (Stream<Path> left = Files.list(snapshot.getParent())) {
      assertEquals(List.of(snapshot), left.toList(), "no part file left");
    }
  }

  @Test
  void aSnapshotRestoresTheDatabaseAndTheMediaIntoAnEmptyFolder() throws Exception {
    Path fresh = dir.resolve("fresh");
    SnapshotRestore.Restored restored = SnapshotRestore.restore(snapshot, fresh);
    assertEquals(300, restored.comments());
    assertEquals(2, restored.mediaFiles());
    assertArrayEquals(photo, Files.readAllBytes(fresh.resolve("media/ab/cd/photo.jpg")));
    assertEquals("Photo : Mairie de Lannion", Files.readString(fresh.resolve("media/credits.txt")));
    try (Connection connection = source(fresh).getConnection()) {
      assertEquals(300, count(connection, "comments_comment"));
      assertEquals("Le pont de la Bouillie rouvre", title(connection));
    }
    try (Stream<Path> files = Files.list(fresh)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".restore")));
    }
  }

  @Test
  void theDataSourceRestoresOnItsFirstConnectionOnly() throws Exception {
    Path fresh = dir.resolve("first-start");
    TribuneDataSource first = source(fresh);
    first.setRestoreFrom(snapshot.toString());
    try (Connection connection = first.getConnection();
        Statement sql = connection.createStatement()) {
      assertEquals(300, count(connection, "comments_comment"));
      sql.execute("INSERT INTO comments_comment VALUES (301, 'Après la restauration')");
    }
    TribuneDataSource again = source(fresh);
    again.setRestoreFrom(snapshot.toString());
    try (Connection connection = again.getConnection()) {
      assertEquals(301, count(connection, "comments_comment"), "not restored over");
    }
  }

  @Test
  void aFolderWithADatabaseIsRefused() {
    IOException refused =
        assertThrows(
            SnapshotRestore.RefusedException.class, () -> SnapshotRestore.restore(snapshot, site));
    assertTrue(refused.getMessage().contains("already holds a database"), refused.getMessage());
  }

  @Test
  void aTruncatedSnapshotIsRefusedAndNothingIsWritten() throws Exception {
    byte[] whole = Files.readAllBytes(snapshot);
    Path truncated = dir.resolve("truncated.zip");
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
    Path fresh = dir.resolve("after-truncated");
    assertThrows(
        SnapshotRestore.RefusedException.class, () -> SnapshotRestore.restore(truncated, fresh));
    assertFalse(Files.exists(fresh), "the data folder was not even made");

    TribuneDataSource source = source(fresh);
    source.setRestoreFrom(truncated.toString());
    SQLException failed = assertThrows(SQLException.class, source::getConnection);
    assertTrue(failed.getMessage().contains("was not restored"), failed.getMessage());
    assertFalse(Files.exists(fresh.resolve("tribune.mv.db")), "no empty database made instead");
  }

  @Test
  void aDamagedSnapshotIsRefusedByItsChecksums() throws Exception {
    byte[] bytes = Files.readAllBytes(snapshot);
    long offset;
    try (ZipFile zip = new ZipFile(snapshot.toFile())) {
      ZipEntry database = zip.getEntry("database/tribune.mv.db");
      offset = dataOffset(bytes, database) + database.getCompressedSize() / 2;
    }
    bytes[(int) offset] ^= 0x5a;
    Path damaged = dir.resolve("damaged.zip");
    Files.write(damaged, bytes);
    Path fresh = dir.resolve("after-damaged");
    IOException refused =
        assertThrows(
            SnapshotRestore.RefusedException.class, () -> SnapshotRestore.restore(damaged, fresh));
    assertFalse(Files.exists(fresh.resolve("tribune.mv.db")), refused.getMessage());
  }

  @Test
  void aSnapshotOfANewerSchemaIsRefused() throws Exception {
    Path newer = dir.resolve("newer.zip");
    zip(
        newer,
        "{\"format\":\"tribune-snapshot\",\"version\":1,\"database\":\"h2\","
            + "\"schemas\":{\"articles_schema_history\":99}}",
        "database/tribune.mv.db");
    IOException refused =
        assertThrows(
            SnapshotRestore.RefusedException.class,
            () -> SnapshotRestore.restore(newer, dir.resolve("after-newer")));
    assertTrue(refused.getMessage().contains("newer version of Tribune"), refused.getMessage());
  }

  @Test
  void entriesLeavingTheFolderAndForeignFilesAreRefused() throws Exception {
    String manifest = "{\"format\":\"tribune-snapshot\",\"version\":1,\"database\":\"h2\"}";
    Path escaping = dir.resolve("escaping.zip");
    zip(escaping, manifest, "database/tribune.mv.db", "media/../../outside.txt");
    assertThrows(
        SnapshotRestore.RefusedException.class,
        () -> SnapshotRestore.restore(escaping, dir.resolve("after-escaping")));
    assertFalse(Files.exists(dir.resolve("outside.txt")));

    Path foreign = dir.resolve("foreign.zip");
    zip(foreign, "{\"format\":\"something-else\"}", "database/tribune.mv.db");
    assertThrows(
        SnapshotRestore.RefusedException.class,
        () -> SnapshotRestore.restore(foreign, dir.resolve("after-foreign")));
  }

  @Test
  void partFilesOfAnInterruptedBackupAreRemoved() throws Exception {
    Path folder = snapshot.getParent();
    Files.writeString(folder.resolve(".tribune-20261207-040000.zip.part"), "half");
    Files.writeString(folder.resolve(".tribune-20261207-040000.zip.database.part"), "half");
    assertEquals(2, SnapshotWriter.removeParts(folder));
    assertTrue(Files.exists(snapshot));
  }

  private static TribuneDataSource source(Path folder) {
    TribuneDataSource source = new TribuneDataSource();
    source.setDataDir(folder.toString());
    return source;
  }

  private static int count(Connection connection, String table) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet result = query.executeQuery("SELECT COUNT(*) FROM " + table)) {
      result.next();
      return result.getInt(1);
    }
  }

  private static String title(Connection connection) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet result = query.executeQuery("SELECT title FROM articles_article")) {
      result.next();
      return result.getString(1);
    }
  }

  /** Where an entry's data starts in the file: after its local header, name and extra field. */
  private static long dataOffset(byte[] bytes, ZipEntry entry) throws IOException {
    byte[] name = entry.getName().getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 30 + name.length < bytes.length; i++) {
      if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
        int nameLength = (bytes[i + 26] & 0xff) | (bytes[i + 27] & 0xff) << 8;
        int extraLength = (bytes[i + 28] & 0xff) | (bytes[i + 29] & 0xff) << 8;
        if (nameLength == name.length
            && java.util.Arrays.equals(bytes, i + 30, i + 30 + nameLength, name, 0, name.length)) {
          return i + 30L + nameLength + extraLength;
        }
      }
    }
    throw new IOException("entry not found: " + entry.getName());
  }

  private static void zip(Path file, String manifest, String... names) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(manifest.getBytes(StandardCharsets.UTF_8));
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write("data".getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
