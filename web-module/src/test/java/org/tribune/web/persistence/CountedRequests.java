package org.tribune.web.persistence;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Marks a request whose SQL statements {@link StatementCounter} records: one that carries the
 * header {@value #HEADER}, whose value names the record. A request listener rather than a filter:
 * it sees the whole request, before the router forwards it to its view. Deployed with the tests
 * only.
 */
@WebListener
public class CountedRequests implements ServletRequestListener {
  static final String HEADER = "X-Tribune-Test-Count-Statements";

  @Override
  public void requestInitialized(ServletRequestEvent event) {
    if (event.getServletRequest() instanceof HttpServletRequest request) {
      String mark = request.getHeader(HEADER);
      if (mark != null && !mark.isBlank()) {
        StatementCounter.begin(mark);
      }
    }
  }

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    StatementCounter.end();
  }
}
