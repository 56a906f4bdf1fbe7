package org.tribune.web.persistence;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glassfish.api.jdbc.SQLTraceListener;
import org.glassfish.api.jdbc.SQLTraceRecord;

/**
 * Records the SQL statements that the connection pool runs for requests marked by {@link
 * CountedRequests}. Payara creates it when the pool's {@code fish.payara.sql-trace-listeners} names
 * it, which the Arquillian container does through {@code tribune.db.sql-trace-listeners} (see
 * {@code arquillian.xml}); it calls it on the thread that uses the connection, so a thread-local
 * mark tells which request a statement belongs to.
 */
public class StatementCounter implements SQLTraceListener {
  private static final Set<String> EXECUTIONS =
      Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate");
  private static final Set<String> PREPARATIONS =
      Set.of("prepareStatement", "prepareCall", "addBatch");

  private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<String> LAST_PREPARED = new ThreadLocal<>();
  private static final Map<String, List<String>> BY_MARK = new ConcurrentHashMap<>();

  /** Public, no-argument: Payara instantiates the listener by reflection. */
  public StatementCounter() {}

  @Override
  public void sqlTrace(SQLTraceRecord record) {
    List<String> statements = CURRENT.get();
    if (statements == null) {
      return;
    }
    String method = record.getMethodName();
    Object[] params = record.getParams();
    String sql = params != null && params.length > 0 && params[0] instanceof String s ? s : null;
    if (EXECUTIONS.contains(method)) {
      // execute(sql) on a plain statement carries its SQL; a prepared one was noted when prepared.
      statements.add(sql != null ? sql : "(prepared) " + LAST_PREPARED.get());
    } else if (PREPARATIONS.contains(method) && sql != null) {
      LAST_PREPARED.set(sql);
    }
  }

  /** Starts recording the statements of the current thread under {@code mark}. */
  static void begin(String mark) {
    List<String> statements = new CopyOnWriteArrayList<>();
    BY_MARK.put(mark, statements);
    CURRENT.set(statements);
  }

  /** Stops recording on the current thread. */
  static void end() {
    CURRENT.remove();
    LAST_PREPARED.remove();
  }

  /** The statements run under {@code mark}, in order; empty if there were none. */
  static List<String> statements(String mark) {
    return List.copyOf(BY_MARK.getOrDefault(mark, List.of()));
  }
}
