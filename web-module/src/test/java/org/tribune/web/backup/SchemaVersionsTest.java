package org.tribune.web.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The versions a snapshot is checked against are those of the migrations in the sources. */
class SchemaVersionsTest {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.(sql|java)");

  @Test
  void theKnownVersionsAreTheHighestMigrationOfEachModule() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Map<String, Path> modules =
        Map.of(
            "articles_schema_history", root.resolve("articles-module/src/main"),
            "comments_schema_history", root.resolve("comments-module/src/main"),
            "console_schema_history", root.resolve("web-module/src/main/resources/db"));
    for (Map.Entry<String, Path> module : modules.entrySet()) {
      assertEquals(
          highest(module.getValue()),
          SchemaVersions.KNOWN.get(module.getKey()),
          module.getKey() + ": update SchemaVersions.KNOWN with the new migration");
    }
  }

  @Test
  void versionsAreComparedByTheirMajorNumber() {
    assertEquals(12, SchemaVersions.parse("12"));
    assertEquals(3, SchemaVersions.parse("3.1"));
    assertEquals(0, SchemaVersions.parse(null));
    assertNull(SchemaVersions.newer(Map.of("articles_schema_history", 1)));
    assertEquals(
        "comments_schema_history (99, this build "
            + SchemaVersions.KNOWN.get("comments_schema_history")
            + ")",
        SchemaVersions.newer(Map.of("comments_schema_history", 99)));
  }

  private static int highest(Path folder) throws IOException {
    int highest = 0;
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.toList()) {
        Matcher name = MIGRATION.matcher(file.getFileName().toString());
        if (name.matches()) {
          highest = Math.max(highest, Integer.parseInt(name.group(1)));
        }
      }
    }
    return highest;
  }
}
