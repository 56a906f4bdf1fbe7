package org.tribune.web.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.ServletException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures of a page mean "the database is out of reach" (503), and which do not (500). */
class DatabaseFailuresTest {

  @Test
  void aRefusedConnectionDeepInsideThePagesFailureIsUnreachable() {
    Throwable refused =
        new ServletException(
            new PersistenceException(
                new SQLException("Error in allocating a connection", new ConnectException())));
    assertTrue(DatabaseFailures.isUnreachable(refused));
  }

  @Test
  void connectionStatesAndServerShutdownAreUnreachable() {
    assertTrue(DatabaseFailures.isUnreachable(new SQLException("gone", "08006")));
    assertTrue(DatabaseFailures.isUnreachable(new SQLException("closed", "08003")));
    assertTrue(
        DatabaseFailures.isUnreachable(
            new RuntimeException(new SQLException("terminating connection", "57P01"))));
    SQLException chained = new SQLException("batch failed", "XX000");
    chained.setNextException(new SQLException("I/O error", "08006"));
    assertTrue(DatabaseFailures.isUnreachable(chained));
  }

  @Test
  void anH2DatabaseThatCannotWriteItsFileIsUnreachable() {
    // As H2 reports a full disk at a commit, and every statement after it.
    Throwable full =
        new PersistenceException(
            new SQLException(
                "General error: Writing to a file failed",
                "50000",
                new IllegalStateException(
                    "Writing failed", new IOException("No space left on device"))));
    assertTrue(DatabaseFailures.isUnreachable(full));
    assertTrue(DatabaseFailures.isUnreachable(new SQLException("has been closed", "90098")));
    // A commit that failed in the transaction manager, the database's failure left out.
    assertTrue(
        DatabaseFailures.isUnreachable(
            new TransactionalException("during commit", new SystemException("commit failed"))));
    assertTrue(DatabaseFailures.isUnreachable(new SQLException("is read only", "90097")));
  }

  @Test
  void aFailedFileOperationOutsideTheDatabaseIsNot() {
    // A visitor who goes away mid-answer, for instance.
    assertFalse(DatabaseFailures.isUnreachable(new ServletException(new IOException("reset"))));
    assertFalse(
        DatabaseFailures.isUnreachable(
            new IOException("broken pipe", new SQLException("unrelated", "42601"))));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(DatabaseFailures.isUnreachable(new IllegalStateException("a bug")));
    assertFalse(DatabaseFailures.isUnreachable(new SQLException("syntax", "42601")));
    assertFalse(DatabaseFailures.isUnreachable(new SQLException("unique", "23505")));
    assertFalse(DatabaseFailures.isUnreachable(new SQLException("no state")));
  }

  @Test
  void aCauseLoopEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertFalse(DatabaseFailures.isUnreachable(b));
  }
}
