package org.tribune.web.console.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditLogTest {

  @Test
  void wildcardsTypedInAFilterMatchThemselves() {
    assertEquals("100!% !_ !! \\ '", AuditLog.escapeLike("100% _ ! \\ '"));
  }
}
