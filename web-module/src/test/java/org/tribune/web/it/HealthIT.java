package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MicroProfile Health endpoint that load balancers and operators poll. */
@ExtendWith(SharedTribune.class)
class HealthIT {

  @Test
  void healthIsUpWithBothDatabaseChecksUp(TribuneServer server)
      throws IOException, InterruptedException {
    HealthReport health = HealthReport.of(server);

    assertAll(
        () -> assertEquals(200, health.httpStatus()),
        () ->
            assertTrue(
                health.contentType().startsWith("application/json"),
                () -> "content type " + health.contentType()),
        () -> assertEquals("UP", health.status()),
        () ->
            assertEquals(
                Map.of("articles-database", "UP", "comments-database", "UP"),
                health.databaseChecks()));
  }
}
