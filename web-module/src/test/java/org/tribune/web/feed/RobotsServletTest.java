package org.tribune.web.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RobotsServletTest {

  @Test
  void robotsMayReadAllButTheConsoleAndAreToldWhereTheSitemapIs() {
    assertEquals(
        "User-agent: *\nDisallow: /admin/\n\nSitemap: https://journal.example/sitemap.xml\n",
        RobotsServlet.text("https://journal.example/sitemap.xml"));
  }
}
