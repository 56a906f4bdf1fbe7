package org.tribune.articles.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo content as shipped in {@code demo/}: the articles and the authors' biographies. It is
 * also how demo content is recognised later: by the slugs these names give.
 *
 * @param articles the demo articles, in the order they are written
 * @param authors each author's name and biography, in file order
 */
record DemoSet(List<DemoArticle> articles, Map<String, String> authors) {
  static final String AUTHORS = "demo/authors.txt";
  static final List<String> ARTICLES =
      List.of(
          "demo/marche-couvert.md",
          "demo/qualite-air.md",
          "demo/comete.md",
          "demo/festival-musique.md",
          "demo/bibliotheque-nuit.md",
          "demo/pistes-cyclables.md");

  DemoSet {
    articles = List.copyOf(articles);
    authors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(authors));
    for (DemoArticle article : articles) {
      for (String name : article.authors()) {
        if (!authors.containsKey(name)) {
          throw new IllegalStateException("Demo author missing from " + AUTHORS + ": " + name);
        }
      }
    }
  }

  /** The shipped demo content, read from the class path. */
  static DemoSet shipped() {
    return of(read(AUTHORS), ARTICLES.stream().map(DemoSet::read).toList());
  }

  /** Demo content from the text of an authors file ({@code Name: biography} lines) and articles. */
  static DemoSet of(String authorsText, List<String> articleTexts) {
    Map<String, String> authors = new LinkedHashMap<>();
    for (String line : authorsText.replace("\r\n", "\n").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("Not an author line: " + line);
      }
      authors.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    return new DemoSet(articleTexts.stream().map(DemoArticle::parse).toList(), authors);
  }

  Set<String> articleSlugs() {
    return slugs(articles.stream().map(DemoArticle::title).toList());
  }

  Set<String> authorSlugs() {
    return slugs(authors.keySet());
  }

  /** Sub-sections first, so that deleting in this order empties a parent before it is reached. */
  List<String> sectionSlugsChildrenFirst() {
    Set<String> children = new LinkedHashSet<>();
    Set<String> parents = new LinkedHashSet<>();
    for (DemoArticle article : articles) {
      List<String> path = article.section();
      for (int i = 0; i < path.size(); i++) {
        (i == path.size() - 1 && i > 0 ? children : parents).add(Slugs.of(path.get(i)));
      }
    }
    List<String> ordered = new ArrayList<>(children);
    parents.stream().filter(slug -> !children.contains(slug)).forEach(ordered::add);
    return ordered;
  }

  Set<String> tagSlugs() {
    return slugs(articles.stream().flatMap(a -> a.tags().stream()).toList());
  }

  private static Set<String> slugs(Iterable<String> names) {
    Set<String> slugs = new LinkedHashSet<>();
    names.forEach(name -> slugs.add(Slugs.of(name)));
    return slugs;
  }

  private static String read(String resource) {
    try (InputStream in = DemoSet.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing demo resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
