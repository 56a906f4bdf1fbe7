package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;

/**
 * Writes a few original articles on the very first start so that a newcomer sees a real site. It
 * runs only when the site has no article at all; the fixed slugs make a second node that races for
 * the same empty database fail on the unique slug and roll back, so the content exists once.
 */
@ApplicationScoped
public class DemoContent {
  private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());
  private static final List<String> FILES =
      List.of("demo/marche-couvert.md", "demo/comete.md", "demo/bibliotheque-nuit.md");

  @PersistenceContext(unitName = "articles")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  @Transactional
  public void createIfSiteIsEmpty() {
    if (em.createNamedQuery(Article.COUNT, Long.class).getSingleResult() > 0) {
      return;
    }
    Instant now = clock.instant();
    for (String file : FILES) {
      DemoArticle demo = DemoArticle.parse(read(file));
      Article article =
          new Article(Slugs.of(demo.title()), demo.title(), demo.author(), demo.body(), now);
      article.publish(
          now.minus(Duration.ofHours(demo.hoursAgo())).truncatedTo(ChronoUnit.MINUTES), now);
      em.persist(article);
    }
    LOG.info(
        "The site was empty: demo articles created (tribune.demo-content=false turns this off)");
  }

  private static String read(String resource) {
    try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing demo resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
