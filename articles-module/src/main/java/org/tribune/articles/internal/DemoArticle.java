package org.tribune.articles.internal;

import java.util.Arrays;
import java.util.List;

/**
 * A demo article file: a header of {@code key: value} lines, a blank line, then the Markdown body.
 * Keys: {@code title}, {@code standfirst}, {@code authors} (comma-separated), {@code section}
 * ({@code Parent / Child} for a sub-section), {@code tags} (comma-separated), {@code hours-ago}.
 */
record DemoArticle(
    String title,
    String standfirst,
    List<String> authors,
    List<String> section,
    List<String> tags,
    long hoursAgo,
    String body) {

  static DemoArticle parse(String text) {
    String normalized = text.replace("\r\n", "\n");
    int split = normalized.indexOf("\n\n");
    if (split < 0) {
      throw new IllegalArgumentException("A demo article needs a header, a blank line and a body");
    }
    String title = null;
    String standfirst = "";
    List<String> authors = List.of();
    List<String> section = List.of();
    List<String> tags = List.of();
    long hoursAgo = 0;
    for (String line : normalized.substring(0, split).split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("Not a header line: " + line);
      }
      String value = line.substring(colon + 1).strip();
      switch (line.substring(0, colon).strip()) {
        case "title" -> title = value;
        case "standfirst" -> standfirst = value;
        case "authors" -> authors = list(value, ",");
        case "section" -> section = list(value, "/");
        case "tags" -> tags = list(value, ",");
        case "hours-ago" -> hoursAgo = Long.parseLong(value);
        default -> throw new IllegalArgumentException("Unknown header: " + line);
      }
    }
    if (title == null || authors.isEmpty()) {
      throw new IllegalArgumentException("A demo article needs a title and an author");
    }
    if (section.size() > 2) {
      throw new IllegalArgumentException("Sections nest one level only: " + section);
    }
    return new DemoArticle(
        title,
        standfirst,
        authors,
        section,
        tags,
        hoursAgo,
        normalized.substring(split + 2).strip());
  }

  private static List<String> list(String value, String separator) {
    return Arrays.stream(value.split(separator))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
