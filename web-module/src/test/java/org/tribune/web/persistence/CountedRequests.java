package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Marks a request whose SQL statements {@link StatementCounter} records: one that carries the
 * header {@value #HEADER}, whose value names the record. A request listener rather than a filter:
 * it sees the whole request, before the router forwards it to its view. Deployed with the tests
 * only.
 */
@WebListener
public class CountedRequests implements ServletRequestListener {
  static final String HEADER = "X-Tribune-Test-Count-Statements";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * The site's stored settings (and menus, and the list of pages they may link to) are read again
   * every two seconds whatever the page (SiteSettings), so a request may or may not carry those
   * statements; they do not depend on what the page lists.
   */
  private static final List<String> SITE_SETTINGS_STATEMENTS =
      List.of("console_setting", "console_menu_item", "page_path is not null");

  /**
   * GETs a page of the site that answers the Arquillian call {@code request} (it must answer 200)
   * and returns the SQL statements it ran, without the site settings' periodic reads.
   */
  static List<String> statements(HttpServletRequest request, String path)
      throws IOException, InterruptedException {
    String mark = UUID.randomUUID().toString();
    URI uri =
        URI.create("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + path);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri)
                .header(HEADER, mark)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), () -> uri + " answers " + response.statusCode());
    return StatementCounter.statements(mark).stream()
        .filter(
            statement ->
                SITE_SETTINGS_STATEMENTS.stream()
                    .noneMatch(statement.toLowerCase(java.util.Locale.ROOT)::contains))
        .toList();
  }

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
