package org.tribune.web.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo articles that the site writes on an empty database, read from the articles module's
 * {@code demo/*.md} on the test class path, so that the tests follow their text.
 */
final class DemoArticles {
  /** The same files as the articles module's demo content. */
  private static final List<String> FILES =
      List.of(
          "demo/marche-couvert.md",
          "demo/qualite-air.md",
          "demo/comete.md",
          "demo/festival-musique.md",
          "demo/bibliotheque-nuit.md",
          "demo/pistes-cyclables.md");

  /**
   * @param section the section path as written in the file: {@code Vie locale / Urbanisme}
   * @param body the Markdown body, after the header lines
   */
  record DemoArticle(String title, int hoursAgo, String section, String body) {}

  private DemoArticles() {}

  /** All demo articles, newest first (as the home page lists them). */
  static List<DemoArticle> newestFirst() {
    return FILES.stream()
        .map(DemoArticles::read)
        .sorted(Comparator.comparingInt(DemoArticle::hoursAgo))
        .toList();
  }

  /** One demo article, by its file name: {@code comete.md}. */
  static DemoArticle named(String fileName) {
    String resource = "demo/" + fileName;
    if (!FILES.contains(resource)) {
      throw new IllegalArgumentException("No demo article " + resource + " in " + FILES);
    }
    return read(resource);
  }

  static List<String> titlesNewestFirst() {
    return newestFirst().stream().map(DemoArticle::title).toList();
  }

  private static DemoArticle read(String resource) {
    try (InputStream in = DemoArticles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No " + resource + " on the test class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new DemoArticle(
          header(text, "title", resource),
          Integer.parseInt(header(text, "hours-ago", resource)),
          header(text, "section", resource),
          text.lines()
              .dropWhile(line -> !line.isBlank())
              .collect(Collectors.joining("\n"))
              .strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String header(String text, String key, String resource) {
    return text.lines()
        .takeWhile(line -> !line.isBlank())
        .filter(line -> line.startsWith(key + ":"))
        .map(line -> line.substring(key.length() + 1).strip())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(resource + " has no " + key + ": line"));
  }
}
