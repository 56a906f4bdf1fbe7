package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.tribune.articles.api.BodyFormat;

/**
 * Writes a few original articles, with their authors, sections and tags, on the very first start so
 * that a newcomer sees a real site. It runs only when the site has no article at all, in one
 * transaction; a second node racing on the same empty database fails on the unique slugs and rolls
 * back, so the content exists once.
 */
@ApplicationScoped
public class DemoContent {
  private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());
  private static final String AUTHORS = "demo/authors.txt";
  private static final List<String> ARTICLES =
      List.of(
          "demo/marche-couvert.md",
          "demo/qualite-air.md",
          "demo/comete.md",
          "demo/festival-musique.md",
          "demo/bibliotheque-nuit.md",
          "demo/pistes-cyclables.md");

  @Inject @ArticlesDatabase private EntityManager em;

  @Inject private BodyRenderer renderer;
  @Inject private SearchIndex searchIndex;

  private final Clock clock = Clock.systemUTC();

  @Transactional
  public void createIfSiteIsEmpty() {
    if (em.createQuery("SELECT COUNT(a) FROM Article a", Long.class).getSingleResult() > 0) {
      return;
    }
    Instant now = clock.instant();
    Map<String, Author> authors = authors();
    Map<String, Section> sections = new HashMap<>();
    Map<String, Tag> tags = new HashMap<>();
    for (String file : ARTICLES) {
      DemoArticle demo = DemoArticle.parse(read(file));
      List<Author> byline = new ArrayList<>();
      for (String name : demo.authors()) {
        Author author = authors.get(name);
        if (author == null) {
          throw new IllegalStateException("Demo author missing from " + AUTHORS + ": " + name);
        }
        byline.add(author);
      }
      // Written when it was published, so that it does not read as "updated" today.
      Instant at = now.minus(Duration.ofHours(demo.hoursAgo())).truncatedTo(ChronoUnit.MINUTES);
      Article article =
          new Article(
              Slugs.of(demo.title()),
              new Article.Content(
                  demo.title(),
                  demo.standfirst(),
                  BodyFormat.MARKDOWN,
                  demo.body(),
                  renderer.render(BodyFormat.MARKDOWN, demo.body()),
                  byline,
                  section(demo.section(), sections),
                  demo.tags().stream().map(name -> tag(name, tags)).toList(),
                  null,
                  null,
                  true),
              at);
      article.publish(at, at);
      em.persist(article);
      em.flush();
      searchIndex.index(article);
    }
    LOG.info(
        "The site was empty: demo articles created (tribune.demo-content=false turns this off)");
  }

  private Map<String, Author> authors() {
    Map<String, Author> authors = new HashMap<>();
    for (String line : read(AUTHORS).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).strip();
      Author author = new Author(Slugs.of(name), name, line.substring(colon + 1).strip());
      em.persist(author);
      authors.put(name, author);
    }
    return authors;
  }

  private Section section(List<String> path, Map<String, Section> sections) {
    Section parent = null;
    for (String name : path) {
      Section current = sections.get(name);
      if (current == null) {
        current = new Section(Slugs.of(name), name, "", parent, sections.size() + 1);
        em.persist(current);
        sections.put(name, current);
      }
      parent = current;
    }
    return parent;
  }

  private Tag tag(String name, Map<String, Tag> tags) {
    return tags.computeIfAbsent(
        name,
        n -> {
          Tag tag = new Tag(Slugs.of(n), n, "");
          em.persist(tag);
          return tag;
        });
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
