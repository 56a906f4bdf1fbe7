package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses that lead nowhere get the site's own French page, not the server's. */
@ExtendWith(SharedTribune.class)
class NotFoundIT {
  /** A Java stack frame ("at org.example.Foo.bar(Foo.java:12)") or an exception class name. */
  private static final Pattern STACK_TRACE =
      Pattern.compile("(\\bat [\\w.$]+\\([\\w.]*(:\\d+)?\\))|\\w+(Exception|Error)\\b");

  @ParameterizedTest
  @ValueSource(strings = {"/no-such-page", "/articles/nope"})
  void unknownAddressGetsTheFrenchNotFoundPage(String path, TribuneServer server)
      throws IOException {
    try (WebClient client = WebClients.withoutJavaScript()) {
      Page page = client.getPage(server.uri(path).toURL());
      assertEquals(404, page.getWebResponse().getStatusCode());
      assertTrue(page.isHtmlPage(), "the 404 answer is not HTML");
      HtmlPage html = (HtmlPage) page;
      String body = page.getWebResponse().getContentAsString();
      DomElement heading = html.getBody().querySelector("h1");
      assertAll(
          () -> assertEquals("fr", html.getDocumentElement().getAttribute("lang")),
          () -> assertEquals("Page introuvable", heading == null ? null : heading.getTextContent()),
          () ->
              assertFalse(
                  body.contains("Payara") || body.contains("HTTP Status"),
                  "the server's default error page is shown"),
          () -> assertFalse(STACK_TRACE.matcher(body).find(), "the page shows a stack trace"));
    }
  }
}
