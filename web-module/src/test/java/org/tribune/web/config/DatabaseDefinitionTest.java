package org.tribune.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.sql.DataSourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The defaults Payara sees in the annotation must be the documented ones. */
class DatabaseDefinitionTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{MPCONFIG=([^:}]+):([^}]*)}");

  @Test
  void annotationDefaultsMatchTheModuleConfigurationFile() throws IOException {
    Properties defaults = new Properties();
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/microprofile-config.properties")) {
      defaults.load(in);
    }
    DataSourceDefinition definition =
        DatabaseDefinition.class.getAnnotation(DataSourceDefinition.class);
    assertDefault(defaults, definition.url(), "tribune.db.url");
    assertDefault(defaults, definition.user(), "tribune.db.user");
    assertDefault(defaults, definition.password(), "tribune.db.password");
    assertDefault(
        defaults, definition.properties()[0].substring("dataDir=".length()), "tribune.data.dir");
    assertDefault(
        defaults,
        definition.properties()[1].substring("fish.payara.sql-trace-listeners=".length()),
        "tribune.db.sql-trace-listeners");
    assertEquals(DatabaseDefinition.JNDI_NAME, definition.name());
  }

  private static void assertDefault(Properties defaults, String placeholder, String key) {
    Matcher matcher = PLACEHOLDER.matcher(placeholder);
    assertEquals(true, matcher.matches(), placeholder);
    assertEquals(key, matcher.group(1));
    assertEquals(defaults.getProperty(key), matcher.group(2), key);
  }
}
