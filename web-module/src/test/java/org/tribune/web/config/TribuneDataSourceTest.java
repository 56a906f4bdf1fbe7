package org.tribune.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TribuneDataSourceTest {

  @Test
  void withoutUrlItOpensTheEmbeddedH2FileInTheDataDirectory(@TempDir Path dir) throws SQLException {
    TribuneDataSource dataSource = new TribuneDataSource();
    dataSource.setUrl("");
    dataSource.setDataDir(dir.resolve("data").toString());
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 1")) {
      assertTrue(result.next());
    }
    assertTrue(Files.exists(dir.resolve("data/tribune.mv.db")));
  }

  @Test
  void unresolvedPlaceholdersCountAsUnset() {
    TribuneDataSource dataSource = new TribuneDataSource();
    dataSource.setUrl("${MPCONFIG=tribune.db.url}");
    dataSource.setDataDir("${MPCONFIG=tribune.data.dir}");
    assertEquals(
        "jdbc:h2:file:"
            + Path.of("tribune-data").toAbsolutePath().normalize().resolve("tribune")
            + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0",
        dataSource.effectiveUrl());
  }

  @Test
  void anUnsupportedDatabaseNamesTheSettingToFix() {
    TribuneDataSource dataSource = new TribuneDataSource();
    dataSource.setUrl("jdbc:mysql://localhost/tribune");
    SQLException e = assertThrows(SQLException.class, dataSource::getConnection);
    assertTrue(e.getMessage().contains("tribune.db.url"), e.getMessage());
  }

  @Test
  void anUnreachablePostgresqlNamesTheSettingsToFix() {
    TribuneDataSource dataSource = new TribuneDataSource();
    dataSource.setUrl("jdbc:postgresql://127.0.0.1:1/tribune?connectTimeout=2");
    dataSource.setUser("tribune");
    SQLException e = assertThrows(SQLException.class, dataSource::getConnection);
    assertTrue(e.getMessage().contains("tribune.db.url"), e.getMessage());
    assertTrue(e.getMessage().contains("TRIBUNE_DB_URL"), e.getMessage());
    assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
  }
}
