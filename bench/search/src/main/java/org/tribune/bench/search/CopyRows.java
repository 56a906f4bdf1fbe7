package org.tribune.bench.search;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writing rows with PostgreSQL's {@code COPY … FROM STDIN} in its text format: the generators of
 * bench/search and bench/suite fill a buffer with {@link #row} and send it with {@link #flush}.
 */
public final class CopyRows {
  private CopyRows() {}

  /** Starts a {@code COPY … FROM STDIN} on the connection. */
  public static CopyIn copy(Connection connection, String sql) throws SQLException {
    return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
  }

  /** Sends what the buffer holds and empties it. */
  public static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
  }

  /** One row in COPY's text format ({@code null} is {@code \N}). */
  public static void row(StringBuilder buffer, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        buffer.append('\t');
      }
      Object value = values[i];
      if (value == null) {
        buffer.append("\\N");
        continue;
      }
      String text = value.toString();
      for (int c = 0; c < text.length(); c++) {
        char ch = text.charAt(c);
        switch (ch) {
          case '\\' -> buffer.append("\\\\");
          case '\t' -> buffer.append("\\t");
          case '\n' -> buffer.append("\\n");
          case '\r' -> buffer.append("\\r");
          default -> buffer.append(ch);
        }
      }
    }
    buffer.append('\n');
  }
}
