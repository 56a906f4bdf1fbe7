package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A renamed article answers at its former addresses with a permanent redirect to the current one,
 * over real HTTP; a former address of an article that is no longer readable is a plain 404.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FormerSlugIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("tribune.it.war")))
        .addPackage(FormerSlugIT.class.getPackage());
  }

  @ArquillianResource URL deployed;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> slugs = new HashMap<>();

  @BeforeEach
  void seed() throws Exception {
    HttpResponse<String> seeded =
        http.send(
            HttpRequest.newBuilder(deployed.toURI().resolve("test-seed/former-slug"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, seeded.statusCode(), seeded.body());
    seeded.body().lines().map(l -> l.split("\t")).forEach(p -> slugs.put(p[0], p[1]));
  }

  @Test
  void everyFormerSlugRedirectsPermanentlyToTheCurrentOne() throws Exception {
    String current = "articles/" + slugs.get("current");
    for (String former : new String[] {"first", "second"}) {
      HttpResponse<String> response = get("articles/" + slugs.get(former));
      assertEquals(301, response.statusCode(), former);
      assertEquals(
          deployed.getPath() + current,
          URI.create(response.headers().firstValue("Location").orElseThrow()).getPath(),
          former);
    }
    assertEquals(200, get(current).statusCode());
  }

  @Test
  void aFormerSlugOfAnArticleNoLongerReadableIsNotFound() throws Exception {
    assertEquals(404, get("articles/" + slugs.get("draft-former")).statusCode());
    assertEquals(404, get("articles/" + slugs.get("draft-current")).statusCode());
  }

  /** GET a path relative to the application's root, without following redirects. */
  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(deployed.toURI().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
